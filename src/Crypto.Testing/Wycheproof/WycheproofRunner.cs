// Runs a Wycheproof testvectors_v1 file through the public API (cli.md "Vector runners"), on CaseRunner's loop.
// Semantics:
//   valid      -> must succeed with the expected output;
//   invalid    -> must be rejected (verify/decrypt false, an exception of our family, or an ArgumentException);
//   acceptable -> passes either way; the decision is logged;
// any other exception (NullReference, IndexOutOfRange, a raw CryptographicException, ...) fails the case.

using System;
using System.Collections.Generic;
using System.IO;

namespace FintechCrypto.Testing;

/// <summary>Runs Wycheproof test-vector files.</summary>
public static class WycheproofRunner
{
    /// <summary>Runs every case of a Wycheproof <c>testvectors_v1</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="log">Receives per-group counts, each skip's reason, each failure and each acceptable case's decision.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="VectorFileException">The file cannot be read, is not a Wycheproof file, or its algorithm is unknown.</exception>
    public static VectorRunResult Run(string path, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(log);
        using WycheproofFile file = WycheproofFile.Load(path);
        string name = Path.GetFileName(path);
        IWycheproofFamily family = WycheproofFamilies.Find(file.Algorithm, file.Schema)
            ?? throw new VectorFileException($"'{path}': the Wycheproof algorithm '{file.Algorithm}' (schema '{file.Schema}') is not supported.");

        log.WriteLine($"{name}: {file.Algorithm} ({file.Schema}), {file.TestCount} tests in {file.Groups.Count} groups");
        if (file.TestCount != file.NumberOfTests)
        {
            log.WriteLine($"warning: the file says numberOfTests = {file.NumberOfTests} but holds {file.TestCount} tests");
        }

        var recorder = new RunRecorder(log);
        var decisions = new SortedDictionary<string, (int Accepted, int Rejected)>(StringComparer.Ordinal);
        CaseRunner.RunGroups(recorder, file.Groups, family, string.Empty, (_, test, outcome) => Judge(recorder, test, Describe(test), outcome, decisions));
        if (decisions.Count > 0)
        {
            log.WriteLine("acceptable cases by flags:");
            foreach ((string flags, (int accepted, int rejected)) in decisions)
            {
                log.WriteLine($"  [{flags}]: accepted {accepted}, rejected {rejected}");
            }
        }

        return recorder.Finish();
    }

    private static void Judge(RunRecorder recorder, WycheproofTest test, string caseId, CaseOutcome outcome, IDictionary<string, (int Accepted, int Rejected)> decisions)
    {
        switch (outcome.Verdict)
        {
            case CaseVerdict.Skipped:
                recorder.Skip(caseId, outcome.Detail);
                return;
            case CaseVerdict.Crashed:
                recorder.Fail(caseId, outcome.Detail);
                return;
            case CaseVerdict.WrongOutput:
                recorder.Fail(caseId, $"expected {test.Result.ToString().ToLowerInvariant()}, but the library accepted it with another output: {outcome.Detail}");
                return;
        }

        bool accepted = outcome.Verdict == CaseVerdict.Accepted;
        switch (test.Result)
        {
            case WycheproofExpectation.Valid when accepted:
            case WycheproofExpectation.Invalid when !accepted:
                recorder.Pass();
                return;
            case WycheproofExpectation.Valid:
                recorder.Fail(caseId, $"expected valid, but the library rejected it: {outcome.Detail}");
                return;
            case WycheproofExpectation.Invalid:
                recorder.Fail(caseId, "expected invalid, but the library accepted it");
                return;
            default:
                string key = string.Join(", ", test.Flags);
                decisions.TryGetValue(key, out (int Accepted, int Rejected) counts);
                decisions[key] = accepted ? (counts.Accepted + 1, counts.Rejected) : (counts.Accepted, counts.Rejected + 1);
                recorder.PassAcceptable(caseId, accepted ? "accepted" : $"rejected ({outcome.Detail})");
                return;
        }
    }

    private static string Describe(WycheproofTest test)
    {
        string flags = test.Flags.Count > 0 ? $" [{string.Join(", ", test.Flags)}]" : string.Empty;
        string comment = test.Comment.Length > 0 ? $" \"{test.Comment}\"" : string.Empty;
        return $"tcId {test.TcId}{flags}{comment}";
    }
}
