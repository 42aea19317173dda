using CustomerService.Web.Features.Kpi;

namespace CustomerService.Tests.Features.Kpi;

/// <summary>A long trend keeps every point but labels the axis sparsely, so the labels do not overlap.</summary>
public sealed class KpiTrendChartTests
{
    [Fact]
    public void Up_to_fifteen_labels_are_all_shown()
    {
        string[] week = ["01", "02", "03", "04", "05", "06", "07"];
        var fifteen = Enumerable.Range(1, 15).Select(i => $"{i:00}").ToArray();

        Assert.Equal(week, KpiTrendChart.Thinned(week));
        Assert.Equal(fifteen, KpiTrendChart.Thinned(fifteen));
        Assert.Empty(KpiTrendChart.Thinned([]));
    }

    [Fact]
    public void More_labels_show_every_nth_and_leave_the_others_blank()
    {
        var sixteen = Enumerable.Range(1, 16).Select(i => $"{i:00}").ToArray();
        var year = Enumerable.Range(0, 365).Select(i => $"d{i}").ToArray();

        // 16 labels: every 2nd; 365: every 25th (0, 25, …, 350), 15 labels.
        Assert.Equal(["01", "", "03", "", "05", "", "07", "", "09", "", "11", "", "13", "", "15", ""], KpiTrendChart.Thinned(sixteen));
        var shown = KpiTrendChart.Thinned(year);
        Assert.Equal(365, shown.Length);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"d{i * 25}"), shown.Where(l => l.Length > 0));
        Assert.Equal("d25", shown[25]);
        Assert.Equal(string.Empty, shown[24]);
    }
}
