namespace FintechCrypto.Testing;

/// <summary>A known ACVP algorithm that the library does not implement yet: every case is skipped with <see cref="Reason"/>.</summary>
internal sealed class PendingAcvpHandler : IAcvpHandler
{
    internal PendingAcvpHandler(string reason)
    {
        Reason = reason;
    }

    internal string Reason { get; }

    public string? GroupSkipReason(AcvpVectorSet set, AcvpGroup group) => Reason;

    public CaseOutcome Run(AcvpVectorSet set, AcvpGroup group, AcvpTest test) => CaseOutcome.Skipped(Reason);
}
