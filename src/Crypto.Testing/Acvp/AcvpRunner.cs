// Runs a NIST ACVP vector set (cli.md "Vector runners"), on CaseRunner's loop: an internalProjection.json, or a
// prompt.json with its expectedResults.json. Each handler judges its cases; a case without inputs (a known
// prompt.json defect) is skipped with that reason; exceptions outside the library's contract fail the case.

using System;
using System.IO;

namespace FintechCrypto.Testing;

/// <summary>Runs NIST ACVP vector sets.</summary>
public static class AcvpRunner
{
    /// <summary>Runs every case of an ACVP vector set.</summary>
    /// <param name="path">internalProjection.json, or prompt.json.</param>
    /// <param name="expectedResultsPath">expectedResults.json to join to a prompt (by tgId and tcId), or null.</param>
    /// <param name="log">Receives the set's description, per-group counts, each skip's reason and each failure.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="log"/> is null.</exception>
    /// <exception cref="VectorFileException">A file cannot be read or is not ACVP JSON, the two files do not match, or the algorithm is unknown.</exception>
    public static VectorRunResult Run(string path, string? expectedResultsPath, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(log);
        using AcvpVectorSet set = AcvpVectorSet.Load(path, expectedResultsPath);
        IAcvpHandler handler = AcvpHandlers.Find(set.Algorithm, set.Mode)
            ?? throw new VectorFileException($"'{path}': the ACVP algorithm '{set.Algorithm}' (mode '{set.Mode}', revision '{set.Revision}') is not supported.");

        string vsId = set.VsId is int id ? $", vsId {id}" : string.Empty;
        string joined = expectedResultsPath is null ? string.Empty : $" joined with {Path.GetFileName(expectedResultsPath)}";
        log.WriteLine($"{Path.GetFileName(path)}{joined}: {set.Algorithm} mode {set.Mode ?? "(none)"} revision {set.Revision}{vsId}{(set.IsSample ? " (sample)" : string.Empty)}, {set.TestCount} tests in {set.Groups.Count} groups");

        var recorder = new RunRecorder(log);
        CaseRunner.RunGroups(recorder, set.Groups, handler, "the library refused the case: ", (group, test, outcome) => Record(recorder, $"tgId {group.TgId} tcId {test.TcId}", outcome));
        return recorder.Finish();
    }

    private static void Record(RunRecorder recorder, string caseId, CaseOutcome outcome)
    {
        switch (outcome.Verdict)
        {
            case CaseVerdict.Accepted:
                recorder.Pass();
                break;
            case CaseVerdict.Skipped:
                recorder.Skip(caseId, outcome.Detail);
                break;
            default:
                recorder.Fail(caseId, outcome.Detail);
                break;
        }
    }
}
