namespace FintechCrypto.Testing;

/// <summary>A known family that the library does not implement yet: every case is skipped with <see cref="Reason"/>.</summary>
internal sealed class PendingFamily : IWycheproofFamily
{
    internal PendingFamily(string reason)
    {
        Reason = reason;
    }

    internal string Reason { get; }

    public string? GroupSkipReason(WycheproofGroup group) => Reason;

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test) => CaseOutcome.Skipped(Reason);
}
