using CustomerService.Domain.Common;
using CustomerService.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.HasKey(o => o.OrderId);
        builder.Property(o => o.OrderId).HasMaxLength(OrderInput.OrderIdMaxLength);
        builder.Property(o => o.UserId).HasMaxLength(InputLimits.ExternalUserId).IsRequired();
        builder.Property(o => o.Amount).HasPrecision(18, 2);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(24);
        builder.Ignore(o => o.IsCancelled);

        // A handful of agent ids per order, only ever read with the order: one text column ("3,17") instead of a table.
        builder.Property<List<int>>("_assistingAgentIds")
            .HasColumnName("AssistingAgentIds")
            .HasMaxLength(400)
            .HasConversion(
                ids => string.Join(',', ids),
                text => text.Length == 0 ? new List<int>() : text.Split(',', StringSplitOptions.None).Select(int.Parse).ToList(),
                new ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), ids => ids.Aggregate(0, HashCode.Combine), ids => ids.ToList()));
        builder.Ignore(o => o.AssistingAgentIds);

        builder.HasIndex(o => o.PlacedAt);

        // Covers 咨询下单用户 and the consultation orders the fact loader reads by period (SPEC I4).
        builder.HasIndex(o => new { o.PlacedAt, o.Type, o.Status, o.OrderAgentId, o.UserId }, "IX_Orders_Reporting");
        builder.HasIndex(o => new { o.UserId, o.PlacedAt });
        builder.HasIndex(o => o.AttributedConversationId);
    }
}
