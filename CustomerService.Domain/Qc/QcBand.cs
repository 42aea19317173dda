namespace CustomerService.Domain.Qc;

/// <summary>A QC score's band (SPEC H2): 优 ≥ 85, 良 75 – &lt; 85, 合格 60 – &lt; 75, 差 &lt; 60.</summary>
public enum QcBand
{
    /// <summary>差.</summary>
    Poor = 0,

    /// <summary>合格.</summary>
    Pass = 1,

    /// <summary>良.</summary>
    Good = 2,

    /// <summary>优.</summary>
    Excellent = 3,
}
