// ECDH over P-256 (SP 800-56A Rev. 3 §5.7.1.2 ECC CDH primitive; the cofactor is 1), backed by the OS provider.
// Peer points are fully validated on import (SP 800-56A §5.6.2.3.3: on the curve, not infinity) by P256.DecodePoint.

using System;
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Classical;

internal sealed class EcdhP256KeyAgreementAlgorithm : KeyAgreementAlgorithm
{
    internal EcdhP256KeyAgreementAlgorithm()
        : base("ECDH-P256")
    {
    }

    public override int SharedSecretSize => P256.ScalarSize;

    internal override KeyAgreementKeyCore GenerateCore() => new PrivateKey(ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256));

    internal override KeyAgreementKeyCore ImportPrivateCore(ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new PrivateKey(format == KeyBlobFormat.RawPrivateKey ? P256.ImportRawPrivate(blob, ECDiffieHellman.Create, Name, format) : P256.ImportPkcs8(blob, ECDiffieHellman.Create(), Name, format));

    internal override KeyAgreementPublicKeyCore ImportPublicCore(ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new PublicKey(P256.ImportPublic(blob, ECDiffieHellman.Create, Name, format));

    private sealed class PrivateKey : KeyAgreementKeyCore
    {
        private readonly ECDiffieHellman _ecdh;

        internal PrivateKey(ECDiffieHellman ecdh)
        {
            _ecdh = ecdh;
        }

        internal override void Agree(KeyAgreementPublicKeyCore peer, Span<byte> sharedSecret)
        {
            if (peer is not PublicKey publicKey)
            {
                throw Error.Crypto_InternalError("ECDH peer key of another backend");
            }

            byte[] z = _ecdh.DeriveRawSecretAgreement(publicKey.Ecdh.PublicKey);
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
            new PublicKey(ECDiffieHellman.Create(_ecdh.ExportParameters(false)));

        internal override byte[] ExportPrivate(KeyBlobFormat format) => P256.ExportPrivate(_ecdh, format);

        public override void Dispose() => _ecdh.Dispose();
    }

    private sealed class PublicKey : KeyAgreementPublicKeyCore
    {
        internal PublicKey(ECDiffieHellman ecdh)
        {
            Ecdh = ecdh;
        }

        internal ECDiffieHellman Ecdh { get; }

        internal override byte[] ExportPublic(KeyBlobFormat format) => P256.ExportPublic(Ecdh, format);

        public override void Dispose() => Ecdh.Dispose();
    }
}
