using System;
using System.Collections.Generic;
using System.Linq;

namespace FintechCrypto.Tests.Contract;

/// <summary>DecapsulationKey over every KEM parameter set.</summary>
public sealed class DecapsulationKeyKind : KeyKind<DecapsulationKey, KemAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.KemAlgorithms.Select(a => a.Name);

    /// <inheritdoc/>
    public override bool HoldsSecret => true;

    /// <inheritdoc/>
    public override bool HasPublicHalf => true;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((DecapsulationKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    public override IDisposable PublicHalf(IDisposable key) => ((DecapsulationKey)key).EncapsulationKey;

    /// <inheritdoc/>
    protected override KemAlgorithm Lookup(string label) => Registry.Kem(label);

    /// <inheritdoc/>
    protected override DecapsulationKey CreateKey(KemAlgorithm algorithm) =>
        DecapsulationKey.Import(algorithm, Registry.SharedKey(algorithm).Export(KeyBlobFormat.PrivateKeySeed), KeyBlobFormat.PrivateKeySeed);

    /// <inheritdoc/>
    protected override DecapsulationKey ImportKey(KemAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => DecapsulationKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(DecapsulationKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override KemAlgorithm AlgorithmOfKey(DecapsulationKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(KemAlgorithm algorithm) => ContractFormats.PrivateWithSeed;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<DecapsulationKey> Call)> Calls(KemAlgorithm algorithm)
    {
        byte[] ciphertext = new byte[algorithm.CiphertextSize];
        yield return ("EncapsulationKey", key => _ = key.EncapsulationKey);
        yield return ("Decapsulate(ReadOnlySpan<byte>, Span<byte>)", key => key.Decapsulate(ciphertext.AsSpan(), new byte[algorithm.SharedSecretSize]));
        yield return ("Decapsulate(byte[])", key => key.Decapsulate(ciphertext));
    }
}

/// <summary>EncapsulationKey over every KEM parameter set.</summary>
public sealed class EncapsulationKeyKind : KeyKind<EncapsulationKey, KemAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.KemAlgorithms.Select(a => a.Name);

    /// <inheritdoc/>
    public override bool HoldsSecret => false;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((EncapsulationKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    protected override KemAlgorithm Lookup(string label) => Registry.Kem(label);

    /// <inheritdoc/>
    protected override EncapsulationKey CreateKey(KemAlgorithm algorithm) =>
        EncapsulationKey.Import(algorithm, Registry.SharedKey(algorithm).EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);

    /// <inheritdoc/>
    protected override EncapsulationKey ImportKey(KemAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => EncapsulationKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(EncapsulationKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override KemAlgorithm AlgorithmOfKey(EncapsulationKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(KemAlgorithm algorithm) => ContractFormats.Public;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<EncapsulationKey> Call)> Calls(KemAlgorithm algorithm)
    {
        yield return ("Encapsulate(Span<byte>, Span<byte>)", key => key.Encapsulate(new byte[algorithm.CiphertextSize], new byte[algorithm.SharedSecretSize]));
        yield return ("Encapsulate(out byte[])", key => key.Encapsulate(out _));
    }
}
