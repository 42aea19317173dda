using CustomerService.Data;
using CustomerService.Domain.Qc;
using CustomerService.Tests.Builders;
using CustomerService.Tests.Infrastructure;
using CustomerService.Web.Features.Qc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Tests.Features.Qc;

/// <summary>设置 → 质检 on the real database (SPEC H1): versions keep old grades as they were, one default, admin only.</summary>
public sealed class QcStandardsServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private QcStandardsService Standards => app.Services.CreateScope().ServiceProvider.GetRequiredService<QcStandardsService>();

    [Fact]
    public async Task A_new_version_leaves_old_grades_and_their_dimensions_unchanged()
    {
        var (admin, qc, sales1) = (await app.AccountIdAsync("admin"), await app.AccountIdAsync("qc"), await app.AccountIdAsync("sales1"));
        var created = await Standards.CreateAsync(admin, "售后标准", [new("礼貌", 50), new("准确", 50)]);
        var conversation = await new PastConversationBuilder().RequestedAt(DateTime.UtcNow.AddHours(-1)).ServedBy(sales1).Answered().SaveAsync(app.Services);
        var grading = app.Services.CreateScope().ServiceProvider.GetRequiredService<QcGradingService>();
        Assert.True((await grading.SaveAsync(qc, conversation.Id, created.Value, [40m, 45m], null)).Succeeded);

        Assert.True((await Standards.ReviseAsync(admin, created.Value, "售后标准", [new("礼貌", 30), new("准确", 30), new("速度", 40)])).Succeeded);

        var row = (await Standards.ListAsync()).Single(s => s.Id == created.Value);
        Assert.Equal((2, 2, 1), (row.VersionNumber, row.Versions, row.Grades));
        Assert.Equal(["礼貌", "准确", "速度"], row.Dimensions.Select(d => d.Name));
        var grade = (await grading.PanelAsync(qc, conversation.Id))!.Mine!;
        Assert.Equal((1, 85m), (grade.VersionNumber, grade.Score.Value));
        Assert.Equal([("礼貌", 50), ("准确", 50)], grade.Dimensions.Select(d => (d.Name, d.MaxScore)));
        // Editing the grade still uses its own version's two dimensions.
        Assert.True((await grading.SaveAsync(qc, conversation.Id, null, [50m, 50m], null)).Succeeded);
    }

    [Fact]
    public async Task Revising_a_standard_nobody_graded_with_keeps_no_history()
    {
        var admin = await app.AccountIdAsync("admin");
        var created = await Standards.CreateAsync(admin, "临时标准", [new("A", 10)]);

        await Standards.ReviseAsync(admin, created.Value, "临时标准", [new("A", 20)]);

        var row = (await Standards.ListAsync()).Single(s => s.Id == created.Value);
        Assert.Equal((2, 1, 20), (row.VersionNumber, row.Versions, row.Dimensions.Single().MaxScore));
    }

    [Fact]
    public async Task One_standard_is_the_default()
    {
        var admin = await app.AccountIdAsync("admin");
        var created = await Standards.CreateAsync(admin, "新默认", [new("A", 10)]);

        Assert.True((await Standards.MakeDefaultAsync(admin, created.Value)).Succeeded);

        var standards = await Standards.ListAsync();
        Assert.Equal("新默认", Assert.Single(standards, s => s.IsDefault).Name);
        Assert.True((await Standards.MakeDefaultAsync(admin, standards.Single(s => s.Name == "默认标准").Id)).Succeeded);
        Assert.Equal("默认标准", Assert.Single(await Standards.ListAsync(), s => s.IsDefault).Name);
    }

    [Fact]
    public async Task Bad_standards_and_non_admins_are_refused_and_nothing_is_written()
    {
        var admin = await app.AccountIdAsync("admin");
        var before = await CountAsync();

        Assert.Equal("QcNoDimensions", (await Standards.CreateAsync(admin, "空", [])).Violation!.Code);
        Assert.Equal("QcDuplicateDimension", (await Standards.CreateAsync(admin, "重复", [new("态度", 10), new("态度", 10)])).Violation!.Code);
        Assert.Equal("QcMaxScoreTooSmall", (await Standards.CreateAsync(admin, "零分", [new("态度", 0)])).Violation!.Code);
        Assert.Equal("QcStandardNameTaken", (await Standards.CreateAsync(admin, "默认标准", [new("态度", 10)])).Violation!.Code);
        Assert.Equal("QcMayNotManageStandards", (await Standards.CreateAsync(await app.AccountIdAsync("qc"), "质检自建", [new("态度", 10)])).Violation!.Code);
        Assert.Equal("QcMayNotManageStandards", (await Standards.ChangeDisputeDaysAsync(await app.AccountIdAsync("lead"), 3)).Violation!.Code);
        Assert.Equal("QcDisputeDaysOutOfRange", (await Standards.ChangeDisputeDaysAsync(admin, 0)).Violation!.Code);

        Assert.Equal(before, await CountAsync());
        Assert.Equal(QcSettings.DefaultDisputeDays, await Standards.DisputeDaysAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<CustomerServiceDbContext>>().CreateDbContext();
        return await db.QcStandards.CountAsync();
    }
}
