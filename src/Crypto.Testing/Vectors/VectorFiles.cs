// Finds the repository's vectors/manifest.json for tests. An installed CLI tool has no repository; it is given
// explicit file paths and never needs the manifest.

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace FintechCrypto.Testing;

/// <summary>Locates the repository and its <see cref="VectorManifest"/>, and resolves vector files through it.</summary>
public static class VectorFiles
{
    /// <summary>The environment variable that may name the repository root (the directory holding <c>vectors/manifest.json</c>).</summary>
    public const string RepositoryVariable = "FINTECHCRYPTO_REPO";

    private const string ManifestRelativePath = "vectors/manifest.json";

    private static readonly Lazy<VectorManifest> s_manifest = new(LoadManifest, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The repository's manifest, loaded once.</summary>
    /// <exception cref="VectorSetException">No repository or manifest was found.</exception>
    public static VectorManifest Manifest => s_manifest.Value;

    /// <summary>Resolves a manifest path (e.g. <c>wycheproof/x25519_test.json</c>) to a verified file.</summary>
    /// <param name="path">A path the manifest names.</param>
    /// <returns>The full path of the file, whose SHA-256 matches the manifest.</returns>
    /// <exception cref="VectorSetException">The repository, the manifest entry or the file is missing, or the SHA-256 differs.</exception>
    public static string Resolve(string path) => Manifest.Resolve(path);

    /// <summary>
    /// Finds the repository root: <c>$FINTECHCRYPTO_REPO</c> when set, else the first directory holding
    /// <c>vectors/manifest.json</c> walking up from <see cref="AppContext.BaseDirectory"/>, then from the current directory.
    /// </summary>
    /// <param name="searched">Every directory examined, for error messages.</param>
    /// <returns>The repository root, or null.</returns>
    public static string? FindRepositoryRoot(out IReadOnlyList<string> searched)
    {
        var looked = new List<string>();
        searched = looked;
        string? fromVariable = Environment.GetEnvironmentVariable(RepositoryVariable);
        if (!string.IsNullOrWhiteSpace(fromVariable))
        {
            string root = Path.GetFullPath(fromVariable);
            looked.Add(root);
            return File.Exists(Path.Combine(root, ManifestRelativePath)) ? root : null;
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (DirectoryInfo? dir = new(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                looked.Add(dir.FullName);
                if (File.Exists(Path.Combine(dir.FullName, ManifestRelativePath)))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static VectorManifest LoadManifest()
    {
        string? root = FindRepositoryRoot(out IReadOnlyList<string> searched);
        if (root is null)
        {
            throw new VectorSetException(
                $"The FintechCrypto repository (a directory holding {ManifestRelativePath}) was not found. Searched: {string.Join(", ", searched)}. " +
                $"Set {RepositoryVariable} to the repository root.");
        }

        return VectorManifest.Load(Path.Combine(root, ManifestRelativePath));
    }
}
