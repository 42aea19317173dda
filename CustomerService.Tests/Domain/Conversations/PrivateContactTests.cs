using CustomerService.Domain.Conversations;

namespace CustomerService.Tests.Domain.Conversations;

/// <summary>Seed 001 私密联系人: a visitor bound to one agent (SPEC D2.2).</summary>
public sealed class PrivateContactTests
{
    private static readonly DateTime CreatedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_contact_binds_a_visitor_to_an_agent()
    {
        var contact = new PrivateContact(42, 7, CreatedAt);

        Assert.Equal((42L, 7, CreatedAt), (contact.VisitorId, contact.AgentId, contact.CreatedAt));
    }

    [Fact]
    public void Moving_binds_the_visitor_to_the_new_agent_from_now_on()
    {
        var contact = new PrivateContact(42, 7, CreatedAt);

        contact.MoveTo(8, CreatedAt.AddDays(3));

        Assert.Equal((42L, 8, CreatedAt.AddDays(3)), (contact.VisitorId, contact.AgentId, contact.CreatedAt));
    }
}
