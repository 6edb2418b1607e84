// Accumulates per-group counts and writes the human-readable log the CLI prints on stderr (cli.md "Vector runners"):
// per-group counts, each skip's reason, each failure (id and comment) and each acceptable case's decision.
// A group's summary line comes first, followed by its detail lines (indented).

using System.Collections.Generic;
using System.IO;

namespace FintechCrypto.Testing;

internal sealed class RunRecorder
{
    private readonly TextWriter _log;
    private readonly List<VectorGroupResult> _groups = new();
    private readonly List<string> _details = new();
    private string? _group;
    private int _passed;
    private int _failed;
    private int _skipped;

    internal RunRecorder(TextWriter log)
    {
        _log = log;
    }

    internal void BeginGroup(string name)
    {
        _group = name;
        _passed = _failed = _skipped = 0;
        _details.Clear();
    }

    internal void Pass() => _passed++;

    internal void PassAcceptable(string caseId, string decision)
    {
        _passed++;
        _details.Add($"  acceptable {caseId}: {decision}");
    }

    internal void Fail(string caseId, string detail)
    {
        _failed++;
        _details.Add($"  FAILED {caseId}: {detail}");
    }

    internal void Skip(string caseId, string reason)
    {
        _skipped++;
        _details.Add($"  skipped {caseId}: {reason}");
    }

    /// <summary>Skips a whole group with one log line (a family not implemented yet).</summary>
    internal void SkipMany(int count, string reason)
    {
        _skipped += count;
        _details.Add($"  skipped {count} case(s): {reason}");
    }

    internal void EndGroup()
    {
        string name = _group ?? "group";
        _groups.Add(new VectorGroupResult(name, _passed, _failed, _skipped));
        _log.WriteLine($"{name}: passed {_passed}, failed {_failed}, skipped {_skipped}");
        foreach (string line in _details)
        {
            _log.WriteLine(line);
        }

        _details.Clear();
        _group = null;
    }

    internal VectorRunResult Finish()
    {
        var result = new VectorRunResult(_groups);
        _log.WriteLine($"total: {result}");
        return result;
    }
}
