namespace FintechCrypto.Testing;

/// <summary>
/// A known family (Wycheproof) or algorithm (ACVP) that the library does not implement yet: every case is skipped
/// with <see cref="Reason"/>.
/// </summary>
internal sealed class PendingFamily(string reason) : IWycheproofFamily, IAcvpHandler
{
    internal string Reason { get; } = reason;

    public string? PendingReason => Reason;

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test) => CaseOutcome.Skipped(Reason);

    public CaseOutcome Run(AcvpGroup group, AcvpTest test) => CaseOutcome.Skipped(Reason);
}
