using System;

namespace FintechCrypto.Testing;

/// <summary>What the library did with one case, before it is judged against the file's expectation.</summary>
internal enum CaseVerdict
{
    /// <summary>The operation succeeded and produced the expected output.</summary>
    Accepted,

    /// <summary>The operation was refused: verify/decrypt false, an exception of our family, or an ArgumentException.</summary>
    Rejected,

    /// <summary>The operation succeeded but produced another output than the file's.</summary>
    WrongOutput,

    /// <summary>An exception outside the library's contract (NullReference, IndexOutOfRange, a raw CryptographicException…).</summary>
    Crashed,

    /// <summary>The case was not run.</summary>
    Skipped,
}

/// <summary>A verdict with a human-readable detail for the log.</summary>
internal readonly record struct CaseOutcome(CaseVerdict Verdict, string Detail)
{
    internal static CaseOutcome Accepted { get; } = new(CaseVerdict.Accepted, "accepted");

    internal static CaseOutcome Rejected(string why) => new(CaseVerdict.Rejected, why);

    internal static CaseOutcome WrongOutput(string what) => new(CaseVerdict.WrongOutput, what);

    internal static CaseOutcome Skipped(string reason) => new(CaseVerdict.Skipped, reason);

    internal static CaseOutcome Crashed(Exception e) => new(CaseVerdict.Crashed, $"unexpected {e.GetType().FullName}: {e.Message}");

    /// <summary>This outcome when it is not Accepted; otherwise the outcome of the next check.</summary>
    internal CaseOutcome Then(Func<CaseOutcome> next) => Verdict == CaseVerdict.Accepted ? next() : this;

    /// <summary>Accepted when <paramref name="ok"/>, otherwise rejected with <paramref name="whyNot"/>.</summary>
    internal static CaseOutcome FromCheck(bool ok, string whyNot) => ok ? Accepted : Rejected(whyNot);

    /// <summary>Accepted when the output equals the expected value, otherwise a wrong output naming both.</summary>
    internal static CaseOutcome Compare(string what, ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected) =>
        actual.SequenceEqual(expected)
            ? Accepted
            : WrongOutput($"{what} is {Convert.ToHexStringLower(actual)}, expected {Convert.ToHexStringLower(expected)}");
}
