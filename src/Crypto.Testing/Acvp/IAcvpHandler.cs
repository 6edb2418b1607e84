namespace FintechCrypto.Testing;

/// <summary>
/// Runs the cases of one ACVP algorithm (all its modes). Unlike Wycheproof, the handler judges each case itself:
/// it returns Accepted when the library's output (or validity decision) matches the expected one, Skipped with a
/// reason for a parameter the library lacks, and anything else is a failure. Issues 3 and 4 plug ML-KEM, ML-DSA and
/// SLH-DSA handlers in through <see cref="AcvpHandlers"/>.
/// </summary>
internal interface IAcvpHandler
{
    /// <summary>Null when the group can run; otherwise why every case of it is skipped.</summary>
    string? GroupSkipReason(AcvpVectorSet set, AcvpGroup group);

    /// <summary>Runs and judges one case.</summary>
    CaseOutcome Run(AcvpVectorSet set, AcvpGroup group, AcvpTest test);
}
