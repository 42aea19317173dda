using System.Text;

namespace CustomerService.Tests.Builders;

/// <summary>The leading bytes of real files of each kind, as an upload's first block carries them.</summary>
public static class UploadSamples
{
    public static byte[] Png() => [0x89, .. "PNG\r\n\x1A\n"u8, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    /// <summary>A whole 48×48 orange PNG a browser can decode (the other samples are only headers, enough for the sniffer).</summary>
    public static byte[] DecodablePng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAoklEQVR42u3PYQbCAACA0R1sh4gRERERERExIkZERERERETEiIgYIyIiIqK/u8b6jtABvh/vAC8oKmFZRKiihjoaaKKFNjroooc+BogxxAgJxphgihnmWGCJFdbYYIsd9jggxREnnHFBhhxX3HDHA0+88MYH37AMDBgwYMCAAQMGDBgwYMCAAQMGDBgwYMCAAQMGDBgwYMCAAQMGDBgw8G/gBy/tdOm3+Dd1AAAAAElFTkSuQmCC");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0];

    public static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0];

    public static byte[] WebP() => [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 0x18, 0, 0, 0];

    /// <summary>A 1×1 bitmap: file header (14 bytes) and a BITMAPINFOHEADER (size 40).</summary>
    public static byte[] Bmp() => [.. "BM"u8, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0];

    public static byte[] Pdf() => [.. "%PDF-1.7\n"u8, (byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, .. "\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8];

    /// <summary>A ZIP local file header, as docx / xlsx / pptx / zip all start.</summary>
    public static byte[] Zip() => [.. "PK\x03\x04"u8, 20, 0, 6, 0, 8, 0, .. "[Content_Types].xml"u8];

    /// <summary>An OLE compound document, as doc / xls / ppt (and msi) start.</summary>
    public static byte[] Ole() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 0, 0, 0, 0, 0x3E, 0, 3, 0];

    public static byte[] Text(string text = "订单号：20250101\r\n请尽快发货。\tThanks!\n") => Encoding.UTF8.GetBytes(text);

    /// <summary>“请尽快发货” saved as GBK by an older Chinese Windows editor.</summary>
    public static byte[] GbkText() => [0xC7, 0xEB, 0xBE, 0xA1, 0xBF, 0xEC, 0xB7, 0xA2, 0xBB, 0xF5, 0x0D, 0x0A];

    public static byte[] Svg() => Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    public static byte[] WindowsExe() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, .. "This program cannot be run in DOS mode"u8];

    public static byte[] LinuxElf() => [0x7F, .. "ELF"u8, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0];

    public static byte[] MacMachO() => [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01, 0x03, 0, 0, 0];

    public static byte[] ShellScript() => Text("#!/bin/sh\nrm -rf ~\n");

    /// <summary>Binary data of no accepted kind (a SQLite database).</summary>
    public static byte[] UnknownBinary() => [.. "SQLite format 3\0"u8, 0x10, 0, 1, 1];
}
