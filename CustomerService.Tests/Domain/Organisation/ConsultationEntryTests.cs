using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Tests.Domain.Organisation;

/// <summary>SPEC C4 and E1: an entry's code and name, and the secret that signs widget users.</summary>
public sealed class ConsultationEntryTests
{
    [Theory]
    [InlineData("presale", null)]
    [InlineData("e-2x_9", null)]
    [InlineData("", "Required")]
    [InlineData("Presale", "EntryCodeFormat")]
    [InlineData("-presale", "EntryCodeFormat")]
    [InlineData("pre sale", "EntryCodeFormat")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "EntryCodeFormat")]
    public void Codes_are_lower_case_letters_digits_dash_and_underscore_up_to_32(string code, string? violation) =>
        Assert.Equal(violation, ConsultationEntry.CheckCode(code)?.Code);

    [Fact]
    public void A_name_of_32_characters_is_accepted_and_33_is_too_long()
    {
        Assert.Null(ConsultationEntry.CheckName(new string('入', 32)));
        Assert.Equal("TooLong", ConsultationEntry.CheckName(new string('入', 33))?.Code);
        Assert.Equal("Required", ConsultationEntry.CheckName(" ")?.Code);
    }

    [Fact]
    public void A_new_entry_has_a_64_character_lower_case_hex_secret_and_a_trimmed_name()
    {
        var entry = new ConsultationEntry("presale", " 售前咨询 ", receptionGroupId: 3);

        Assert.Matches("^[0-9a-f]{64}$", entry.Secret);
        Assert.Equal(("presale", "售前咨询", 3), (entry.Code, entry.Name, entry.ReceptionGroupId));
    }

    [Fact]
    public void Rotating_the_secret_replaces_it()
    {
        var entry = new ConsultationEntry("presale", "售前咨询", 3);
        var old = entry.Secret;

        entry.RotateSecret();

        Assert.NotEqual(old, entry.Secret);
        Assert.Matches("^[0-9a-f]{64}$", entry.Secret);
    }

    [Fact]
    public void A_bad_code_is_refused_at_creation_and_a_bad_rename_keeps_the_name()
    {
        Assert.Throws<RuleViolationException>(() => new ConsultationEntry("Bad Code", "售前", 3));
        var entry = new ConsultationEntry("presale", "售前咨询", 3);

        Assert.Throws<RuleViolationException>(() => entry.Rename(""));

        Assert.Equal("售前咨询", entry.Name);
    }

    [Fact]
    public void Generated_codes_are_valid_and_differ()
    {
        var codes = Enumerable.Range(0, 20).Select(_ => ConsultationEntry.GenerateCode()).ToList();

        Assert.All(codes, code => Assert.Null(ConsultationEntry.CheckCode(code)));
        Assert.All(codes, code => Assert.Matches("^e-[a-z2-9]{8}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Binding_moves_the_entry_to_another_group()
    {
        var entry = new ConsultationEntry("presale", "售前咨询", 3);

        entry.BindTo(4);

        Assert.Equal(4, entry.ReceptionGroupId);
    }

    [Fact]
    public void A_demo_entry_takes_its_well_known_secret()
    {
        var entry = new ConsultationEntry("presale", "售前咨询", 3);

        entry.UseSecret("demo-secret-presale");

        Assert.Equal("demo-secret-presale", entry.Secret);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short-secret")]
    public void A_chosen_secret_is_at_least_16_characters(string secret)
    {
        var entry = new ConsultationEntry("presale", "售前咨询", 3);
        var before = entry.Secret;

        Assert.Throws<ArgumentException>(() => entry.UseSecret(secret));
        Assert.Equal(before, entry.Secret);
    }

    [Fact]
    public void Code_and_name_are_reported_with_their_field_and_limit()
    {
        Assert.Equal("Required(Entry.Code)", ConsultationEntry.CheckCode(" ")?.ToString());
        Assert.Equal("EntryCodeFormat(32)", ConsultationEntry.CheckCode(new string('a', 33))?.ToString());
        Assert.Null(ConsultationEntry.CheckCode(new string('a', 32)));
        Assert.Equal("Required(Entry.Name)", ConsultationEntry.CheckName(" ")?.ToString());
        Assert.Equal("TooLong(Entry.Name, 32)", ConsultationEntry.CheckName(new string('名', 33))?.ToString());
    }
}
