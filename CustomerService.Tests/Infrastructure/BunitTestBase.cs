using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Security;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CustomerService.Tests.Infrastructure;

/// <summary>
/// Base class of every bUnit test: MudBlazor services with loose JS interop, the app's localization
/// (<see cref="ViolationText"/>, UI culture 简体中文 as in production) and a fake authentication state
/// (<see cref="Auth"/>: signed out until a test calls <see cref="SignInAs"/>). Disposes asynchronously, because
/// MudBlazor's services are only <see cref="IAsyncDisposable"/>.
/// <para>
/// Components that open selects, menus or dialogs need their providers: call <see cref="RenderPopoverProvider"/>
/// before rendering them. Re-<c>Find</c> elements after every interaction; the markup is re-rendered.
/// </para>
/// </summary>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    protected BunitTestBase()
    {
        // The same culture the app defaults to; CurrentUICulture flows into the renderer's dispatcher.
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Cultures.Chinese);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Chinese);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddScoped<ViolationText>();
        // The console's running clocks (TickingText) beat on it; tests tick it by hand.
        Services.AddScoped(_ => new Web.Features.Console.SecondTicker(TimeProvider.System));
        // A tile's CRM badge reads the customers from the database; the browser test covers it, list tests stub it.
        ComponentFactories.AddStub<Web.Features.Console.CrmTileBadge>();
        ComponentFactories.AddStub<Web.Features.Invitations.PrivateContactBadge>();
        Auth = AddAuthorization();
    }

    /// <summary>The fake authentication state cascaded to the components under test.</summary>
    protected BunitAuthorizationContext Auth { get; }

    /// <summary>
    /// Signs in a fake account the way the app's cookie describes it (id, display name and role claims) with the
    /// authorization policies that <see cref="PermissionMatrix"/> gives its role.
    /// </summary>
    protected void SignInAs(AccountRole role, int accountId = 1, string displayName = "测试员")
    {
        Auth.SetAuthorized(displayName);
        Auth.SetRoles(role.ToString());
        Auth.SetPolicies(Enum.GetValues<Permission>().Where(p => PermissionMatrix.Allows(role, p)).Select(p => p.ToString()).ToArray());
        Auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, accountId.ToString(CultureInfo.InvariantCulture)),
            new Claim(AccountClaims.DisplayName, displayName));
    }

    /// <summary>Renders MudBlazor's popover host so MudSelect/MudMenu lists can open.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopoverProvider() => Render<MudPopoverProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
