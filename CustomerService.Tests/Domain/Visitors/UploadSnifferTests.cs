using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC D6 / M: uploads are typed by their bytes, executables refused, served with a safe content type.</summary>
public sealed class UploadSnifferTests
{
    public static TheoryData<byte[], string, UploadKind, string, string> AcceptedUploads => new()
    {
        { UploadSamples.Png(), "截图.png", UploadKind.Image, "image/png", "png" },
        { UploadSamples.Jpeg(), "photo.JPG", UploadKind.Image, "image/jpeg", "jpg" },
        { UploadSamples.Jpeg(), "photo.jpeg", UploadKind.Image, "image/jpeg", "jpeg" },
        { UploadSamples.Gif(), "表情.gif", UploadKind.Image, "image/gif", "gif" },
        { UploadSamples.WebP(), "a.webp", UploadKind.Image, "image/webp", "webp" },
        { UploadSamples.Bmp(), "a.bmp", UploadKind.Image, "image/bmp", "bmp" },
        { UploadSamples.Pdf(), "发票.pdf", UploadKind.File, "application/pdf", "pdf" },
        { UploadSamples.Zip(), "合同.docx", UploadKind.File, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx" },
        { UploadSamples.Zip(), "报价.xlsx", UploadKind.File, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx" },
        { UploadSamples.Zip(), "logs.zip", UploadKind.File, "application/zip", "zip" },
        { UploadSamples.Ole(), "旧合同.doc", UploadKind.File, "application/msword", "doc" },
        { UploadSamples.Ole(), "旧报价.xls", UploadKind.File, "application/vnd.ms-excel", "xls" },
        { UploadSamples.Text(), "订单.txt", UploadKind.File, "text/plain; charset=utf-8", "txt" },
        { UploadSamples.Text("a,b\n1,2\n"), "list.csv", UploadKind.File, "text/csv; charset=utf-8", "csv" },
        { UploadSamples.GbkText(), "旧记事本.txt", UploadKind.File, "text/plain", "txt" },
    };

    [Theory]
    [MemberData(nameof(AcceptedUploads))]
    public void Upload_is_typed_by_its_bytes(byte[] head, string fileName, UploadKind kind, string contentType, string extension)
    {
        var outcome = UploadSniffer.Sniff(head, fileName);

        Assert.True(outcome.Succeeded, outcome.Violation?.ToString());
        Assert.Equal(new SniffedUpload(kind, contentType, extension), outcome.Value);
    }

    [Theory]
    [MemberData(nameof(Executables))]
    public void Executable_is_refused_whatever_its_name(byte[] head, string fileName)
    {
        var outcome = UploadSniffer.Sniff(head, fileName);

        Assert.Equal("UploadExecutable", outcome.Violation?.Code);
    }

    public static TheoryData<byte[], string> Executables => new()
    {
        { UploadSamples.WindowsExe(), "setup.exe" },
        { UploadSamples.WindowsExe(), "invoice.pdf" },
        { UploadSamples.WindowsExe(), "photo.png" },
        { UploadSamples.LinuxElf(), "readme.txt" },
        { UploadSamples.MacMachO(), "image.jpg" },
        { UploadSamples.ShellScript(), "notes.txt" },
        { UploadSamples.Text("@echo off\r\ndel *.*\r\n"), "run.bat" },
        { UploadSamples.Png(), "photo.png.exe" },
        { UploadSamples.Ole(), "installer.msi" },
        { UploadSamples.Zip(), "app.apk" },
    };

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photo.gif")]
    [InlineData("photo.pdf")]
    public void Image_whose_extension_disagrees_with_its_content_is_refused(string fileName)
    {
        var outcome = UploadSniffer.Sniff(UploadSamples.Png(), fileName);

        Assert.Equal("UploadExtensionMismatch", outcome.Violation?.Code);
        Assert.Equal(Path.GetExtension(fileName)[1..], outcome.Violation!.Arguments.Single());
    }

    [Fact]
    public void Document_whose_extension_disagrees_with_its_content_is_refused()
    {
        Assert.Equal("UploadExtensionMismatch", UploadSniffer.Sniff(UploadSamples.Pdf(), "report.docx").Violation?.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("image")]
    [InlineData("C:\\Users\\me\\Desktop\\image")]
    public void Upload_without_an_extension_gets_the_one_its_content_calls_for(string? fileName)
    {
        var outcome = UploadSniffer.Sniff(UploadSamples.Png(), fileName);

        Assert.Equal(new SniffedUpload(UploadKind.Image, "image/png", "png"), outcome.Value);
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("page.html")]
    [InlineData("data.json")]
    public void Text_that_browsers_would_interpret_is_refused(string fileName)
    {
        var outcome = UploadSniffer.Sniff(UploadSamples.Svg(), fileName);

        Assert.Equal("UploadTypeNotAllowed", outcome.Violation?.Code);
    }

    [Fact]
    public void Unknown_binary_is_refused()
    {
        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(UploadSamples.UnknownBinary(), "data.txt").Violation?.Code);
    }

    [Fact]
    public void Text_starting_with_bm_is_not_mistaken_for_a_bitmap()
    {
        var outcome = UploadSniffer.Sniff(UploadSamples.Text("BMW X5 订单备注：请尽快发货\n"), "note.txt");

        Assert.Equal(UploadKind.File, outcome.Value?.Kind);
    }

    [Fact]
    public void Utf8_character_cut_off_at_the_end_of_the_head_is_still_utf8()
    {
        var head = UploadSamples.Text("请尽快发货")[..^1];

        Assert.Equal("text/plain; charset=utf-8", UploadSniffer.Sniff(head, "a.txt").Value?.ContentType);
    }

    [Fact]
    public void Empty_upload_is_refused()
    {
        Assert.Equal("UploadEmpty", UploadSniffer.Sniff([], "a.png").Violation?.Code);
    }

    [Fact]
    public void A_riff_file_that_is_not_webp_is_not_an_image()
    {
        byte[] wave = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8, 0x10, 0, 0, 0];

        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(wave, "a.webp").Violation?.Code);
    }

    [Fact]
    public void A_riff_header_cut_off_before_its_form_type_is_not_an_image()
    {
        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(UploadSamples.WebP()[..10], "a.webp").Violation?.Code);
    }

    [Fact]
    public void A_bitmap_with_an_unknown_header_size_is_not_an_image()
    {
        var bmp = UploadSamples.Bmp();
        bmp[14] = 41;

        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(bmp, "a.bmp").Violation?.Code);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(108)]
    [InlineData(124)]
    public void Bitmaps_with_the_older_and_newer_header_sizes_are_images(byte headerSize)
    {
        var bmp = UploadSamples.Bmp();
        bmp[14] = headerSize;

        Assert.Equal(new SniffedUpload(UploadKind.Image, "image/bmp", "bmp"), UploadSniffer.Sniff(bmp, "a.bmp").Value);
    }

    [Fact]
    public void A_bitmap_header_cut_off_before_its_header_size_is_not_an_image()
    {
        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(UploadSamples.Bmp()[..16], "a.bmp").Violation?.Code);
    }

    [Theory]
    [InlineData("GIF87a")]
    [InlineData("GIF89a")]
    public void Both_gif_versions_are_images(string version)
    {
        byte[] gif = [.. System.Text.Encoding.ASCII.GetBytes(version), 1, 0, 1, 0, 0x80, 0, 0];

        Assert.Equal(new SniffedUpload(UploadKind.Image, "image/gif", "gif"), UploadSniffer.Sniff(gif, "a.gif").Value);
    }

    [Fact]
    public void A_gif_without_an_extension_is_named_gif()
    {
        Assert.Equal("gif", UploadSniffer.Sniff(UploadSamples.Gif(), "animation").Value?.Extension);
    }

    [Fact]
    public void The_shortest_complete_webp_and_bitmap_heads_are_images()
    {
        Assert.Equal("webp", UploadSniffer.Sniff(UploadSamples.WebP()[..12], "a.webp").Value?.Extension);
        Assert.Equal("bmp", UploadSniffer.Sniff(UploadSamples.Bmp()[..18], "a.bmp").Value?.Extension);
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("dll")]
    [InlineData("com")]
    [InlineData("scr")]
    [InlineData("msi")]
    [InlineData("msp")]
    [InlineData("bat")]
    [InlineData("cmd")]
    [InlineData("ps1")]
    [InlineData("psm1")]
    [InlineData("vbs")]
    [InlineData("vbe")]
    [InlineData("js")]
    [InlineData("jse")]
    [InlineData("wsf")]
    [InlineData("wsh")]
    [InlineData("hta")]
    [InlineData("cpl")]
    [InlineData("jar")]
    [InlineData("apk")]
    [InlineData("app")]
    [InlineData("dmg")]
    [InlineData("pkg")]
    [InlineData("deb")]
    [InlineData("rpm")]
    [InlineData("sh")]
    [InlineData("bash")]
    [InlineData("elf")]
    [InlineData("bin")]
    [InlineData("run")]
    [InlineData("lnk")]
    [InlineData("reg")]
    public void Every_executable_extension_is_refused_as_executable_even_on_plain_text(string extension)
    {
        // A double-clicked download runs by its extension, whatever its bytes: refused as executable, not as a mismatch.
        var outcome = UploadSniffer.Sniff(UploadSamples.Text("hello\n"), "readme." + extension.ToUpperInvariant());

        Assert.Equal("UploadExecutable", outcome.Violation?.Code);
    }

    [Fact]
    public void A_script_saved_with_a_byte_order_mark_is_executable()
    {
        byte[] script = [0xEF, 0xBB, 0xBF, .. "#!/usr/bin/env python\n"u8];

        Assert.Equal("UploadExecutable", UploadSniffer.Sniff(script, "notes.txt").Violation?.Code);
    }

    public static TheoryData<byte[], string, string, string> OtherAcceptedNames => new()
    {
        { UploadSamples.Jpeg(), "a.jpe", "image/jpeg", "jpe" },
        { UploadSamples.Jpeg(), "a.jfif", "image/jpeg", "jfif" },
        { UploadSamples.Zip(), "方案.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx" },
        { UploadSamples.Ole(), "旧方案.ppt", "application/vnd.ms-powerpoint", "ppt" },
        { UploadSamples.Text(), "server.log", "text/plain; charset=utf-8", "log" },
        { UploadSamples.Text(), "说明.md", "text/plain; charset=utf-8", "md" },
        { [.. "PK\x05\x06"u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "empty.zip", "application/zip", "zip" },
    };

    [Theory]
    [MemberData(nameof(OtherAcceptedNames))]
    public void Every_accepted_extension_is_served_with_its_own_content_type(byte[] head, string fileName, string contentType, string extension)
    {
        var outcome = UploadSniffer.Sniff(head, fileName);

        Assert.Equal((contentType, extension), (outcome.Value?.ContentType, outcome.Value?.Extension));
    }

    public static TheoryData<byte[], UploadKind, string, string> NamelessUploads => new()
    {
        { UploadSamples.Jpeg(), UploadKind.Image, "image/jpeg", "jpg" },
        { UploadSamples.WebP(), UploadKind.Image, "image/webp", "webp" },
        { UploadSamples.Bmp(), UploadKind.Image, "image/bmp", "bmp" },
        { UploadSamples.Pdf(), UploadKind.File, "application/pdf", "pdf" },
        { UploadSamples.Zip(), UploadKind.File, "application/zip", "zip" },
        { UploadSamples.Ole(), UploadKind.File, "application/msword", "doc" },
        { UploadSamples.Text(), UploadKind.File, "text/plain; charset=utf-8", "txt" },
    };

    [Theory]
    [MemberData(nameof(NamelessUploads))]
    public void Each_kind_without_a_name_gets_its_first_extension(byte[] head, UploadKind kind, string contentType, string extension) =>
        Assert.Equal(new SniffedUpload(kind, contentType, extension), UploadSniffer.Sniff(head, "clipboard").Value);

    [Theory]
    [InlineData("a.txt.")]
    [InlineData("/tmp/upload.dir/a.txt")]
    [InlineData("D:\\备份.2024\\a.txt")]
    public void Only_the_last_name_of_a_path_gives_the_extension_and_trailing_dots_are_ignored(string fileName) =>
        Assert.Equal("txt", UploadSniffer.Sniff(UploadSamples.Text(), fileName).Value?.Extension);

    [Theory]
    [InlineData("/tmp/upload.dir/README")]
    [InlineData(".gitignore")]
    public void A_name_whose_only_dot_is_in_a_folder_or_at_its_start_has_no_extension(string fileName) =>
        Assert.Equal("txt", UploadSniffer.Sniff(UploadSamples.Text(), fileName).Value?.Extension);

    [Fact]
    public void Form_feeds_carriage_returns_and_escapes_are_still_text()
    {
        var outcome = UploadSniffer.Sniff(UploadSamples.Text("第一页\f第二页\r\n\u001b[0m"), "a.txt");

        Assert.Equal("text/plain; charset=utf-8", outcome.Value?.ContentType);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x01)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    public void Other_control_bytes_make_it_binary(byte control)
    {
        byte[] head = [.. "订单"u8, control, .. "备注"u8];

        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(head, "a.txt").Violation?.Code);
    }

    [Fact]
    public void Text_with_a_broken_utf8_sequence_before_its_end_has_no_utf8_charset()
    {
        byte[] head = [.. "订单"u8, 0xE8, (byte)'x', .. "备注"u8];

        Assert.Equal("text/plain", UploadSniffer.Sniff(head, "a.txt").Value?.ContentType);
    }

    [Fact]
    public void A_webp_form_type_without_the_riff_header_is_not_an_image()
    {
        var notRiff = UploadSamples.WebP();
        "JUNK"u8.CopyTo(notRiff);

        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(notRiff, "a.webp").Violation?.Code);
    }

    [Fact]
    public void A_bitmap_header_size_without_the_bm_magic_is_not_an_image()
    {
        var notBitmap = UploadSamples.Bmp();
        "XX"u8.CopyTo(notBitmap);

        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(notBitmap, "a.bmp").Violation?.Code);
    }

    [Fact]
    public void Only_the_whole_elf_magic_marks_an_executable()
    {
        byte[] head = [0x7F, .. "ELK"u8, 2, 1, 1, 0];

        Assert.Equal("UploadTypeNotAllowed", UploadSniffer.Sniff(head, "a.bin2").Violation?.Code);
    }
}

