using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Vectors;

/// <summary>Theory data drawn from vectors/manifest.json, and independent counts read straight from the JSON.</summary>
public static class VectorSets
{
    private static readonly string[] s_postQuantumPrefixes = { "wycheproof/mlkem_", "wycheproof/mldsa_", "wycheproof/slhdsa_" };
    private const string MlKemPrefix = "wycheproof/mlkem_";

    /// <summary>Every Wycheproof test-vector file of a classical family (not ML-KEM, ML-DSA, SLH-DSA).</summary>
    public static TheoryData<string> ClassicalWycheproof => ToTheoryData(ClassicalWycheproofPaths());

    /// <summary>Every Wycheproof test-vector file of a post-quantum family the library does not implement yet (ML-DSA, SLH-DSA).</summary>
    public static TheoryData<string> PostQuantumWycheproof => ToTheoryData(
        VectorFiles.Manifest.Files.Where(f => f.Kind == "wycheproof" && IsPostQuantum(f.Path) && !IsMlKem(f.Path)).Select(f => f.Path));

    /// <summary>The manifest paths of the Wycheproof ML-KEM files (FIPS 203).</summary>
    public static IEnumerable<string> MlKemWycheproofPaths() =>
        VectorFiles.Manifest.Files.Where(f => f.Kind == "wycheproof" && IsMlKem(f.Path)).Select(f => f.Path);

    /// <summary>Every ACVP vector set: its directory (the manifest's set id).</summary>
    public static TheoryData<string> AcvpSets => ToTheoryData(
        VectorFiles.Manifest.Files.Where(f => f.Kind.StartsWith("acvp-", StringComparison.Ordinal)).Select(f => f.Set).Distinct());

    /// <summary>The manifest paths of the classical Wycheproof files.</summary>
    public static IEnumerable<string> ClassicalWycheproofPaths() =>
        VectorFiles.Manifest.Files.Where(f => f.Kind == "wycheproof" && !IsPostQuantum(f.Path)).Select(f => f.Path);

    /// <summary>The file's own numberOfTests.</summary>
    public static int NumberOfTests(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.GetProperty("numberOfTests").GetInt32();
    }

    /// <summary>(groups, cases) of an ACVP file, counted straight from the JSON.</summary>
    public static (int Groups, int Cases) CountAcvp(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement groups = doc.RootElement.GetProperty("testGroups");
        return (groups.GetArrayLength(), groups.EnumerateArray().Sum(g => g.GetProperty("tests").GetArrayLength()));
    }

    /// <summary>The manifest entry of a set's file, or null when the set has no such file.</summary>
    public static VectorManifestEntry? AcvpFile(string set, string kind) =>
        VectorFiles.Manifest.Files.SingleOrDefault(f => f.Set == set && f.Kind == kind);

    private static bool IsPostQuantum(string path) => s_postQuantumPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal));

    private static bool IsMlKem(string path) => path.StartsWith(MlKemPrefix, StringComparison.Ordinal);

    private static TheoryData<string> ToTheoryData(IEnumerable<string> items)
    {
        var data = new TheoryData<string>();
        foreach (string item in items)
        {
            data.Add(item);
        }

        return data;
    }
}
