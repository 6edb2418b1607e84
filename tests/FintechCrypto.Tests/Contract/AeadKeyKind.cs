using System;
using System.Collections.Generic;
using System.Linq;

namespace FintechCrypto.Tests.Contract;

/// <summary>AeadKey over every AEAD parameter set. It has no TryExport yet (PendingKeyApiContractTests.cs.txt).</summary>
public sealed class AeadKeyKind : KeyKind<AeadKey, AeadAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.AeadAlgorithms.Select(Registry.AeadLabel);

    /// <inheritdoc/>
    public override bool HoldsSecret => true;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((AeadKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    protected override AeadAlgorithm Lookup(string label) => Registry.Aead(label);

    /// <inheritdoc/>
    protected override AeadKey CreateKey(AeadAlgorithm algorithm) =>
        AeadKey.Import(algorithm, Registry.SharedKey(algorithm).Export(KeyBlobFormat.RawPrivateKey), KeyBlobFormat.RawPrivateKey);

    /// <inheritdoc/>
    protected override AeadKey ImportKey(AeadAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => AeadKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(AeadKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override AeadAlgorithm AlgorithmOfKey(AeadKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(AeadAlgorithm algorithm) => ContractFormats.RawOnly;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<AeadKey> Call)> Calls(AeadAlgorithm algorithm)
    {
        byte[] nonce = new byte[algorithm.NonceSize];
        byte[] message = Registry.Message;
        byte[] sealedMessage = new byte[message.Length + algorithm.TagSize];
        yield return ("Encrypt(ReadOnlySpan<byte>, ReadOnlySpan<byte>, ReadOnlySpan<byte>, Span<byte>)", key => key.Encrypt(nonce, message, default, new byte[sealedMessage.Length]));
        yield return ("Encrypt(byte[], byte[], byte[]?)", key => key.Encrypt(nonce, message));
        yield return ("TryDecrypt(ReadOnlySpan<byte>, ReadOnlySpan<byte>, ReadOnlySpan<byte>, Span<byte>, out int)", key => key.TryDecrypt(nonce, sealedMessage, default, new byte[message.Length], out _));
        yield return ("TryDecrypt(byte[], byte[], byte[]?, out byte[]?)", key => key.TryDecrypt(nonce, sealedMessage, null, out _));
    }
}
