using CustomerService.Domain.Organisation;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Settings.ChatPreferences;

namespace CustomerService.Tests.Features.Settings.ChatPreferences;

/// <summary>聊天设置 (SPEC F11): per account, with defaults for accounts that never saved.</summary>
public sealed class ChatPreferencesServiceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private ChatPreferencesService Service => _database.GetRequiredService<ChatPreferencesService>();

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task An_account_that_never_saved_gets_enter_to_send_with_sound_and_no_popup()
    {
        var sales1 = await _database.AddAccountAsync("sales1");

        Assert.Equal(new ChatPreferenceValues(SendKey.Enter, NewMessageSound: true, ForcePopup: false), await Service.GetAsync(sales1));
    }

    [Fact]
    public async Task Preferences_are_saved_per_account_and_can_be_changed_again()
    {
        var sales1 = await _database.AddAccountAsync("sales1");
        var sales2 = await _database.AddAccountAsync("sales2");
        var quiet = new ChatPreferenceValues(SendKey.CtrlEnter, NewMessageSound: false, ForcePopup: true);

        await Service.SaveAsync(sales1, quiet);
        await Service.SaveAsync(sales1, quiet with { ForcePopup = false });

        Assert.Equal(quiet with { ForcePopup = false }, await Service.GetAsync(sales1));
        Assert.Equal(new ChatPreferenceValues(SendKey.Enter, true, false), await Service.GetAsync(sales2));
    }
}
