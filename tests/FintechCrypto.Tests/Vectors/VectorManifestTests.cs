using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Vectors;

/// <summary>vectors/manifest.json names every shared vector file, every SHA-256 matches, and a missing set fails loudly.</summary>
public sealed class VectorManifestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fintechcrypto-manifest-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ManifestListsEveryFileOfTheSharedVectors()
    {
        VectorManifest manifest = VectorFiles.Manifest;
        string shared = manifest.SearchDirectories[^1];
        Assert.True(Directory.Exists(shared), $"The shared vectors directory '{shared}' does not exist.");

        string[] onDisk = Directory.EnumerateFiles(shared, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(shared, f).Replace('\\', '/'))
            .Where(f => f != "SOURCES.md")
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] listed = manifest.Files.Select(f => f.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(onDisk, listed);
    }

    [Fact]
    public void EverySha256AndSizeMatches()
    {
        foreach (VectorManifestEntry entry in VectorFiles.Manifest.Files)
        {
            string path = VectorFiles.Manifest.Resolve(entry);
            Assert.Equal(entry.Size, new FileInfo(path).Length);
            Assert.Equal(entry.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        }
    }

    [Fact]
    public void IdsAndPathsAreUniqueAndProvenanceIsComplete()
    {
        var files = VectorFiles.Manifest.Files;
        Assert.Equal(files.Count, files.Select(f => f.Id).Distinct().Count());
        Assert.Equal(files.Count, files.Select(f => f.Path).Distinct().Count());
        Assert.All(files, f =>
        {
            Assert.Matches("^[0-9a-f]{40}$", f.Commit);
            Assert.Matches("^[0-9a-f]{64}$", f.Sha256);
            Assert.Contains('/', f.Repository);
            Assert.False(string.IsNullOrWhiteSpace(f.UpstreamPath));
            Assert.False(string.IsNullOrWhiteSpace(f.License));
        });
    }

    [Fact]
    public void MissingSetFailsLoudlyNamingTheFileAndWhereItLooked()
    {
        string shared = Path.Combine(_directory, "shared");
        Directory.CreateDirectory(shared);
        VectorManifest manifest = WriteManifest("wycheproof/missing_test.json", new string('0', 64), 10, shared);

        VectorSetException e = Assert.Throws<VectorSetException>(() => manifest.Resolve("wycheproof/missing_test.json"));

        Assert.Contains("wycheproof/missing_test.json", e.Message);
        Assert.Contains(Path.Combine(_directory, "vectors", "upstream"), e.Message);
        Assert.Contains(shared, e.Message);
    }

    [Fact]
    public void Sha256MismatchFailsLoudly()
    {
        string shared = Path.Combine(_directory, "shared");
        Directory.CreateDirectory(Path.Combine(shared, "wycheproof"));
        File.WriteAllText(Path.Combine(shared, "wycheproof", "tampered_test.json"), "{}");
        VectorManifest manifest = WriteManifest("wycheproof/tampered_test.json", new string('a', 64), 2, shared);

        VectorSetException e = Assert.Throws<VectorSetException>(() => manifest.Resolve("wycheproof/tampered_test.json"));

        Assert.Contains("tampered_test.json", e.Message);
        Assert.Contains("SHA-256", e.Message);
    }

    [Fact]
    public void UpstreamDirectoryIsSearchedFirst()
    {
        string shared = Path.Combine(_directory, "shared");
        string upstream = Path.Combine(_directory, "vectors", "upstream", "x");
        Directory.CreateDirectory(upstream);
        Directory.CreateDirectory(shared);
        File.WriteAllText(Path.Combine(upstream, "a.json"), "{}");
        string sha = Convert.ToHexStringLower(SHA256.HashData("{}"u8));
        VectorManifest manifest = WriteManifest("x/a.json", sha, 2, shared);

        Assert.Equal(Path.Combine(upstream, "a.json"), manifest.Resolve("x/a.json"));
    }

    [Fact]
    public void PathNotInTheManifestFailsLoudly()
    {
        VectorSetException e = Assert.Throws<VectorSetException>(() => VectorFiles.Resolve("wycheproof/no_such_file.json"));
        Assert.Contains("no_such_file.json", e.Message);
    }

    private VectorManifest WriteManifest(string path, string sha256, long size, string shared)
    {
        string vectors = Path.Combine(_directory, "vectors");
        Directory.CreateDirectory(vectors);
        string manifestPath = Path.Combine(vectors, "manifest.json");
        File.WriteAllText(manifestPath, $$"""
            { "files": [ { "id": "{{path[..^5]}}", "set": "{{path[..^5]}}", "path": "{{path}}", "kind": "wycheproof",
              "repository": "C2SP/wycheproof", "upstreamPath": "testvectors_v1/x.json", "commit": "{{new string('1', 40)}}",
              "size": {{size}}, "sha256": "{{sha256}}", "license": "Apache-2.0" } ] }
            """);
        return VectorManifest.Load(manifestPath, shared);
    }
}
