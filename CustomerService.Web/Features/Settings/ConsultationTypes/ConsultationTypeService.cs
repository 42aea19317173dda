using CustomerService.Data;
using CustomerService.Domain.Common;
using CustomerService.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Web.Features.Settings.ConsultationTypes;

/// <summary>A type in display order, with its depth and whether it has children (only leaves can be deleted).</summary>
public sealed record ConsultationTypeNode(int Id, int? ParentId, string Name, int Depth, bool HasChildren);

/// <summary>
/// 咨询类型 maintenance (SPEC D10, K; seed 002 “5.咨询类型”, 多级分组). Every change builds the tree it would produce and
/// saves it only when <see cref="ConsultationTypeRules.Validate"/> finds nothing wrong (at most 50 types, names of at
/// most 25 characters, unique among siblings, no cycles), so add, rename and move obey one rule set.
/// </summary>
public sealed class ConsultationTypeService(IDbContextFactory<CustomerServiceDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The types as the summary picker and the reports read them.</summary>
    public async Task<IReadOnlyList<ConsultationType>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ConsultationTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The tree depth first, children in creation order: what the settings page draws.</summary>
    public async Task<IReadOnlyList<ConsultationTypeNode>> TreeAsync(CancellationToken cancellationToken = default) =>
        Flatten(await ListAsync(cancellationToken));

    public async Task<Outcome<int>> AddAsync(int? parentId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = await db.ConsultationTypes.AsNoTracking().ToListAsync(cancellationToken);
        // A placeholder id no stored row has, so the rules see the new type as one more node.
        var proposed = new ConsultationType(0, parentId, name?.Trim() ?? string.Empty);
        if (Check([.. types, proposed], proposed.Id) is { } violation)
        {
            return violation;
        }

        var added = proposed with { CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ConsultationTypes.Add(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Id;
    }

    /// <summary>Renames and/or moves a type (a null parent makes it top-level).</summary>
    public async Task<Outcome> ChangeAsync(int id, string name, int? parentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var types = await db.ConsultationTypes.AsNoTracking().ToListAsync(cancellationToken);
        if (types.All(t => t.Id != id))
        {
            return new RuleViolation("ConsultationTypeMissing");
        }

        var changed = new ConsultationType(id, parentId, name?.Trim() ?? string.Empty);
        if (Check([.. types.Where(t => t.Id != id), changed], id) is { } violation)
        {
            return violation;
        }

        // The record is immutable: update the row in one statement rather than tracking a copy.
        await db.ConsultationTypes.Where(t => t.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Name, changed.Name).SetProperty(t => t.ParentId, changed.ParentId), cancellationToken);
        return Outcome.Ok;
    }

    /// <summary>Deletes a type without children; a parent must be emptied first, so no subtree vanishes by accident.</summary>
    public async Task<Outcome> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ConsultationTypes.AnyAsync(t => t.ParentId == id, cancellationToken))
        {
            return new RuleViolation("ConsultationTypeHasChildren");
        }

        // Summaries refer to the type; records and KPIs by type would lose them.
        if (await db.Conversations.AnyAsync(c => c.SummaryTypeId == id, cancellationToken))
        {
            return new RuleViolation("ConsultationTypeInUse");
        }

        var deleted = await db.ConsultationTypes.Where(t => t.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? new RuleViolation("ConsultationTypeMissing") : Outcome.Ok;
    }

    /// <summary>SPEC D10: whether closing a conversation asks for its summary (with a type).</summary>
    public async Task<bool> IsSummaryRequiredOnCloseAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await db.ConversationSettingsAsync(cancellationToken)).SummaryRequiredOnClose;
    }

    public async Task RequireSummaryOnCloseAsync(bool required, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.ConversationSettingsForChangeAsync(cancellationToken);
        settings.RequireSummaryOnClose(required);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ids a type may not be moved under: itself and its descendants (the page leaves them out of the choice).</summary>
    public static IReadOnlySet<int> SubtreeOf(int id, IReadOnlyCollection<ConsultationTypeNode> nodes)
    {
        var subtree = new HashSet<int> { id };
        bool grew;
        do
        {
            grew = false;
            foreach (var node in nodes)
            {
                if (node.ParentId is { } parent && subtree.Contains(parent) && subtree.Add(node.Id))
                {
                    grew = true;
                }
            }
        }
        while (grew);

        return subtree;
    }

    /// <summary>The first problem of the proposed tree as a violation; problems of untouched types are reported too.</summary>
    private static RuleViolation? Check(IReadOnlyCollection<ConsultationType> proposed, int changedId)
    {
        var issues = ConsultationTypeRules.Validate(proposed);
        var issue = issues.FirstOrDefault(i => i.TypeId == changedId) ?? issues.FirstOrDefault();
        if (issue is null)
        {
            return null;
        }

        var name = proposed.FirstOrDefault(t => t.Id == changedId)?.Name ?? string.Empty;
        return issue.Problem switch
        {
            ConsultationTypeProblem.TooManyTypes => new RuleViolation("ConsultationTypeLimit", ConsultationTypeRules.MaxTypes),
            ConsultationTypeProblem.NameRequired => new RuleViolation("Required", "ConsultationType.Name"),
            ConsultationTypeProblem.NameTooLong => new RuleViolation("TooLong", "ConsultationType.Name", ConsultationTypeRules.NameMaxLength),
            ConsultationTypeProblem.DuplicateSiblingName => new RuleViolation("NameTaken", name),
            ConsultationTypeProblem.UnknownParent => new RuleViolation("ConsultationTypeMissing"),
            ConsultationTypeProblem.ParentCycle => new RuleViolation("ConsultationTypeCycle"),
            ConsultationTypeProblem.DuplicateId => new RuleViolation("ConsultationTypeMissing"),
        };
    }

    private static List<ConsultationTypeNode> Flatten(IReadOnlyList<ConsultationType> types)
    {
        var children = types.ToLookup(t => t.ParentId);
        var nodes = new List<ConsultationTypeNode>(types.Count);
        void Visit(int? parentId, int depth)
        {
            foreach (var type in children[parentId].OrderBy(t => t.Id))
            {
                nodes.Add(new ConsultationTypeNode(type.Id, type.ParentId, type.Name, depth, children[type.Id].Any()));
                Visit(type.Id, depth + 1);
            }
        }

        Visit(null, 0);
        return nodes;
    }
}
