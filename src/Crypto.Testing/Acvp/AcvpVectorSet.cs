// A NIST ACVP vector set (usnistgov/ACVP-Server gen-val/json-files): either internalProjection.json (inputs and
// outputs together), or prompt.json joined with expectedResults.json by tgId and tcId. The top level is a
// vector-set object with algorithm, mode, revision and testGroups; the [ {acvVersion}, {...} ] array form that the
// ACVP protocol uses is accepted too.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>A loaded ACVP vector set. Dispose it to release the parsed JSON.</summary>
public sealed class AcvpVectorSet : VectorFile<AcvpGroup, AcvpTest>
{
    private AcvpVectorSet(string path, string? expectedPath, JsonDocument document, JsonDocument? expected, JsonElement root, IReadOnlyList<AcvpGroup> groups)
        : base(path, groups, expected, document)
    {
        ExpectedResultsPath = expectedPath;
        string name = Path.GetFileName(path);
        Algorithm = JsonFields.GetString(root, "algorithm", name);
        Mode = JsonFields.GetStringOrNull(root, "mode", name);
        Revision = JsonFields.GetString(root, "revision", name);
        VsId = JsonFields.GetInt32OrNull(root, "vsId", name);
        IsSample = JsonFields.TryGet(root, "isSample", out JsonElement sample) && sample.ValueKind == JsonValueKind.True;
    }

    /// <summary>The expectedResults.json joined to it, or null.</summary>
    public string? ExpectedResultsPath { get; }

    /// <summary>The ACVP algorithm, e.g. <c>ML-KEM</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The mode, e.g. <c>keyGen</c> or <c>encapDecap</c>; null when the algorithm has none.</summary>
    public string? Mode { get; }

    /// <summary>The revision, e.g. <c>FIPS203</c>.</summary>
    public string Revision { get; }

    /// <summary>The vector-set id, when present.</summary>
    public int? VsId { get; }

    /// <summary>True for sample vector sets (their outputs are included).</summary>
    public bool IsSample { get; }

    /// <summary>Loads an internalProjection.json, or a prompt.json joined with its expectedResults.json.</summary>
    /// <param name="path">The main file.</param>
    /// <param name="expectedResultsPath">expectedResults.json for a prompt, or null.</param>
    /// <returns>The vector set.</returns>
    /// <exception cref="VectorFileException">A file cannot be read, is not ACVP JSON, or the two files do not match.</exception>
    public static AcvpVectorSet Load(string path, string? expectedResultsPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        JsonDocument doc = JsonFields.Parse(path, "ACVP file");
        JsonDocument? expectedDoc = null;
        try
        {
            JsonElement root = FindVectorSet(doc.RootElement, path);
            Dictionary<(int, int), (JsonElement Group, JsonElement Test)>? expected = null;
            if (expectedResultsPath is not null)
            {
                expectedDoc = JsonFields.Parse(expectedResultsPath, "ACVP expected-results file");
                JsonElement expectedRoot = FindVectorSet(expectedDoc.RootElement, expectedResultsPath);
                CheckSameVectorSet(root, path, expectedRoot, expectedResultsPath);
                expected = IndexTests(expectedRoot, expectedResultsPath);
            }

            string name = Path.GetFileName(path);
            var groups = new List<AcvpGroup>();
            var used = new HashSet<(int, int)>();
            foreach (JsonElement g in JsonFields.GetArray(root, "testGroups", name).EnumerateArray())
            {
                int tgId = JsonFields.GetInt32(g, "tgId", $"{name}: a test group");
                string where = $"{name}: tgId {tgId}";
                JsonElement? expectedGroup = null;
                var tests = new List<AcvpTest>();
                foreach (JsonElement t in JsonFields.GetArray(g, "tests", where).EnumerateArray())
                {
                    int tcId = JsonFields.GetInt32(t, "tcId", $"{where}: a test");
                    JsonElement? expectedTest = null;
                    if (expected is not null)
                    {
                        if (!expected.TryGetValue((tgId, tcId), out var match))
                        {
                            throw new VectorFileException($"'{expectedResultsPath}' has no result for tgId {tgId} tcId {tcId} of '{path}'.");
                        }

                        used.Add((tgId, tcId));
                        expectedGroup = match.Group;
                        expectedTest = match.Test;
                    }

                    tests.Add(new AcvpTest(tcId, t, expectedTest, $"{where} tcId {tcId}"));
                }

                groups.Add(new AcvpGroup(tgId, g, expectedGroup, tests, where));
            }

            if (expected is not null && used.Count != expected.Count)
            {
                (int tg, int tc) = expected.Keys.First(k => !used.Contains(k));
                throw new VectorFileException($"'{expectedResultsPath}' has a result for tgId {tg} tcId {tc}, which '{path}' does not have.");
            }

            return new AcvpVectorSet(path, expectedResultsPath, doc, expectedDoc, root, groups);
        }
        catch
        {
            expectedDoc?.Dispose();
            doc.Dispose();
            throw;
        }
    }

    private static JsonElement FindVectorSet(JsonElement root, string path)
    {
        if (IsVectorSet(root))
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Array)
        {
            JsonElement[] sets = root.EnumerateArray().Where(IsVectorSet).ToArray();
            if (sets.Length == 1)
            {
                return sets[0];
            }
        }

        throw new VectorFileException($"'{path}' is not ACVP JSON: expected a vector set with 'algorithm', 'revision' and 'testGroups'.");
    }

    private static bool IsVectorSet(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && JsonFields.TryGet(e, "algorithm", out JsonElement a) && a.ValueKind == JsonValueKind.String
        && JsonFields.TryGet(e, "revision", out JsonElement r) && r.ValueKind == JsonValueKind.String
        && JsonFields.TryGet(e, "testGroups", out JsonElement g) && g.ValueKind == JsonValueKind.Array;

    private static void CheckSameVectorSet(JsonElement prompt, string promptPath, JsonElement expected, string expectedPath)
    {
        foreach (string field in new[] { "algorithm", "mode", "revision", "vsId" })
        {
            if (JsonFields.TryGet(prompt, field, out JsonElement a) && JsonFields.TryGet(expected, field, out JsonElement b) && a.GetRawText() != b.GetRawText())
            {
                throw new VectorFileException($"'{expectedPath}' does not belong to '{promptPath}': {field} is {b.GetRawText()} there but {a.GetRawText()} in the prompt.");
            }
        }
    }

    private static Dictionary<(int, int), (JsonElement Group, JsonElement Test)> IndexTests(JsonElement root, string path)
    {
        string name = Path.GetFileName(path);
        var index = new Dictionary<(int, int), (JsonElement, JsonElement)>();
        foreach (JsonElement g in JsonFields.GetArray(root, "testGroups", name).EnumerateArray())
        {
            int tgId = JsonFields.GetInt32(g, "tgId", $"{name}: a test group");
            foreach (JsonElement t in JsonFields.GetArray(g, "tests", $"{name}: tgId {tgId}").EnumerateArray())
            {
                int tcId = JsonFields.GetInt32(t, "tcId", $"{name}: tgId {tgId}: a test");
                if (!index.TryAdd((tgId, tcId), (g, t)))
                {
                    throw new VectorFileException($"'{path}' has tgId {tgId} tcId {tcId} twice.");
                }
            }
        }

        return index;
    }
}
