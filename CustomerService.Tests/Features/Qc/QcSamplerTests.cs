using CustomerService.Domain.Conversations;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Qc;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Qc;

/// <summary>The inspector's workspace (issue 13): ungraded ended conversations and N random valid ones per agent per week.</summary>
public sealed class QcSamplerTests(AppFactory app) : IClassFixture<AppFactory>
{
    // 2024-09-02 is a Monday; 02:00 UTC is 10:00 in Shanghai.
    private static readonly DateTime Week1 = new(2024, 9, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Week2 = new(2024, 9, 9, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_sampler_takes_at_most_n_valid_ungraded_conversations_per_agent_per_week()
    {
        var (qc, sales1, sales2) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("sales1"), await app.AccountIdAsync("sales2"));
        // sales1: 4 valid in week 1 (one on Sunday evening local, still week 1), 1 valid in week 2; sales2: 1 valid and
        // 1 invalid (never answered) in week 1; plus one graded of sales2 that must not come back.
        var sales1Week1 = new List<long>();
        foreach (var at in new[] { Week1, Week1.AddDays(1), Week1.AddDays(2), new DateTime(2024, 9, 8, 15, 0, 0, DateTimeKind.Utc) })
        {
            sales1Week1.Add((await Past(at, sales1)).Id);
        }

        var sales1Week2 = (await Past(Week2, sales1)).Id;
        var sales2Valid = (await Past(Week1.AddHours(1), sales2)).Id;
        await new PastConversationBuilder().RequestedAt(Week1.AddHours(2)).ServedBy(sales2).SaveAsync(app.Services);
        var graded = (await Past(Week1.AddHours(3), sales2)).Id;
        var grading = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradingService>();
        Assert.True((await grading.SaveAsync(qc, graded, null, [27m, 24m, 18m, 16m], null)).Succeeded);

        var lists = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradeLists>();
        var sample = (await lists.SampleAsync(qc, new QcCandidateFilter(new DateOnly(2024, 9, 2), new DateOnly(2024, 9, 15)), 2, new Random(7))).Value!;

        Assert.Equal(2, sample.Count(c => sales1Week1.Contains(c.ConversationId)));
        Assert.Contains(sample, c => c.ConversationId == sales1Week2);
        Assert.Contains(sample, c => c.ConversationId == sales2Valid);
        Assert.Equal(4, sample.Count);
        Assert.All(sample, c => Assert.True(c.Valid));
        Assert.All(sample, c => Assert.Equal(0, c.Grades));
    }

    [Fact]
    public async Task The_workspace_lists_ungraded_ended_conversations_filtered_by_agent_and_evaluation()
    {
        var (qc, sales3) = (await app.AccountIdAsync("qc"), await app.AccountIdAsync("sales3"));
        var day = new DateTime(2024, 10, 8, 2, 0, 0, DateTimeKind.Utc);
        var rated = await new PastConversationBuilder().RequestedAt(day).ServedBy(sales3).Answered().RatedAs(EvaluationLevel.Dissatisfied).SaveAsync(app.Services);
        var unrated = await Past(day.AddHours(1), sales3);
        var open = await new PastConversationBuilder().RequestedAt(day.AddHours(2)).ServedBy(sales3).Answered().StillOpen().SaveAsync(app.Services);
        var lists = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradeLists>();
        var period = new QcCandidateFilter(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 8), AgentId: sales3);

        var all = (await lists.CandidatesAsync(qc, period)).Value!;
        var dissatisfied = (await lists.CandidatesAsync(qc, period with { Evaluation = EvaluationLevel.Dissatisfied })).Value!;
        var withoutRating = (await lists.CandidatesAsync(qc, period with { Unrated = true })).Value!;

        Assert.Equal([unrated.Id, rated.Id], all.Select(c => c.ConversationId));
        Assert.DoesNotContain(all, c => c.ConversationId == open.Id);
        Assert.Equal([rated.Id], dissatisfied.Select(c => c.ConversationId));
        Assert.Equal([unrated.Id], withoutRating.Select(c => c.ConversationId));
    }

    [Fact]
    public async Task Agents_cannot_use_the_workspace_and_bad_sample_sizes_are_refused()
    {
        var lists = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradeLists>();
        var filter = new QcCandidateFilter(new DateOnly(2024, 9, 2), new DateOnly(2024, 9, 8));

        Assert.Equal("QcMayNotGrade", (await lists.CandidatesAsync(await app.AccountIdAsync("sales1"), filter)).Violation!.Code);
        Assert.Equal("QcSampleSizeOutOfRange", (await lists.SampleAsync(await app.AccountIdAsync("qc"), filter, 0)).Violation!.Code);
        Assert.Equal("QcSampleSizeOutOfRange", (await lists.SampleAsync(await app.AccountIdAsync("qc"), filter, 51)).Violation!.Code);
    }

    private Task<PastConversation> Past(DateTime at, int agentId) =>
        new PastConversationBuilder().RequestedAt(at).ServedBy(agentId).Answered().SaveAsync(app.Services);
}
