using CustomerService.Domain.Visitors;

namespace CustomerService.Tests.Domain.Visitors;

/// <summary>SPEC D6 visitor upload limits: image 1 MB, file 2 MB by default.</summary>
public sealed class UploadLimitsTests
{
    [Fact]
    public void Defaults_are_one_megabyte_for_images_and_two_for_files()
    {
        Assert.Equal(1024 * 1024, UploadLimits.Default.MaxBytesFor(UploadKind.Image));
        Assert.Equal(2 * 1024 * 1024, UploadLimits.Default.MaxBytesFor(UploadKind.File));
    }

    [Fact]
    public void Upload_at_the_limit_passes_and_one_byte_more_is_too_large()
    {
        var limits = UploadLimits.Default;

        Assert.Null(limits.Check(UploadKind.Image, 1024 * 1024));
        var violation = limits.Check(UploadKind.Image, 1024 * 1024 + 1);

        Assert.Equal("UploadTooLarge", violation?.Code);
        Assert.Equal(1024L, violation!.Arguments.Single());
    }

    [Fact]
    public void File_limit_is_configurable()
    {
        var limits = new UploadLimits(MaxFileBytes: 5 * 1024 * 1024);

        Assert.Null(limits.Check(UploadKind.File, 4 * 1024 * 1024));
        Assert.Equal(UploadLimits.DefaultMaxImageBytes, limits.MaxImageBytes);
    }
}
