namespace FintechCrypto.Testing;

/// <summary>One upstream vector file named by <c>vectors/manifest.json</c>.</summary>
/// <param name="Id">A stable id: the path without ".json", e.g. <c>wycheproof/x25519_test</c>.</param>
/// <param name="Set">The set the file belongs to (an ACVP directory, or the file's id).</param>
/// <param name="Path">The path relative to the vectors directory, with '/' separators.</param>
/// <param name="Kind">The format: <c>wycheproof</c>, <c>wycheproof-schema</c>, <c>acvp-prompt</c>, <c>acvp-expectedResults</c>, <c>acvp-internalProjection</c>, <c>frost</c>, …</param>
/// <param name="Repository">The upstream repository, owner/name.</param>
/// <param name="UpstreamPath">The path inside the upstream repository.</param>
/// <param name="Commit">The upstream commit.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="Sha256">The SHA-256 of the file, lowercase hex.</param>
/// <param name="License">The upstream licence note.</param>
public sealed record VectorManifestEntry(
    string Id,
    string Set,
    string Path,
    string Kind,
    string Repository,
    string UpstreamPath,
    string Commit,
    long Size,
    string Sha256,
    string License);
