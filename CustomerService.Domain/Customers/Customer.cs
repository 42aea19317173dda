using CustomerService.Domain.Common;
using CustomerService.Domain.Organisation;

namespace CustomerService.Domain.Customers;

/// <summary>Where a CRM customer came from (SPEC J6); only <see cref="Console"/> counts as 添加CRM (SPEC I0).</summary>
public enum CustomerSource
{
    /// <summary>Filed by an agent from the console's customer panel (SPEC F7).</summary>
    Console = 0,

    /// <summary>A row of an admin's .xlsx import (SPEC J4).</summary>
    Import = 1,

    /// <summary>Pushed by the merchant's systems, <c>PUT /api/v1/customers/{userId}</c> (SPEC N4).</summary>
    Api = 2,

    /// <summary>Added by hand on the CRM pages (SPEC J2).</summary>
    Crm = 3,
}

/// <summary>
/// A CRM customer (SPEC J): what is known about him, who created him, when and how, his owner (the agent whose customer he
/// is; none = 未分配) and star, the merchant's user id (SPEC E1) and the visitor he was filed from. A returning visitor is
/// recognised as the customer by that user id or that visitor (SPEC J5).
/// </summary>
public class Customer
{
    public const int NameMaxLength = 32;
    public const int NotesMaxLength = 1000;
    public const int PhoneMaxLength = 32;
    public const int EmailMaxLength = 254;
    public const int UserIdMaxLength = 64;
    public const int MaxStar = 5;

    private Customer()
    {
    }

    private Customer(CustomerSource source, int? createdByAccountId, DateTime now)
    {
        Source = source;
        CreatedByAccountId = createdByAccountId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string? Name { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>The merchant's own user id (SPEC E1): the visitor signed in with it is this customer.</summary>
    public string? UserId { get; private set; }

    /// <summary>1–5; null when nobody rated him (未分配 in the star breakdown of SPEC J1).</summary>
    public int? Star { get; private set; }

    /// <summary>The agent whose customer he is; null = 未分配 (abandoned, imported or pushed without one).</summary>
    public int? OwnerAccountId { get; private set; }

    public CustomerSource Source { get; private set; }

    /// <summary>The visitor an agent filed him from in the console (SPEC J5: that visitor is recognised as him).</summary>
    public long? OriginVisitorId { get; private set; }

    /// <summary>Who created him: for the console the agent credited with 添加CRM (SPEC I0); null for the API.</summary>
    public int? CreatedByAccountId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public int? UpdatedByAccountId { get; private set; }
    public DateTime? UpdatedAt { get; private set; }

    /// <summary>The console's 客户信息 saved for a visitor for the first time: the agent becomes creator and owner.</summary>
    public static Customer FromConsole(long visitorId, string? userId, CustomerDetails details, int agentId, DateTime now)
    {
        var customer = new Customer(CustomerSource.Console, agentId, now) { OriginVisitorId = visitorId, UserId = Blank(userId), OwnerAccountId = agentId };
        customer.Change(details, agentId, now);
        return customer;
    }

    /// <summary>A customer from the CRM pages, an import or the API, checked with <see cref="Check(CustomerData)"/> first.</summary>
    public static Customer Create(CustomerSource source, CustomerData data, int? byAccountId, int? ownerAccountId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(data);
        RuleViolationException.ThrowIf(Check(data));
        var customer = new Customer(source, byAccountId, now) { OwnerAccountId = ownerAccountId };
        customer.Set(data);
        return customer;
    }

    public static RuleViolation? Check(CustomerDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return CheckName(details.Name)
            ?? AccountRules.CheckPhone(Blank(details.Phone))
            ?? CheckEmail(Blank(details.Email))
            ?? (details.Notes is { Length: > NotesMaxLength } ? new RuleViolation("TooLong", "Customer.Notes", NotesMaxLength) : null);
    }

    /// <summary>Every rule of a full record; nothing identifies a customer without a user id, phone or e-mail (SPEC J4).</summary>
    public static RuleViolation? Check(CustomerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Check(data.Details)
            ?? (Blank(data.UserId) is { Length: > UserIdMaxLength } ? new RuleViolation("TooLong", "Crm.UserId", UserIdMaxLength) : null)
            ?? CheckStar(data.Star)
            ?? (Blank(data.UserId) is null && Blank(data.Details.Phone) is null && Blank(data.Details.Email) is null
                ? new RuleViolation("Crm.Unidentified") : null);
    }

    /// <summary>
    /// Every broken rule of <paramref name="data"/>, by field (<see cref="CustomerField"/>), for answers that list them all
    /// (the API's field errors, an import's per-row errors). Empty when <see cref="Check(CustomerData)"/> passes.
    /// </summary>
    public static IReadOnlyList<(CustomerField Field, RuleViolation Violation)> Problems(CustomerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<(CustomerField, RuleViolation)>();
        Add(CustomerField.Name, CheckName(data.Details.Name));
        Add(CustomerField.Phone, AccountRules.CheckPhone(Blank(data.Details.Phone)));
        Add(CustomerField.Email, CheckEmail(Blank(data.Details.Email)));
        Add(CustomerField.Notes, data.Details.Notes is { Length: > NotesMaxLength } ? new RuleViolation("TooLong", "Customer.Notes", NotesMaxLength) : null);
        Add(CustomerField.UserId, Blank(data.UserId) is { Length: > UserIdMaxLength } ? new RuleViolation("TooLong", "Crm.UserId", UserIdMaxLength) : null);
        Add(CustomerField.Star, CheckStar(data.Star));
        if (Blank(data.UserId) is null && Blank(data.Details.Phone) is null && Blank(data.Details.Email) is null)
        {
            problems.Add((CustomerField.UserId, new RuleViolation("Crm.Unidentified")));
        }

        return problems;

        void Add(CustomerField field, RuleViolation? violation)
        {
            if (violation is not null)
            {
                problems.Add((field, violation));
            }
        }
    }

    public static RuleViolation? CheckStar(int? star) =>
        star is < 1 or > MaxStar ? new RuleViolation("Crm.StarOutOfRange", 1, MaxStar) : null;

    private static RuleViolation? CheckName(string? name) =>
        name is { } value && value.Trim().Length > NameMaxLength ? new RuleViolation("TooLong", "Customer.Name", NameMaxLength) : null;

    private static RuleViolation? CheckEmail(string? email) =>
        email is { Length: > EmailMaxLength } ? new RuleViolation("TooLong", "Customer.Email", EmailMaxLength) : AccountRules.CheckEmail(email);

    /// <summary>The console's edit: name, phone, e-mail and notes; the first author stays the creator.</summary>
    public void Change(CustomerDetails details, int byAccountId, DateTime now)
    {
        RuleViolationException.ThrowIf(Check(details));
        Name = Blank(details.Name);
        Phone = Blank(details.Phone);
        Email = Blank(details.Email);
        Notes = Blank(details.Notes);
        UpdatedByAccountId = byAccountId;
        UpdatedAt = now;
    }

    /// <summary>
    /// An update from the CRM pages, an import or the API: every field of <paramref name="data"/> replaces the stored one.
    /// False, and nothing touched, when the record already says exactly this (the same import twice changes nothing).
    /// </summary>
    public bool Update(CustomerData data, int? byAccountId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(data);
        RuleViolationException.ThrowIf(Check(data));
        if (Says(data))
        {
            return false;
        }

        Set(data);
        UpdatedByAccountId = byAccountId;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Whether the record already holds <paramref name="data"/>, compared as it would be stored.</summary>
    public bool Says(CustomerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Name == Blank(data.Details.Name) && Phone == Blank(data.Details.Phone) && Email == Blank(data.Details.Email)
            && Notes == Blank(data.Details.Notes) && UserId == Blank(data.UserId) && Star == data.Star;
    }

    /// <summary>Gives him to <paramref name="ownerAccountId"/> (null: abandon, 放弃); the history row, or null when nothing changes.</summary>
    public CustomerAssignment? AssignTo(int? ownerAccountId, int byAccountId, DateTime now)
    {
        if (OwnerAccountId == ownerAccountId)
        {
            return null;
        }

        var assignment = new CustomerAssignment(Id, OwnerAccountId, ownerAccountId, byAccountId, now);
        OwnerAccountId = ownerAccountId;
        UpdatedByAccountId = byAccountId;
        UpdatedAt = now;
        return assignment;
    }

    public void Rate(int? star, int byAccountId, DateTime now)
    {
        RuleViolationException.ThrowIf(CheckStar(star));
        Star = star;
        UpdatedByAccountId = byAccountId;
        UpdatedAt = now;
    }

    private void Set(CustomerData data)
    {
        Name = Blank(data.Details.Name);
        Phone = Blank(data.Details.Phone);
        Email = Blank(data.Details.Email);
        Notes = Blank(data.Details.Notes);
        UserId = Blank(data.UserId);
        Star = data.Star;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The built-in fields of a customer, as named in the API, the import template and error reports.</summary>
public enum CustomerField
{
    Name,
    Phone,
    Email,
    Notes,
    UserId,
    Star,
}

/// <summary>What the console's customer panel edits (SPEC F7).</summary>
public sealed record CustomerDetails(string? Name, string? Phone, string? Email, string? Notes);

/// <summary>A full customer record as the CRM pages, an import row or the API give it.</summary>
public sealed record CustomerData(CustomerDetails Details, string? UserId, int? Star);

/// <summary>One change of a customer's owner (SPEC J2 assign / abandon); <see cref="ToAccountId"/> null = abandoned.</summary>
public class CustomerAssignment
{
    private CustomerAssignment()
    {
    }

    public CustomerAssignment(long customerId, int? fromAccountId, int? toAccountId, int byAccountId, DateTime at)
    {
        CustomerId = customerId;
        FromAccountId = fromAccountId;
        ToAccountId = toAccountId;
        ByAccountId = byAccountId;
        At = at;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public int? FromAccountId { get; private set; }
    public int? ToAccountId { get; private set; }
    public int ByAccountId { get; private set; }
    public DateTime At { get; private set; }
}
