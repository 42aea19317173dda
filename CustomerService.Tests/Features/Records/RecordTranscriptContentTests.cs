using CustomerService.Domain.Conversations;
using CustomerService.Domain.Organisation;
using CustomerService.Domain.Visitors;
using CustomerService.Tests.Builders;
using CustomerService.Web.Features.Conversations.Engine;
using CustomerService.Web.Features.Organisation;
using CustomerService.Web.Features.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Records;

/// <summary>
/// What the transcript view reads of a conversation the engine ran (SPEC G3): both agents with the transfer between
/// them, the welcome and the system notices in their place, the visitor's image and file, the evaluation with its comment, the product
/// and trajectory, and a summary filed after the end through the engine (late summarising, SPEC D10).
/// </summary>
public sealed class RecordTranscriptContentTests
{
    [Fact]
    public async Task The_transcript_holds_transfers_notices_files_evaluation_product_trajectory_and_a_late_summary()
    {
        await using var scenario = await EngineScenario.StartAsync(configure: services => services.AddRecordsFeature());
        var (a, b) = (await scenario.AddAgentAsync("a"), await scenario.AddAgentAsync("b"));
        var admin = await scenario.AddAgentAsync("boss", role: AccountRole.Admin);
        var entry = await scenario.AddGroupWithEntryAsync("presale", new MemberAssignment(a, 0));
        await scenario.OnlineAsync(a, b);
        var visitor = await scenario.AddVisitorAsync();
        var started = scenario.Clock.GetUtcNow().UtcDateTime;
        await using (var db = scenario.NewContext())
        {
            // The trajectory: two pages viewed before the chat.
            var pc = new UserAgentInfo(BrowserKind.Chrome, null, OperatingSystemKind.Windows, Terminal.PC);
            db.PageViews.Add(new PageView(visitor, "https://shop.example/", "首页", null, started.AddMinutes(-2), new TrafficSource(TrafficSourceKind.Direct), KeyPageType.Home, pc, null, null));
            db.PageViews.Add(new PageView(visitor, "https://shop.example/p/9", "耳机", null, started.AddMinutes(-1), new TrafficSource(TrafficSourceKind.Direct), KeyPageType.Product, pc, null, null));
            await db.SaveChangesAsync();
        }

        var engine = scenario.Engine;
        var id = (await engine.StartAsync(new StartRequest(visitor, entry, Context: new StartContext(
            "https://shop.example/p/9", "耳机", Product: new ProductCard("降噪耳机", "https://shop.example/p/9", null, "¥299"))))).Conversation!.Id;
        await engine.AppendVisitorMessageAsync(visitor, id, "v1", "我要退款");
        await engine.AppendAgentMessageAsync(a, id, "a1", "好的，我转给同事");
        var transfer = await engine.RequestTransferAsync(a, id, TransferTarget.ToAgent(b));
        await engine.RespondToTransferAsync(b, transfer.Id, accept: true);
        await engine.AppendVisitorMessageAsync(visitor, id, "v2", null, new Attachment("发票.pdf", "application/pdf", 4, "test/invoice.pdf"));
        await engine.AppendVisitorMessageAsync(visitor, id, "v3", null, new Attachment("坏了.png", "image/png", 4, "test/broken.png"));
        await engine.AppendAgentMessageAsync(b, id, "b1", "已为您退款");
        await engine.RateAsync(visitor, id, EvaluationLevel.Satisfied, "处理得快", problemSolved: true);
        await engine.EndByAgentAsync(b, id);
        int typeId;
        await using (var db = scenario.NewContext())
        {
            var type = new ConsultationType(0, null, "退款");
            db.ConsultationTypes.Add(type);
            await db.SaveChangesAsync();
            typeId = type.Id;
        }

        // After the end, as the transcript page's 保存 does.
        await engine.SummarizeAsync(b, id, new ConsultationSummary(typeId, "已退款"));

        var transcript = (await scenario.Database.Services.CreateScope().ServiceProvider.GetRequiredService<RecordTranscriptService>().GetAsync(admin, id))!;

        Assert.Equal(["a", "b"], transcript.Participants.Select(p => p.Name));
        Assert.All(transcript.Participants, p => Assert.NotNull(p.LeftAt));
        var handover = Assert.Single(transcript.Transfers);
        Assert.Equal((TransferKind.Transfer, "a", "b", TransferOutcome.Accepted), (handover.Kind, handover.From, handover.ToAgent, handover.Outcome));
        Assert.Equal(
            Enumerable.Range(1, transcript.Messages.Count).Select(i => (long)i),
            transcript.Messages.Select(m => m.Seq));
        var said = transcript.Messages.Select(m => m.Kind == MessageKind.Notice ? "notice:" + m.Notice : $"{m.Sender}:{m.Kind}:{m.FileName ?? m.Text}").ToList();
        Assert.Equal(
            [
                "System:Text:您好，很高兴为您服务，请问有什么可以帮您？", "Visitor:Text:我要退款", "Agent:Text:好的，我转给同事", "notice:Transferred", "Visitor:File:发票.pdf", "Visitor:Image:坏了.png",
                "Agent:Text:已为您退款", "notice:Rated", "notice:Ended",
            ],
            said);
        Assert.Equal((EvaluationLevel.Satisfied, "处理得快", true), (transcript.Row.Rating, transcript.EvaluationComment, transcript.ProblemSolved));
        Assert.Equal((typeId, "已退款", "退款"), (transcript.SummaryTypeId, transcript.SummaryNote, transcript.Row.SummaryType));
        Assert.Equal(("降噪耳机", "¥299"), (transcript.Product?.Name, transcript.Product?.Price));
        Assert.Equal(["首页", "耳机"], transcript.Trajectory.SelectMany(v => v.Pages).Select(p => p.Title));
    }
}
