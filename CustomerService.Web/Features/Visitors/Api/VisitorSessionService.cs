using System.Net;
using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;
using CustomerService.Web.Features.Conversations.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Web.Features.Visitors.Api;

/// <summary>
/// POST /api/visitor/sessions (SPEC N2): recognises or creates the visitor, applies a verified widget signature (SPEC
/// E1: a missing, forged or expired one makes him anonymous and non-VIP, never an error, and the answer says why — SPEC
/// M), decides VIP (signature or a cart/order key page, D2.7) and asks the engine for a conversation.
/// </summary>
public sealed partial class VisitorSessionService(
    IDbContextFactory<CustomerServiceDbContext> dbFactory,
    ConversationEngine engine,
    TimeProvider clock,
    IOptions<VisitorApiOptions> options,
    ILogger<VisitorSessionService> logger,
    Branding.VisitorAgentImage agentImage)
{
    public async Task<SessionResponse> StartAsync(StartSessionRequest request, string? earlierToken, IPAddress? ip, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.ConsultationEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Code == request.Entry, cancellationToken)
            ?? throw new Domain.Common.RuleViolationException(new Domain.Common.RuleViolation("EntryUnknown"));

        var ipText = VisitorAddress.Text(ip);
        var (visitor, token) = await VisitorRegistry.RecognizeOrRegisterAsync(db, earlierToken, now.UtcDateTime, ipText, cancellationToken);
        var identity = ApplySignature(request.User, entry, visitor, now);
        await db.SaveChangesAsync(cancellationToken);

        var keyPages = await db.KeyPages.AsNoTracking().ToListAsync(cancellationToken);
        var isVip = visitor.IsVip || KeyPageMatcher.MakesVisitorVip(keyPages, request.Page?.Url);
        var result = await engine.StartAsync(new StartRequest(
            visitor.Id, entry.Code, isVip, new StartContext(request.Page?.Url, request.Page?.Title, request.Page?.Referrer, ipText,
                request.Product is { } product ? new ProductCard(product.Name, product.Url, product.Image, product.Price) : null)));
        var enterprise = await db.EnterpriseProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var lens = await agentImage.CurrentAsync(cancellationToken);
        var conversation = result.Conversation is { } view ? lens.Render(view) : null;
        return new SessionResponse(
            token,
            conversation?.Id,
            result.Outcome == StartOutcome.LeaveMessage ? "leave-message" : conversation!.State,
            conversation?.QueuePosition,
            conversation?.EstimatedWaitSeconds,
            conversation?.Agent,
            result.LeaveMessageReason?.ToString(),
            enterprise?.IsWorkingTime(now.UtcDateTime) ?? true,
            identity.Identity,
            identity.Reason);
    }

    /// <summary>The check the widget runs when the page calls <c>identify</c>: the same verdict a session start would give.</summary>
    public async Task<WidgetIdentity> CheckIdentityAsync(string entryCode, SignedUser? user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var secret = await db.ConsultationEntries.AsNoTracking().Where(e => e.Code == entryCode).Select(e => e.Secret).FirstOrDefaultAsync(cancellationToken)
            ?? throw new Domain.Common.RuleViolationException(new Domain.Common.RuleViolation("EntryUnknown"));
        return Verify(user, secret, clock.GetUtcNow());
    }

    private WidgetIdentity ApplySignature(SignedUser? user, ConsultationEntry entry, Visitor visitor, DateTimeOffset now)
    {
        var identity = Verify(user, entry.Secret, now);
        if (user is null)
        {
            return identity;
        }

        if (identity.Identity == "verified")
        {
            // The API refused over-long ids and names; cutting here only guards the columns against other callers.
            visitor.Identify(Trim(user.Id, InputLimits.ExternalUserId), Trim(user.Name, InputLimits.VisitorName), user.Vip);
            return identity;
        }

        // An unsigned or bad identity is ignored, never trusted: he stays (or becomes) an anonymous, regular visitor.
        visitor.Identify(null, null, isVip: false);
        if (identity.IsRejected)
        {
            LogRejectedSignature(entry.Code, identity.Reason!);
        }

        return identity;
    }

    private WidgetIdentity Verify(SignedUser? user, string secret, DateTimeOffset now) => WidgetIdentity.Of(
        user is not null,
        user is null ? SignatureStatus.Missing
            : WidgetSignature.Verify(new WidgetUser(user.Id, user.Name, user.Vip, user.Ts), user.Sig, secret, now, options.Value.SignatureMaxAge));

    private static string? Trim(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Widget identity for entry {Entry} ignored: {Reason}; the visitor is anonymous")]
    private partial void LogRejectedSignature(string entry, string reason);
}
