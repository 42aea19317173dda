using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.ChatWindow;

namespace CustomerService.Tests.Features.Settings.ChatWindow;

/// <summary>Upload limits of the chat window (SPEC D6): 1 MB / 2 MB until changed, within sane bounds.</summary>
public sealed class ChatWindowSettingsServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private ChatWindowSettingsService Service => _database.GetRequiredService<ChatWindowSettingsService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_enterprise_has_the_spec_limits()
    {
        Assert.Equal(new UploadLimitValues(1024, 2048), await Service.GetUploadLimitsAsync());
    }

    [Fact]
    public async Task Saved_limits_are_read_back()
    {
        Assert.True((await Service.SaveUploadLimitsAsync(new UploadLimitValues(512, 8192))).Succeeded);

        Assert.Equal(new UploadLimitValues(512, 8192), await Service.GetUploadLimitsAsync());
    }

    [Theory]
    [InlineData(0, 2048)]
    [InlineData(10241, 2048)]
    [InlineData(1024, 20481)]
    public async Task Limits_out_of_range_are_refused_and_nothing_changes(int imageKb, int fileKb)
    {
        var outcome = await Service.SaveUploadLimitsAsync(new UploadLimitValues(imageKb, fileKb));

        Assert.Equal("Range", outcome.Violation?.Code);
        Assert.Equal(new UploadLimitValues(1024, 2048), await Service.GetUploadLimitsAsync());
    }
}
