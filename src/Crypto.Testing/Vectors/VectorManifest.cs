// vectors/manifest.json: every upstream vector file with its source, commit, size and SHA-256 (architecture.md,
// "Vectors and tests"). Files are resolved under vectors/upstream/<path> first, then ../shared/vectors/<path>
// beside the checkout (FINTECHCRYPTO_VECTORS overrides that directory), and their SHA-256 is checked.

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace FintechCrypto.Testing;

/// <summary>The parsed <c>vectors/manifest.json</c> and the rules that find each file it names.</summary>
public sealed class VectorManifest
{
    /// <summary>The environment variable that may name the directory holding the upstream vector files.</summary>
    public const string VectorsDirectoryVariable = "FINTECHCRYPTO_VECTORS";

    private readonly Dictionary<string, VectorManifestEntry> _byPath;
    private readonly ConcurrentDictionary<string, string> _verified = new(StringComparer.Ordinal);

    private VectorManifest(string manifestPath, IReadOnlyList<VectorManifestEntry> files, IReadOnlyList<string> searchDirectories)
    {
        ManifestPath = manifestPath;
        Files = files;
        SearchDirectories = searchDirectories;
        _byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The manifest file this was read from.</summary>
    public string ManifestPath { get; }

    /// <summary>Every file the manifest names, in manifest order.</summary>
    public IReadOnlyList<VectorManifestEntry> Files { get; }

    /// <summary>The directories searched for a file, in order: <c>vectors/upstream</c>, then the shared vectors directory.</summary>
    public IReadOnlyList<string> SearchDirectories { get; }

    /// <summary>
    /// Reads a manifest. Files are searched under <c>upstream/</c> beside the manifest, then in
    /// <paramref name="sharedVectorsDirectory"/>, or when it is null in <c>$FINTECHCRYPTO_VECTORS</c>, or
    /// <c>../shared/vectors</c> relative to the repository root (the manifest's grandparent directory).
    /// </summary>
    /// <param name="manifestPath">The path of <c>manifest.json</c>.</param>
    /// <param name="sharedVectorsDirectory">The shared vectors directory, or null for the default.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="VectorSetException">The manifest cannot be read or is malformed.</exception>
    public static VectorManifest Load(string manifestPath, string? sharedVectorsDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        string fullPath = Path.GetFullPath(manifestPath);
        string vectorsDirectory = Path.GetDirectoryName(fullPath)!;
        string repositoryRoot = Path.GetDirectoryName(vectorsDirectory) ?? vectorsDirectory;
        string shared = sharedVectorsDirectory
            ?? NonEmpty(Environment.GetEnvironmentVariable(VectorsDirectoryVariable))
            ?? Path.Combine(repositoryRoot, "..", "shared", "vectors");
        var search = new[] { Path.Combine(vectorsDirectory, "upstream"), Path.GetFullPath(shared) };

        var files = new List<VectorManifestEntry>();
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(fullPath));
            foreach (JsonElement f in doc.RootElement.GetProperty("files").EnumerateArray())
            {
                files.Add(new VectorManifestEntry(
                    Id: f.GetProperty("id").GetString()!,
                    Set: f.GetProperty("set").GetString()!,
                    Path: f.GetProperty("path").GetString()!,
                    Kind: f.GetProperty("kind").GetString()!,
                    Repository: f.GetProperty("repository").GetString()!,
                    UpstreamPath: f.GetProperty("upstreamPath").GetString()!,
                    Commit: f.GetProperty("commit").GetString()!,
                    Size: f.GetProperty("size").GetInt64(),
                    Sha256: f.GetProperty("sha256").GetString()!,
                    License: f.GetProperty("license").GetString()!));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new VectorSetException($"The vector manifest '{fullPath}' cannot be read: {e.Message}", e);
        }

        return new VectorManifest(fullPath, files, search);
    }

    /// <summary>Finds the entry for a path relative to the vectors directory.</summary>
    /// <param name="path">For example <c>wycheproof/x25519_test.json</c>.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="VectorSetException">The manifest does not name the path.</exception>
    public VectorManifestEntry Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _byPath.TryGetValue(path.Replace('\\', '/'), out VectorManifestEntry? entry)
            ? entry
            : throw new VectorSetException($"The vector file '{path}' is not named in the manifest '{ManifestPath}'. Add it (vectors/tools/make_manifest.py) before using it.");
    }

    /// <summary>
    /// Returns the full path of a manifest file after checking its SHA-256 (once per manifest instance).
    /// </summary>
    /// <param name="path">A path the manifest names, relative to the vectors directory.</param>
    /// <returns>The full path of the verified file.</returns>
    /// <exception cref="VectorSetException">The manifest does not name the path, the file is in none of the search
    /// directories, or its SHA-256 differs from the manifest. The message names the file and every place searched.</exception>
    public string Resolve(string path) => Resolve(Find(path));

    /// <summary>Returns the full path of a manifest file after checking its SHA-256.</summary>
    /// <param name="entry">An entry of this manifest.</param>
    /// <returns>The full path of the verified file.</returns>
    /// <exception cref="VectorSetException">The file is missing or its SHA-256 differs from the manifest.</exception>
    public string Resolve(VectorManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_verified.TryGetValue(entry.Path, out string? known))
        {
            return known;
        }

        string[] candidates = SearchDirectories.Select(d => Path.GetFullPath(Path.Combine(d, entry.Path))).ToArray();
        string? found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            throw new VectorSetException(
                $"The vector set '{entry.Id}' is missing: the file '{entry.Path}' ({entry.Repository} {entry.UpstreamPath} at commit {entry.Commit}) " +
                $"was not found at any of: {string.Join(", ", candidates.Select(c => $"'{c}'"))}. " +
                $"Download it into vectors/upstream/{entry.Path}, or set {VectorsDirectoryVariable} to the directory that holds it.");
        }

        string actual;
        try
        {
            using FileStream stream = File.OpenRead(found);
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new VectorSetException($"The vector file '{found}' (set '{entry.Id}') cannot be read: {e.Message}", e);
        }

        if (!string.Equals(actual, entry.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new VectorSetException(
                $"The vector file '{found}' (set '{entry.Id}') has SHA-256 {actual}, but the manifest '{ManifestPath}' expects {entry.Sha256}. " +
                $"Replace it with {entry.Repository} {entry.UpstreamPath} at commit {entry.Commit}.");
        }

        _verified[entry.Path] = found;
        return found;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
