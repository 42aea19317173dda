using CustomerService.Domain.Exports;
using CustomerService.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Data.Configurations;

internal sealed class ExportTaskConfiguration : IEntityTypeConfiguration<ExportTask>
{
    public void Configure(EntityTypeBuilder<ExportTask> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(ExportTask.NameMaxLength);
        builder.Property(t => t.Request).HasMaxLength(ExportTask.RequestMaxLength);
        builder.Property(t => t.Culture).HasMaxLength(16);
        builder.Property(t => t.FileName).HasMaxLength(ExportTask.FileNameMaxLength);
        builder.Property(t => t.Error).HasMaxLength(ExportTask.ErrorMaxLength);
        builder.Ignore(t => t.IsActive);
        builder.Ignore(t => t.MayContinue);

        // 导出管理 lists an owner's tasks newest first, and the queue limit counts his active ones.
        builder.HasIndex(t => new { t.OwnerAccountId, t.State });
        // The runner takes the oldest queued task; retention finds done tasks past their date.
        builder.HasIndex(t => new { t.State, t.ExpiresAt });
        builder.HasOne<Account>().WithMany().HasForeignKey(t => t.OwnerAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
