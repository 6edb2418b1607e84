namespace FintechCrypto.Testing;

/// <summary>
/// Runs the cases of one Wycheproof algorithm family through the public API. A new family (ML-KEM, ML-DSA…) is a
/// class implementing this interface plus one line in <see cref="WycheproofFamilies"/>.
/// </summary>
internal interface IWycheproofFamily
{
    /// <summary>Null when the group can run; otherwise why every case of it is skipped (an unsupported parameter).</summary>
    string? GroupSkipReason(WycheproofGroup group);

    /// <summary>
    /// Runs one case. Returns Accepted only when the output matches the file; verify/decrypt false is Rejected.
    /// Exceptions of the library's family and ArgumentExceptions are turned into Rejected by the runner.
    /// </summary>
    CaseOutcome Run(WycheproofGroup group, WycheproofTest test);
}
