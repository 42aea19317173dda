namespace CustomerService.Domain.Visitors;

/// <summary>
/// Someone on the merchant's site, recognised across visits by his visitor token (SPEC N2) or by the merchant's signed
/// user id (SPEC E1). The engine keeps <see cref="LastAgentId"/> and <see cref="AgentBeforeLastId"/> for 熟客优先 (D2.5).
/// </summary>
public class Visitor
{
    private Visitor()
    {
        TokenHash = string.Empty;
    }

    public Visitor(string tokenHash, DateTime firstSeenAt)
    {
        TokenHash = tokenHash;
        FirstSeenAt = LastSeenAt = firstSeenAt;
    }

    public long Id { get; private set; }

    /// <summary>SHA-256 of the visitor token; the token itself is only ever known to the visitor's browser.</summary>
    public string TokenHash { get; private set; }

    /// <summary>The merchant's own user id, from a verified signature.</summary>
    public string? ExternalUserId { get; private set; }

    public string? Name { get; private set; }

    /// <summary>Set from a verified signature only (SPEC E1, D2.7).</summary>
    public bool IsVip { get; private set; }

    public int? LastAgentId { get; private set; }
    public int? AgentBeforeLastId { get; private set; }
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }
    public string? LastIp { get; private set; }

    public void Identify(string? externalUserId, string? name, bool isVip)
    {
        ExternalUserId = externalUserId;
        Name = name;
        IsVip = isVip;
    }

    public void Seen(DateTime now, string? ip)
    {
        LastSeenAt = now;
        LastIp = ip;
    }

    /// <summary>Remembers the agent for the next request; being served by the same agent again keeps the older one.</summary>
    public void ServedBy(int agentId)
    {
        if (LastAgentId == agentId)
        {
            return;
        }

        AgentBeforeLastId = LastAgentId;
        LastAgentId = agentId;
    }
}
