namespace CustomerService.Domain.Conversations;

/// <summary>
/// 评价 levels (SPEC D9). The numeric value is the score the visitor API sends (<c>level: 1..5</c>, SPEC N2) and the one
/// “best rating” compares, so the values must not be renumbered.
/// </summary>
public enum EvaluationLevel
{
    /// <summary>很不满意.</summary>
    VeryDissatisfied = 1,

    /// <summary>不满意.</summary>
    Dissatisfied = 2,

    /// <summary>一般.</summary>
    Neutral = 3,

    /// <summary>满意.</summary>
    Satisfied = 4,

    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}
