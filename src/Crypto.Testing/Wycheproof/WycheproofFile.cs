// A Wycheproof testvectors_v1 file (C2SP/wycheproof, schemas/*.json): algorithm, schema, numberOfTests and
// testGroups, each group holding its parameters and tests (tcId, comment, flags, result, hex fields).

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>A loaded Wycheproof <c>testvectors_v1</c> file. Dispose it to release the parsed JSON.</summary>
public sealed class WycheproofFile : VectorFile<WycheproofGroup, WycheproofTest>
{
    private WycheproofFile(string path, JsonDocument document, IReadOnlyList<WycheproofGroup> groups)
        : base(path, groups, document)
    {
        string name = Path.GetFileName(path);
        JsonElement root = document.RootElement;
        Algorithm = JsonFields.GetString(root, "algorithm", name);
        Schema = JsonFields.GetStringOrNull(root, "schema", name) ?? string.Empty;
        NumberOfTests = JsonFields.GetInt32(root, "numberOfTests", name);
    }

    /// <summary>The file's <c>algorithm</c>, e.g. <c>XDH</c> or <c>AES-GCM</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The file's <c>schema</c>, e.g. <c>xdh_comp_schema_v1.json</c> (empty when absent).</summary>
    public string Schema { get; }

    /// <summary>The file's own <c>numberOfTests</c>.</summary>
    public int NumberOfTests { get; }

    /// <summary>Loads a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The parsed file.</returns>
    /// <exception cref="VectorFileException">The file cannot be read, or is not a Wycheproof test-vector file.</exception>
    public static WycheproofFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        JsonDocument doc = JsonFields.Parse(path, "Wycheproof file");
        try
        {
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !JsonFields.TryGet(root, "testGroups", out _) || !JsonFields.TryGet(root, "algorithm", out _)
                || !JsonFields.TryGet(root, "numberOfTests", out _))
            {
                throw new VectorFileException($"'{path}' is not a Wycheproof test-vector file: it needs 'algorithm', 'numberOfTests' and 'testGroups'.");
            }

            var groups = new List<WycheproofGroup>();
            foreach (JsonElement g in JsonFields.GetArray(root, "testGroups", name).EnumerateArray())
            {
                string where = $"{name}: group {groups.Count + 1}";
                if (g.ValueKind != JsonValueKind.Object)
                {
                    throw new VectorFileException($"{where}: a test group must be an object.");
                }

                var tests = new List<WycheproofTest>();
                foreach (JsonElement t in JsonFields.GetArray(g, "tests", where).EnumerateArray())
                {
                    tests.Add(WycheproofTest.Parse(t, name));
                }

                groups.Add(new WycheproofGroup(groups.Count + 1, JsonFields.GetStringOrNull(g, "type", where) ?? string.Empty, g, tests, where));
            }

            return new WycheproofFile(path, doc, groups);
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }
}
