// ECDH over P-256 (SP 800-56A Rev. 3 §5.7.1.2 ECC CDH primitive; the cofactor is 1), backed by the OS provider.
// Peer points are fully validated on import (SP 800-56A §5.6.2.3.3: on the curve, not infinity) by P256.DecodePoint.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto.Internal.Classical;

internal sealed class EcdhP256KeyAgreementAlgorithm : KeyAgreementAlgorithm, IKeyAlgorithm<KeyAgreementKeyCore, KeyAgreementPublicKeyCore>
{
    internal EcdhP256KeyAgreementAlgorithm()
        : base("ECDH-P256")
    {
    }

    public override int SharedSecretSize => P256.ScalarSize;

    public KeyEncoding Encoding => P256.Encoding;

    internal override IKeyAlgorithm<KeyAgreementKeyCore, KeyAgreementPublicKeyCore> Keys => this;

    /// <summary>The OS generates the key (no seed is drawn).</summary>
    public KeyAgreementKeyCore GenerateCore(ReadOnlySpan<byte> seed) => new PrivateKey(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    public KeyAgreementKeyCore ImportPrivateCore(DecodedPrivateKey key) => new PrivateKey(P256.ImportPrivate(key, ECDiffieHellman.Create, Name));

    public KeyAgreementPublicKeyCore ImportPublicCore(ReadOnlySpan<byte> publicKey, KeyBlobFormat format) =>
        new PublicKey(P256.ImportPublic(publicKey, ECDiffieHellman.Create, Name, format));

    private sealed class PrivateKey(ECDiffieHellman ecdh) : KeyAgreementKeyCore
    {
        internal override void Agree(KeyAgreementPublicKeyCore peer, Span<byte> sharedSecret)
        {
            if (peer is not PublicKey publicKey)
            {
                throw Error.Crypto_InternalError("ECDH peer key of another backend");
            }

            byte[] z = ecdh.DeriveRawSecretAgreement(publicKey.Ecdh.PublicKey);
            try
            {
                if (z.Length != P256.ScalarSize)
                {
                    throw Error.Crypto_InternalError("ECDH shared secret of unexpected size");
                }

                z.CopyTo(sharedSecret);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(z);
            }
        }

        internal override KeyAgreementPublicKeyCore CreatePublicKey() =>
            new PublicKey(ECDiffieHellman.Create(ecdh.ExportParameters(false)));

        internal override byte[] ExportRawPrivateKey() => P256.ExportPrivateScalar(ecdh);

        internal override byte[] ExportRawPublicKey() => P256.ExportPoint(ecdh);

        public override void Dispose() => ecdh.Dispose();
    }

    private sealed class PublicKey(ECDiffieHellman ecdh) : KeyAgreementPublicKeyCore
    {
        internal ECDiffieHellman Ecdh { get; } = ecdh;

        internal override byte[] ExportRawPublicKey() => P256.ExportPoint(Ecdh);

        public override void Dispose() => Ecdh.Dispose();
    }
}
