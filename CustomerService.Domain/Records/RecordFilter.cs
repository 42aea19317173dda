using System.Net;
using System.Net.Sockets;
using CustomerService.Domain.Common;
using CustomerService.Domain.Visitors;

namespace CustomerService.Domain.Records;

/// <summary>客户评价 of the advanced search (SPEC G2): the five levels (their D9 values) and 未评价.</summary>
public enum RatingFilter
{
    Unrated = 0,
    VeryDissatisfied = 1,
    Dissatisfied = 2,
    Neutral = 3,
    Satisfied = 4,
    VerySatisfied = 5,
}

/// <summary>咨询次数 (SPEC G2): the visitor's consultations up to and including this one.</summary>
public enum VisitCountFilter
{
    Once = 1,
    Twice = 2,
    Thrice = 3,
    MoreThanThree = 4,
}

/// <summary>客户来源 (SPEC G2): a search engine by name, 友情链接 (another site) or 直接输入 (no referrer).</summary>
public enum SourceFilter
{
    Baidu,
    Google,
    Bing,
    Sogou,
    Qihoo360,
    Shenma,
    Yahoo,
    Youdao,
    Referral,
    Direct,

    /// <summary>主动邀请: the consultation was opened by an accepted invitation (SPEC D13), as 数据分析 counts it.</summary>
    Invitation,
}

/// <summary>接待方式 (SPEC G2). The product has no robot reception yet, so 机器人接待 finds nothing — truthfully.</summary>
public enum ReceptionModeFilter
{
    Human,
    Robot,
}

/// <summary>
/// The quick and advanced search of 互动记录 (SPEC G2); null means “all” (seed 002: 不选择即为全部). Every criterion is
/// one indexed column or one join on one (see the query builder). <see cref="Validate"/> refuses bad input before any
/// query runs.
/// </summary>
public sealed record RecordFilter
{
    /// <summary>A shorter keyword matches nearly everything; 2 is the shortest Chinese term (退款, 发票).</summary>
    public const int KeywordMinLength = 2;

    public const int KeywordMaxLength = 100;

    /// <summary>The refusal of an account group that does not exist.</summary>
    public const string AccountGroupUnknown = "Records.AccountGroupUnknown";

    /// <summary>用户名称/ID or a word of the conversation (自定义关键词).</summary>
    public string? Keyword { get; init; }

    /// <summary>用户IP: a complete address, compared exactly.</summary>
    public string? VisitorIp { get; init; }

    /// <summary>接待客服: the agent took part (assigned, accepted a transfer, invited, barged in — SPEC B).</summary>
    public int? AgentId { get; init; }

    /// <summary>
    /// 账号分组: an agent of the account group took part, as <see cref="AgentId"/> reads “took part” — what a KPI figure
    /// of a page scoped to the group drills down to (issue 11).
    /// </summary>
    public int? AccountGroupId { get; init; }

    public int? ReceptionGroupId { get; init; }

    public RatingFilter? Rating { get; init; }

    /// <summary>问题是否解决 as the visitor answered it with his rating: true 已解决, false 未解决 (SPEC I0).</summary>
    public bool? ProblemSolved { get; init; }

    /// <summary>咨询购买.</summary>
    public bool? Purchased { get; init; }

    public VisitCountFilter? VisitCount { get; init; }

    /// <summary>咨询类型: the type summarised, or any type below it in the tree.</summary>
    public int? ConsultationTypeId { get; init; }

    /// <summary>咨询结果: true 有效, false 无效.</summary>
    public bool? Valid { get; init; }

    /// <summary>用户身份: VIP or not.</summary>
    public bool? Vip { get; init; }

    /// <summary>客户地域: a province (“广东省”) or a province and city (“广东省 深圳市”), as the region resolver writes them.</summary>
    public string? Region { get; init; }

    public SourceFilter? Source { get; init; }

    public Terminal? Terminal { get; init; }

    public ReceptionModeFilter? ReceptionMode { get; init; }

    /// <summary>质检结果 (SPEC G2): the band of the conversation's QC score; ungraded conversations never match.</summary>
    public Qc.QcBand? QcBand { get; init; }

    public string? TrimmedKeyword => string.IsNullOrWhiteSpace(Keyword) ? null : Keyword.Trim();

    public string? TrimmedRegion => string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();

    /// <summary>The address in its canonical text (as the visitor API stores it), or null when none was given.</summary>
    public string? CanonicalIp =>
        string.IsNullOrWhiteSpace(VisitorIp) ? null
        : IPAddress.TryParse(VisitorIp.Trim(), out var address) ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;

    /// <summary>
    /// The first broken rule: a keyword under 2 or over 100 characters, an address that is not a complete IP, an account
    /// group id no group can have (whether a positive one exists is the records service's to check).
    /// </summary>
    public RuleViolation? Validate()
    {
        if (AccountGroupId is <= 0)
        {
            return new RuleViolation(AccountGroupUnknown);
        }

        if (TrimmedKeyword is { } keyword && (keyword.Length < KeywordMinLength || keyword.Length > KeywordMaxLength))
        {
            return new RuleViolation("RecordKeywordLength", KeywordMinLength, KeywordMaxLength);
        }

        if (!string.IsNullOrWhiteSpace(VisitorIp) && !IsCompleteAddress(VisitorIp.Trim()))
        {
            return new RuleViolation("RecordIpMalformed");
        }

        return TrimmedRegion is { Length: > 64 } ? new RuleViolation("RecordRegionTooLong", 64) : null;
    }

    // IPAddress.TryParse also accepts “1.2” or “10” (shorthand forms): seed 002 asks for the complete address.
    private static bool IsCompleteAddress(string text) =>
        IPAddress.TryParse(text, out var address)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 || text.Split('.').Length == 4);
}
