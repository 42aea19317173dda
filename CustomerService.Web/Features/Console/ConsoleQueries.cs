using CustomerService.Data;
using CustomerService.Domain.Conversations;
using CustomerService.Domain.Visitors;
using CustomerService.Domain.Kpi;
using CustomerService.Domain.Organisation;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Console;

/// <summary>A visitor I served (SPEC F1 最近联系人): online while he has an open conversation.</summary>
public sealed record RecentContact(long VisitorId, string? Name, bool IsVip, DateTime LastContactAt, int Conversations, bool IsOnline)
{
    /// <summary>My latest conversation with him: the side panel describes the visitor through it.</summary>
    public long LastConversationId { get; init; }
}

/// <summary>The visitor and conversation summary of the side panel (SPEC F5).</summary>
public sealed record VisitorSummary(
    long VisitorId,
    string? Name,
    bool IsVip,
    string? ExternalUserId,
    DateTime FirstSeenAt,
    int Visits,
    string? EntryName,
    string? GroupName,
    string? StartPageTitle,
    string? StartPageUrl,
    string? Referrer,
    string? Ip,
    DateTime RequestedAt,
    DateTime? TalkStartedAt,
    DateTime? EndedAt,
    TimeSpan? AverageResponse,
    EvaluationLevel? Evaluation,
    TrafficSource Source,
    string? Region,
    UserAgentInfo? Device,
    ProductCard? Product)
{
    /// <summary>The visitor's comment with his rating (SPEC D9), shown to the agent with the level (issue 15).</summary>
    public string? EvaluationComment { get; init; }

    /// <summary>问题是否解决, when the visitor answered it.</summary>
    public bool? ProblemSolved { get; init; }
}

/// <summary>A message of the visitor's history with every agent (SPEC F7 互动记录, last 200).</summary>
public sealed record HistoryMessage(long ConversationId, DateTime ConversationStartedAt, MessageView Message);

/// <summary>A colleague as the console names him: the external name visitors see and the internal one.</summary>
public sealed record ColleagueRef(int Id, string ExternalName, string InternalName, AccountRole Role, string AccountGroup, bool IsEnabled);

/// <summary>
/// The console's reads of stored facts (messages, visitors, status log). Reading outside the engine is fine; writing is
/// the engine's alone. One context per call (never one per circuit), no tracking.
/// </summary>
public sealed class ConsoleQueries(IDbContextFactory<CustomerServiceDbContext> dbFactory)
{
    /// <summary>The newest messages shown when a conversation opens; older ones stay in the records (SPEC G).</summary>
    public const int ThreadSize = 300;

    public const int RecentContactCount = 50;

    public const int HistorySize = 200;

    public async Task<IReadOnlyDictionary<long, string?>> VisitorNamesAsync(IReadOnlyCollection<long> visitorIds, CancellationToken cancellationToken = default)
    {
        if (visitorIds.Count == 0)
        {
            return new Dictionary<long, string?>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Visitors.AsNoTracking()
            .Where(v => visitorIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
    }

    /// <summary>Each conversation's newest visitor or agent message, for its tile.</summary>
    public async Task<IReadOnlyDictionary<long, MessageView>> LastMessagesAsync(IReadOnlyCollection<long> conversationIds, CancellationToken cancellationToken = default)
    {
        if (conversationIds.Count == 0)
        {
            return new Dictionary<long, MessageView>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Where(m => conversationIds.Contains(m.ConversationId))
            .Where(m => m.Seq == db.Messages
                .Where(x => x.ConversationId == m.ConversationId && x.Kind != MessageKind.Notice && x.Sender != MessageSender.System)
                .Max(x => (long?)x.Seq))
            .ToListAsync(cancellationToken);
        return messages.ToDictionary(m => m.ConversationId, MessageView.From);
    }

    /// <summary>The newest <see cref="ThreadSize"/> messages of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<MessageView>> MessagesAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.Seq)
            .Take(ThreadSize)
            .ToListAsync(cancellationToken);
        return [.. newest.OrderBy(m => m.Seq).Select(MessageView.From)];
    }

    public async Task<(long VisitorId, string? VisitorName)?> VisitorOfConversationAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Join(db.Visitors, c => c.VisitorId, v => v.Id, (c, v) => new { v.Id, v.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Id, row.Name);
    }

    /// <summary>The reception groups whose queues an agent sees: his own, or every group for an admin (seed 002 排队提示).</summary>
    public async Task<IReadOnlyList<GroupRef>> QueueGroupsAsync(int agentId, bool everyGroup, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groups = db.ReceptionGroups.AsNoTracking();
        if (!everyGroup)
        {
            groups = groups.Where(g => db.ReceptionGroupMembers.Any(m => m.ReceptionGroupId == g.Id && m.AccountId == agentId));
        }

        var rows = await groups.Select(g => new GroupRef(g.Id, g.Name)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(g => g.Name, StringComparer.Ordinal)];
    }

    /// <summary>The enterprise's clock, on which the console shows times and counts “today”.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
    }

    /// <summary>When the tiles' wait timers turn amber and red (conversation settings).</summary>
    public async Task<WaitThresholds> WaitThresholdsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.ConversationSettingsAsync(cancellationToken)).WaitThresholds;
    }

    public async Task<IReadOnlyList<GroupRef>> ReceptionGroupsAsync(CancellationToken cancellationToken = default) =>
        await QueueGroupsAsync(0, everyGroup: true, cancellationToken);

    /// <summary>
    /// Today on the enterprise's clock (seed 002 工时统计, “统计周期均是当天(截止到目前)”): the status stretches that overlap
    /// it and the conversations the agent took part in (累计会话数: finished, valid or not, and ongoing).
    /// </summary>
    public async Task<WorkDay> WorkDayAsync(int agentId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await EnterpriseClock.TimeZoneAsync(db, cancellationToken);
        var localMidnight = EnterpriseClock.ToLocal(nowUtc, zone).Date;
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified), zone);
        var stretches = await db.AgentStatusPeriods.AsNoTracking()
            .Where(p => p.AgentId == agentId && (p.EndedAt == null || p.EndedAt > dayStart))
            .OrderBy(p => p.Id)
            .Select(p => new StatusStretch(p.Status, p.StartedAt, p.EndedAt))
            .ToListAsync(cancellationToken);
        var conversations = await db.Participants.AsNoTracking()
            .Where(p => p.AgentId == agentId && p.JoinedAt >= dayStart)
            .Select(p => p.ConversationId)
            .Distinct()
            .CountAsync(cancellationToken);
        return new WorkDay(dayStart, [.. stretches], conversations);
    }

    /// <summary>The last <see cref="RecentContactCount"/> visitors the agent served, newest first (SPEC F1 最近联系人).</summary>
    public async Task<IReadOnlyList<RecentContact>> RecentContactsAsync(int agentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Conversation ids grow with time (the engine numbers them), so the newest contact has the largest id.
        var recent = await db.Participants.AsNoTracking()
            .Where(p => p.AgentId == agentId)
            .Join(db.Conversations, p => p.ConversationId, c => c.Id, (p, c) => new { c.VisitorId, c.Id })
            .GroupBy(x => x.VisitorId)
            .Select(g => new { VisitorId = g.Key, LastConversationId = g.Max(x => x.Id), Count = g.Select(x => x.Id).Distinct().Count() })
            .OrderByDescending(x => x.LastConversationId)
            .Take(RecentContactCount)
            .ToListAsync(cancellationToken);
        var visitorIds = recent.Select(r => r.VisitorId).ToList();
        var lastIds = recent.Select(r => r.LastConversationId).ToList();
        var visitors = await db.Visitors.AsNoTracking().Where(v => visitorIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        var lastTimes = await db.Conversations.AsNoTracking().Where(c => lastIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.RequestedAt, cancellationToken);
        var online = (await db.Conversations.AsNoTracking()
            .Where(c => visitorIds.Contains(c.VisitorId) && c.State != ConversationState.Ended)
            .Select(c => c.VisitorId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return [.. recent.Select(r =>
        {
            var visitor = visitors.GetValueOrDefault(r.VisitorId);
            return new RecentContact(r.VisitorId, visitor?.Name, visitor?.IsVip ?? false, lastTimes.GetValueOrDefault(r.LastConversationId), r.Count,
                online.Contains(r.VisitorId)) { LastConversationId = r.LastConversationId };
        })];
    }

    public async Task<VisitorSummary?> VisitorSummaryAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }

        var visitor = await db.Visitors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == conversation.VisitorId, cancellationToken);
        var visits = await db.Conversations.AsNoTracking().CountAsync(c => c.VisitorId == conversation.VisitorId, cancellationToken);
        var entry = await db.ConsultationEntries.AsNoTracking().Where(e => e.Id == conversation.EntryId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken);
        var group = await db.ReceptionGroups.AsNoTracking().Where(g => g.Id == conversation.ReceptionGroupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
        // seed 002 会话时长: from the first word of the agent or the visitor, not counting system messages and greetings.
        var talkStartedAt = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Kind != MessageKind.Notice && m.Sender != MessageSender.System)
            .OrderBy(m => m.Seq)
            .Select(m => (DateTime?)m.SentAt)
            .FirstOrDefaultAsync(cancellationToken);
        // seed 002 平均回应时间: the agents' answers in this conversation, from the facts written when they happened.
        var responses = await db.ResponseFacts.AsNoTracking()
            .Where(r => r.ConversationId == conversationId)
            .Select(r => r.ResponseMilliseconds)
            .ToListAsync(cancellationToken);
        // SPEC E3 as recorded with the page views: the latest view carries the region and the device.
        var latestView = await db.PageViews.AsNoTracking()
            .Where(v => v.VisitorId == conversation.VisitorId)
            .OrderByDescending(v => v.ViewedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var siteHost = Uri.TryCreate(conversation.StartPageUrl, UriKind.Absolute, out var startPage) ? startPage.Host : null;
        return new VisitorSummary(
            conversation.VisitorId, visitor?.Name, visitor?.IsVip ?? conversation.IsVip, visitor?.ExternalUserId,
            visitor?.FirstSeenAt ?? conversation.RequestedAt, visits, entry, group, conversation.StartPageTitle, conversation.StartPageUrl,
            conversation.Referrer, conversation.VisitorIp, conversation.RequestedAt, talkStartedAt, conversation.EndedAt,
            responses.Count == 0 ? null : TimeSpan.FromMilliseconds(responses.Average()), conversation.EvaluationLevel,
            TrafficSource.Classify(conversation.Referrer, siteHost),
            latestView?.Region,
            latestView is null ? null : new UserAgentInfo(latestView.Browser, null, latestView.OperatingSystem, latestView.Terminal),
            conversation.ProductName is null ? null
                : new ProductCard(conversation.ProductName, conversation.ProductUrl, conversation.ProductImageUrl, conversation.ProductPrice))
        {
            EvaluationComment = conversation.EvaluationComment,
            ProblemSolved = conversation.ProblemSolved,
        };
    }

    /// <summary>The visitor's last <see cref="HistorySize"/> messages with every agent, oldest first (SPEC F7).</summary>
    public async Task<IReadOnlyList<HistoryMessage>> VisitorHistoryAsync(long visitorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Messages.AsNoTracking()
            .Join(db.Conversations.Where(c => c.VisitorId == visitorId), m => m.ConversationId, c => c.Id, (m, c) => new { Message = m, c.RequestedAt })
            .OrderByDescending(x => x.Message.Id)
            .Take(HistorySize)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(x => x.Message.Id).Select(x => new HistoryMessage(x.Message.ConversationId, x.RequestedAt, MessageView.From(x.Message)))];
    }

    /// <summary>Every account by id, for naming colleagues in the transfer dialog and on 我的同事.</summary>
    public async Task<IReadOnlyDictionary<int, ColleagueRef>> DirectoryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AsNoTracking()
            .Select(a => new ColleagueRef(a.Id, a.ExternalName, a.InternalName, a.Role, a.AccountGroup!.Name, a.IsEnabled))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
    }
}
