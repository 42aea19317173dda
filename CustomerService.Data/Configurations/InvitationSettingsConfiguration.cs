using CustomerService.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class InvitationSettingsConfiguration : IEntityTypeConfiguration<InvitationSettings>
{
    public void Configure(EntityTypeBuilder<InvitationSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.DefaultText).HasMaxLength(Invitation.TextMaxLength).IsRequired();
        builder.Property(s => s.AutoInvitePageContains).HasMaxLength(InvitationSettings.PagePatternMaxLength);
        builder.Ignore(s => s.Lifetime);
        builder.HasData(InvitationSettings.CreateDefault());
    }
}
