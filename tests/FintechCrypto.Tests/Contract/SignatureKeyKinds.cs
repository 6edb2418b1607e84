using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace FintechCrypto.Tests.Contract;

/// <summary>SigningKey over every signature parameter set.</summary>
public sealed class SigningKeyKind : KeyKind<SigningKey, SignatureAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.AllSignatureAlgorithms.Select(a => a.Name);

    /// <inheritdoc/>
    public override bool HoldsSecret => true;

    /// <inheritdoc/>
    public override bool HasPublicHalf => true;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((SigningKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    public override IDisposable PublicHalf(IDisposable key) => ((SigningKey)key).PublicKey;

    /// <inheritdoc/>
    protected override SignatureAlgorithm Lookup(string label) => Registry.Signature(label);

    /// <inheritdoc/>
    protected override SigningKey CreateKey(SignatureAlgorithm algorithm) =>
        SigningKey.Import(algorithm, Registry.SharedKey(algorithm).Export(KeyBlobFormat.Pkcs8PrivateKey), KeyBlobFormat.Pkcs8PrivateKey);

    /// <inheritdoc/>
    protected override SigningKey ImportKey(SignatureAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => SigningKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(SigningKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override SignatureAlgorithm AlgorithmOfKey(SigningKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(SignatureAlgorithm algorithm) =>
        algorithm.SupportsSeed ? ContractFormats.PrivateWithSeed : ContractFormats.Private;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<SigningKey> Call)> Calls(SignatureAlgorithm algorithm)
    {
        byte[] message = Registry.Message;
        yield return ("SignatureSize", key => _ = key.SignatureSize);
        yield return ("PublicKey", key => _ = key.PublicKey);
        yield return ("Sign(ReadOnlySpan<byte>, Span<byte>, ReadOnlySpan<byte>, SigningMode)", key => key.Sign(message.AsSpan(), new byte[algorithm.SignatureSize].AsSpan()));
        yield return ("Sign(byte[])", key => key.Sign(message));
        yield return ("Sign(byte[], SigningMode)", key => key.Sign(message, SigningMode.Default));
        yield return ("Sign(byte[], byte[], SigningMode)", key => key.Sign(message, Array.Empty<byte>(), SigningMode.Default));
        if (algorithm.SupportsPreHash)
        {
            yield return ("SignPreHash", key => key.SignPreHash(SHA256.HashData(message), HashAlgorithmName.SHA256, new byte[algorithm.SignatureSize]));
        }
    }
}

/// <summary>VerificationKey over every signature parameter set.</summary>
public sealed class VerificationKeyKind : KeyKind<VerificationKey, SignatureAlgorithm>
{
    /// <inheritdoc/>
    public override IEnumerable<string> Labels => Registry.AllSignatureAlgorithms.Select(a => a.Name);

    /// <inheritdoc/>
    public override bool HoldsSecret => false;

    /// <inheritdoc/>
    public override TryExporter TryExport => (IDisposable key, KeyBlobFormat format, Span<byte> destination, out int written) =>
        ((VerificationKey)key).TryExport(format, destination, out written);

    /// <inheritdoc/>
    protected override SignatureAlgorithm Lookup(string label) => Registry.Signature(label);

    /// <inheritdoc/>
    protected override VerificationKey CreateKey(SignatureAlgorithm algorithm) =>
        VerificationKey.Import(algorithm, Registry.SharedKey(algorithm).PublicKey.Export(KeyBlobFormat.SubjectPublicKeyInfo), KeyBlobFormat.SubjectPublicKeyInfo);

    /// <inheritdoc/>
    protected override VerificationKey ImportKey(SignatureAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) => VerificationKey.Import(algorithm, blob, format);

    /// <inheritdoc/>
    protected override byte[] ExportKey(VerificationKey key, KeyBlobFormat format) => key.Export(format);

    /// <inheritdoc/>
    protected override SignatureAlgorithm AlgorithmOfKey(VerificationKey key) => key.Algorithm;

    /// <inheritdoc/>
    protected override IReadOnlyList<KeyBlobFormat> ImportFormatsOf(SignatureAlgorithm algorithm) => ContractFormats.Public;

    /// <inheritdoc/>
    protected override IEnumerable<(string Member, Action<VerificationKey> Call)> Calls(SignatureAlgorithm algorithm)
    {
        byte[] message = Registry.Message;
        byte[] signature = new byte[algorithm.SignatureSize];
        yield return ("Verify(ReadOnlySpan<byte>, ReadOnlySpan<byte>, ReadOnlySpan<byte>)", key => key.Verify(message.AsSpan(), signature.AsSpan()));
        yield return ("Verify(byte[], byte[], byte[]?)", key => key.Verify(message, signature));
        if (algorithm.SupportsPreHash)
        {
            yield return ("VerifyPreHash", key => key.VerifyPreHash(SHA256.HashData(message), HashAlgorithmName.SHA256, signature));
        }
    }
}
