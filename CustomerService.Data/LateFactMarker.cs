using CustomerService.Domain.Conversations;
using CustomerService.Domain.Orders;
using CustomerService.Domain.Qc;
using CustomerService.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerService.Data;

/// <summary>
/// Marks a closed local day for re-rolling whenever a save changes one of its figures (SPEC I4), in the same
/// transaction as the change. One place instead of a call in every writer: the engine, the leave-message inbox, the
/// order API and later QC all save through a context, and none can forget. Today's changes mark nothing: today is
/// always computed live.
/// </summary>
public sealed class LateFactMarker(TimeProvider clock, ReportingCalendar calendar) : SaveChangesInterceptor
{
    /// <summary>
    /// Conversation columns a report figure reads (SPEC I0); others (LastSeq, timers…) change nothing. Response facts
    /// and transfers are written together with a change of these, so their conversation's day is marked with them.
    /// </summary>
    private static readonly HashSet<string> ConversationFigureColumns =
    [
        nameof(Conversation.AgentId), nameof(Conversation.AssignedAt), nameof(Conversation.EndedAt),
        nameof(Conversation.VisitorMessageCount), nameof(Conversation.AgentMessageCount),
        nameof(Conversation.FirstVisitorMessageAt), nameof(Conversation.EvaluationLevel), nameof(Conversation.ProblemSolved),
        nameof(Conversation.SummarizedAt), nameof(Conversation.SummaryTypeId), nameof(Conversation.QueueOutcome),
        nameof(Conversation.DequeuedAt),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Mark(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = calendar.LocalDate(now);
        var days = new HashSet<DateOnly>();
        void Add(DateTime? at)
        {
            if (at is { } time && calendar.LocalDate(time) is var day && day < today)
            {
                days.Add(day);
            }
        }

        void AddWindow(DateTime? placedAt)
        {
            if (placedAt is not { } start)
            {
                return;
            }

            var end = calendar.LocalDate(start + calendar.AttributionWindow);
            for (var day = calendar.LocalDate(start); day <= end && day < today; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Conversation conversation when entry.State == EntityState.Modified
                    && entry.Properties.Any(p => p.IsModified && ConversationFigureColumns.Contains(p.Metadata.Name)):
                    Add(conversation.RequestedAt);
                    break;
                case ConversationQueueEntry queueEntry when entry.State is EntityState.Added or EntityState.Modified:
                    // Queue figures (排队分析) count each entry on the day it entered the queue.
                    Add(queueEntry.EnteredAt);
                    break;
                case LeaveMessage message when entry.State == EntityState.Modified:
                    Add(message.CreatedAt);
                    break;
                case Order order when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    // The order's day (order figures), the attributed conversation's day (已购买咨询) and every day of
                    // the window after the order (售后咨询: the user's conversations there), before and after.
                    AddWindow(order.PlacedAt);
                    Add(order.AttributedRequestedAt);
                    AddWindow(Original<DateTime?>(entry, nameof(Order.PlacedAt)));
                    Add(Original<DateTime?>(entry, nameof(Order.AttributedRequestedAt)));
                    break;
                case QcGrade grade when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    // A grade, its edit or its revision changes the qc* figures of its conversation's day (SPEC I0, I4).
                    Add(grade.ConversationRequestedAt);
                    break;
            }
        }

        foreach (var day in days)
        {
            context.Add(new RollupDirtyMark(day, now));
        }
    }

    private static T? Original<T>(EntityEntry entry, string property) =>
        entry.State == EntityState.Modified ? (T?)entry.Property(property).OriginalValue : default;
}
