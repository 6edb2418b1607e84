using System;
using System.Collections.Generic;
using System.Linq;

namespace FintechCrypto.Tests.Contract;

/// <summary>KeyAgreementKey over every key-agreement parameter set.</summary>
public sealed class KeyAgreementKeyKind : KeyKind<KeyAgreementKey, KeyAgreementAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.KeyAgreementAlgorithms.Select(a => a.Name);

    /// <inheritdoc/>
    public override bool HoldsSecret => true;

    /// <inheritdoc/>
    public override bool HasPublicHalf => true;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((KeyAgreementKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    public override IDisposable PublicHalf(IDisposable key) => ((KeyAgreementKey)key).PublicKey;

    /// <inheritdoc/>
    protected override KeyAgreementAlgorithm Lookup(string label) => Registry.KeyAgreement(label);

    /// <inheritdoc/>
    protected override KeyAgreementKey CreateKey(KeyAgreementAlgorithm algorithm) =>
        KeyAgreementKey.Import(algorithm, Registry.SharedKey(algorithm).Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey);

    /// <inheritdoc/>
    protected override KeyAgreementKey ImportKey(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => KeyAgreementKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(KeyAgreementKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override KeyAgreementAlgorithm AlgorithmOfKey(KeyAgreementKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(KeyAgreementAlgorithm algorithm) => ContractFormats.Private;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<KeyAgreementKey> Call)> Calls(KeyAgreementAlgorithm algorithm)
    {
        KeyAgreementPublicKey peer = Registry.SharedKey(algorithm).PublicKey;
        yield return ("PublicKey", key => _ = key.PublicKey);
        yield return ("Agree(KeyAgreementPublicKey, Span<byte>)", key => key.Agree(peer, new byte[algorithm.SharedSecretSize]));
        yield return ("Agree(KeyAgreementPublicKey)", key => key.Agree(peer));
    }
}

/// <summary>KeyAgreementPublicKey over every key-agreement parameter set.</summary>
public sealed class KeyAgreementPublicKeyKind : KeyKind<KeyAgreementPublicKey, KeyAgreementAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.KeyAgreementAlgorithms.Select(a => a.Name);

    /// <inheritdoc/>
    public override bool HoldsSecret => false;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((KeyAgreementPublicKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    protected override KeyAgreementAlgorithm Lookup(string label) => Registry.KeyAgreement(label);

    /// <inheritdoc/>
    protected override KeyAgreementPublicKey CreateKey(KeyAgreementAlgorithm algorithm) =>
        KeyAgreementPublicKey.Import(algorithm, Registry.SharedKey(algorithm).PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);

    /// <inheritdoc/>
    protected override KeyAgreementPublicKey ImportKey(KeyAgreementAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => KeyAgreementPublicKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(KeyAgreementPublicKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override KeyAgreementAlgorithm AlgorithmOfKey(KeyAgreementPublicKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(KeyAgreementAlgorithm algorithm) => ContractFormats.Public;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<KeyAgreementPublicKey> Call)> Calls(KeyAgreementAlgorithm algorithm) =>
        Array.Empty<(string, Action<KeyAgreementPublicKey>)>();
}
