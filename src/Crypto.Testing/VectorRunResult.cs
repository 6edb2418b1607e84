// The outcome of one vector run over one file (Wycheproof or ACVP), as the CLI prints it (cli.md "Vector runners").

using System;
using System.Collections.Generic;
using System.Linq;

namespace FintechCrypto.Testing;

/// <summary>The counts of one run over one vector file, in total and per test group.</summary>
public sealed class VectorRunResult
{
    /// <summary>Creates a result from its per-group counts.</summary>
    /// <param name="groups">The per-group counts, in file order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    public VectorRunResult(IReadOnlyList<VectorGroupResult> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Groups = groups.ToArray();
        Passed = Groups.Sum(g => g.Passed);
        Failed = Groups.Sum(g => g.Failed);
        Skipped = Groups.Sum(g => g.Skipped);
    }

    /// <summary>Cases whose outcome matched the file (an "acceptable" Wycheproof case always counts here).</summary>
    public int Passed { get; }

    /// <summary>Cases whose outcome contradicted the file, or that threw an exception outside the library's contract.</summary>
    public int Failed { get; }

    /// <summary>Cases not run, each with a reason written to the log.</summary>
    public int Skipped { get; }

    /// <summary>Passed + Failed + Skipped.</summary>
    public int Total => Passed + Failed + Skipped;

    /// <summary>The counts of each test group, in file order.</summary>
    public IReadOnlyList<VectorGroupResult> Groups { get; }

    /// <summary>The totals, e.g. <c>passed 10, failed 0, skipped 2</c>.</summary>
    /// <returns>A one-line summary.</returns>
    public override string ToString() => $"passed {Passed}, failed {Failed}, skipped {Skipped}";
}
