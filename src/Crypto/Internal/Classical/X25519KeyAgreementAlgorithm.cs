// X25519 (RFC 7748 §5) on our own Field25519 arithmetic (Internal/Curve25519/X25519: a masked Montgomery ladder;
// public keys through the edwards25519 base-point tables). The u-coordinate's top bit is masked on receipt (§5); an
// all-zero shared secret, the sign of a low-order peer point, is refused as §6.1 allows (checked in constant time).
// Encodings: RFC 8410 (id-X25519).

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Classical;

internal sealed class X25519KeyAgreementAlgorithm : KeyAgreementAlgorithm, IKeyAlgorithm<KeyAgreementKeyCore, KeyAgreementPublicKeyCore>
{
    internal const int KeySize = 32;

    private static readonly KeyEncoding s_encoding = KeyEncoding.Rfc8410(Oids.X25519);

    internal X25519KeyAgreementAlgorithm()
        : base("X25519")
    {
    }

    public override int SharedSecretSize => KeySize;

    public KeyEncoding Encoding => s_encoding;

    /// <summary>A private key is 32 random bytes (RFC 7748 §6.1); decodeScalar25519 clamps them in every operation.</summary>
    public int KeyGenerationSeedSize => KeySize;

    internal override IKeyAlgorithm<KeyAgreementKeyCore, KeyAgreementPublicKeyCore> Keys => this;

    public KeyAgreementKeyCore ImportPrivateCore(DecodedPrivateKey key) => new PrivateKey(key.OfSize(KeySize, Name, "it"));

    public KeyAgreementPublicKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) =>
        new PublicKey(KeyLength.Check(publicKey, KeySize, Name, format, "it").ToArray());

    private sealed class PrivateKey : KeyAgreementKeyCore
    {
        // The scalar is kept as given; RFC 7748 §5 decodeScalar25519 clamps it inside every operation.
        private readonly SecretBytes _scalar;

        internal PrivateKey(ReadOnlySpan<byte> scalar)
        {
            _scalar = new SecretBytes(scalar);
        }

        internal override void Agree(KeyAgreementPublicKeyCore peer, Span<byte> sharedSecret)
        {
            if (peer is not PublicKey publicKey)
            {
                throw Error.Crypto_InternalError("X25519 peer key of another backend");
            }

            Curve25519.X25519.ScalarMult(_scalar.Span, publicKey.U, sharedSecret);

            // RFC 7748 §6.1: the parties may check, without leaking more about the shared secret, whether it is all
            // zeros and abort if so. Every byte is OR-ed in, so the time does not depend on where a non-zero byte is.
            int accumulated = 0;
            for (int i = 0; i < KeySize; i++)
            {
                accumulated |= sharedSecret[i];
            }

            if (accumulated == 0)
            {
                CryptographicOperations.ZeroMemory(sharedSecret);
                throw Error.Crypto_InvalidPublicKey("X25519", "the shared secret is all zeros, so the peer's point has small order (RFC 7748 §6.1)");
            }
        }

        internal override KeyAgreementPublicKeyCore CreatePublicKey()
        {
            byte[] u = new byte[KeySize];
            Curve25519.X25519.ScalarMultBase(_scalar.Span, u);
            return new PublicKey(u);
        }

        internal override byte[] ExportRawPrivateKey() => _scalar.Span.ToArray();

        public override void Dispose() => _scalar.Dispose();
    }

    private sealed class PublicKey : KeyAgreementPublicKeyCore
    {
        internal PublicKey(byte[] u)
        {
            U = u;
        }

        internal byte[] U { get; }

        internal override byte[] ExportRawPublicKey() => (byte[])U.Clone();
    }
}
