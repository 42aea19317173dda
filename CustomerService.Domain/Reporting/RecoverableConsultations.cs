namespace CustomerService.Domain.Reporting;

/// <summary>
/// 可挽回咨询 (SPEC I0): among invalid conversations in which the visitor spoke, those that waited less than the average
/// wait of the same list (the period's 无效咨询 平均等待时间). It compares each wait with the period's average, so it does
/// not add up across days and is computed from facts for the whole period (SPEC I4).
/// </summary>
public static class RecoverableConsultations
{
    /// <param name="invalidWaitMilliseconds">The waits (<see cref="ConsultationFact.InvalidWait"/>) of the period.</param>
    public static long Count(IReadOnlyList<long> invalidWaitMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(invalidWaitMilliseconds);
        // Compared as wait × n < Σ so no rounding of the average decides a wait that equals it.
        decimal sum = invalidWaitMilliseconds.Sum();
        var count = invalidWaitMilliseconds.Count;
        return invalidWaitMilliseconds.LongCount(wait => (decimal)wait * count < sum);
    }
}
