namespace FintechCrypto.Testing;

/// <summary>
/// Runs the cases of one ACVP algorithm (all its modes; the handler is made for one vector set's mode). Unlike
/// Wycheproof, the handler judges each case itself: it returns Accepted when the library's output (or validity
/// decision) matches the expected one, Skipped with a reason for a parameter the library lacks, and anything else is
/// a failure. Handlers plug in through <see cref="AcvpHandlers"/>; a case without inputs (a known prompt.json defect)
/// is skipped with that reason.
/// </summary>
internal interface IAcvpHandler : IVectorFamily<AcvpGroup, AcvpTest>
{
    string? IVectorFamily<AcvpGroup, AcvpTest>.CaseSkipReason(AcvpTest test) =>
        test.HasInputs ? null : "the case carries no inputs (a known prompt.json defect; run internalProjection.json)";
}
