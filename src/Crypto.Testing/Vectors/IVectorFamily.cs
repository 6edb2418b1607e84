namespace FintechCrypto.Testing;

/// <summary>
/// Runs the cases of one algorithm family of one vector format through the public API: a Wycheproof family
/// (<see cref="IWycheproofFamily"/>) or an ACVP algorithm (<see cref="IAcvpHandler"/>). <see cref="CaseRunner"/> runs
/// every group's cases through it.
/// </summary>
/// <typeparam name="TGroup">The format's test group.</typeparam>
/// <typeparam name="TTest">The format's test case.</typeparam>
internal interface IVectorFamily<TGroup, TTest>
{
    /// <summary>Null when the family runs; otherwise why every case is skipped (a family known but not implemented yet).</summary>
    string? PendingReason => null;

    /// <summary>Null when the group can run; otherwise why every case of it is skipped (an unsupported parameter).</summary>
    string? GroupSkipReason(TGroup group) => null;

    /// <summary>Null when the case can run; otherwise why it is skipped.</summary>
    string? CaseSkipReason(TTest test) => null;

    /// <summary>
    /// Runs one case and says what the library did. Exceptions of the library's family and ArgumentExceptions are
    /// turned into Rejected by the runner; any other exception into Crashed.
    /// </summary>
    CaseOutcome Run(TGroup group, TTest test);
}
