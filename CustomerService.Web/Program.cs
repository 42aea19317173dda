using CustomerService.Data;
using CustomerService.Web.Components;
using CustomerService.Web.Features.Colleagues;
using CustomerService.Web.Features.Console;
using CustomerService.Web.Features.Crm;
using CustomerService.Web.Features.Crm.Import;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Auth;
using CustomerService.Web.Features.Demo;
using CustomerService.Web.Features.Demo.History;
using CustomerService.Web.Features.Exports;
using CustomerService.Web.Features.Health;
using CustomerService.Web.Features.Integration;
using CustomerService.Web.Features.Invitations;
using CustomerService.Web.Features.Kpi;
using CustomerService.Web.Features.LeaveMessages;
using CustomerService.Web.Features.Notifications;
using CustomerService.Web.Features.Qc;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Records;
using CustomerService.Web.Features.Reporting;
using CustomerService.Web.Features.Security;
using CustomerService.Web.Features.Settings;
using CustomerService.Web.Features.Branding;
using CustomerService.Web.Features.Visitors;
using CustomerService.Web.Features.Visitors.Api;
using CustomerService.Web.Features.Visitors.Widget;
using CustomerService.Web.Hosting;
using CustomerService.Web.Infrastructure;
using CustomerService.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
builder.Services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<EnterpriseDefaultsOptions>().BindConfiguration(EnterpriseDefaultsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();

var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddCustomerServiceDatabase(database.Provider, database.ResolveConnectionString(builder.Environment.ContentRootPath));
// Keys next to the database, so sign-in cookies and antiforgery tokens survive a restart.
var dataProtection = builder.Services.AddDataProtection()
    .SetApplicationName("CustomerService")
    .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.ResolveDataDirectory(builder.Environment.ContentRootPath), "keys")));
// Without a certificate the keys are plain XML and ASP.NET Core warns so at every start; README says when that is fine.
if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } keyCertificate)
{
    dataProtection.ProtectKeysWithCertificate(
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(keyCertificate, builder.Configuration["DataProtection:CertificatePassword"]));
}
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

builder.Services.AddLocalization();
builder.Services.AddScoped<ViolationText>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudBlazor.MudLocalizer, UiMudLocalizer>();
builder.Services.AddAuthFeature();
builder.Services.AddIntegrationFeature();
builder.Services.AddOrganisationFeature();
builder.Services.AddSettingsFeature();
builder.Services.AddBrandingFeature();
builder.Services.AddConversationEngine().AddConversationEngineHosting();
builder.Services.AddVisitorsFeature(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddConsoleFeature();
builder.Services.AddInvitationsFeature();
builder.Services.AddNotificationsFeature();
builder.Services.AddColleaguesFeature();
builder.Services.AddLeaveMessagesFeature();
builder.Services.AddQcFeature();
builder.Services.AddKpiFeature();
builder.Services.AddRecordsFeature();
builder.Services.AddCrmFeature();
builder.Services.AddExportsFeature();
builder.Services.AddReportingFeature(database.Provider, database.ResolveConnectionString(builder.Environment.ContentRootPath));
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddSingleton<DemoShopMember>();
builder.Services.AddDemoHistory();

var app = builder.Build();

// `seed-history` is a command (SPEC N6): it prepares the database, writes the history and exits without serving.
if (HistoryOptions.IsRequested(args))
{
    return await SeedHistoryCommand.RunAsync(app, args);
}

// First, so every response carries them: pages, API, static files, errors.
app.UseSecurityHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

// The API answers with problem details of its own; only pages get the not-found page.
app.UseWhen(
    http => !http.Request.Path.StartsWithSegments("/api"),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseRequestLocalization(Cultures.RequestOptions());
app.UseCors();
app.UseApiRequestProblems();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapWidgetScript();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapCultureEndpoint();
app.MapAuthEndpoints();
app.MapVisitorApi();
app.MapBrandingEndpoints();
app.MapInvitationVisitorApi();
app.MapIntegrationApi();
app.MapKpiDownloads();
app.MapCrmImportDownloads();
app.MapExportDownloads();
app.MapQcEndpoints();
app.MapDemoShop();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
