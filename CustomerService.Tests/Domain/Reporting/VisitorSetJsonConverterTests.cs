using System.Text;
using System.Text.Json;
using CustomerService.Domain.Reporting;

namespace CustomerService.Tests.Domain.Reporting;

/// <summary>A funnel's visitor set is stored as sorted gaps in varints, base64; the former array of numbers still reads.</summary>
public sealed class VisitorSetJsonConverterTests
{
    [Fact]
    public void Ids_are_written_as_the_first_zigzagged_then_the_gaps_in_varints()
    {
        // 1 → zigzag 2 → 0x02; gap 2 → 0x02; gap 297 = 0b10_0101001 → 0xA9 0x02.
        Assert.Equal([0x02, 0x02, 0xA9, 0x02], VisitorSetJsonConverter.Encode([300, 1, 3, 3]));
        // -1 → zigzag 1; -2 → zigzag 3; 0 → 0.
        Assert.Equal([0x01], VisitorSetJsonConverter.Encode([-1]));
        Assert.Equal([0x03], VisitorSetJsonConverter.Encode([-2]));
        Assert.Equal([0x00, 0x80, 0x01], VisitorSetJsonConverter.Encode([0, 128]));
        Assert.Empty(VisitorSetJsonConverter.Encode([]));
    }

    [Fact]
    public void A_tally_stores_each_set_as_one_base64_string()
    {
        var tally = new OriginTally();
        tally.StartPages["/p"] = new StartPageTally { Payment = [300, 1, 3], OrderFill = [1] };

        var json = Encoding.UTF8.GetString(tally.ToJson());

        Assert.Contains("\"OrderFill\":\"Ag==\"", json, StringComparison.Ordinal);
        Assert.Contains("\"OrderSubmit\":\"\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Payment\":\"AgKpAg==\"", json, StringComparison.Ordinal);
        Assert.Equal([1L, 3L, 300L], OriginTally.FromJson(tally.ToJson()).StartPages["/p"].Payment.Order());
    }

    [Fact]
    public void Any_ids_read_back_as_they_were_written()
    {
        long[] ids = [long.MinValue, -5, 0, 7, 1_000_000_007, long.MaxValue];

        var decoded = VisitorSetJsonConverter.Decode(VisitorSetJsonConverter.Encode(ids));

        Assert.Equal(ids, decoded.Order());
        Assert.Empty(VisitorSetJsonConverter.Decode([]));
    }

    [Fact]
    public void A_set_stored_as_an_array_of_numbers_still_reads()
    {
        var json = """{"ByHour":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0],"StartPages":{"/p":{"Consultations":2,"Valid":1,"OrderFill":[5,2],"OrderSubmit":[],"Payment":[2]}}}""";

        var page = OriginTally.FromJson(Encoding.UTF8.GetBytes(json)).StartPages["/p"];

        Assert.Equal([2L, 5L], page.OrderFill.Order());
        Assert.Empty(page.OrderSubmit);
        Assert.Equal([2L], page.Payment);
        Assert.Equal((2L, 1L), (page.Consultations, page.Valid));
    }

    [Theory]
    [InlineData("\"gA==\"")] // 0x80: a varint that never ends
    [InlineData("5")]
    [InlineData("\"not base64!\"")]
    public void A_set_that_is_neither_is_refused(string set)
    {
        var json = "{\"StartPages\":{\"/p\":{\"Payment\":" + set + "}}}";

        Assert.ThrowsAny<Exception>(() => OriginTally.FromJson(Encoding.UTF8.GetBytes(json)));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StartPageTally>("{\"Payment\":" + set + "}"));
    }

    [Fact]
    public void A_varint_longer_than_ten_bytes_is_refused()
    {
        byte[] eleven = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];

        Assert.Throws<JsonException>(() => VisitorSetJsonConverter.Decode(eleven));
        Assert.Throws<ArgumentNullException>(() => VisitorSetJsonConverter.Encode(null!));
    }
}
