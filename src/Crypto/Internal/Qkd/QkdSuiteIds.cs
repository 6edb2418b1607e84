// QkdSuiteIds: the 16-bit identifiers of the KEM and the hybrid KDF in a QKD session handshake (the "suite").

using System;
using FintechCrypto.Qkd;

namespace FintechCrypto.Internal.Qkd;

/// <summary>
/// The suite identifiers of the handshake encoding. KEMs use their IANA HPKE KEM identifiers
/// (ML-KEM-512/768/1024: 0x0040/0x0041/0x0042 per draft-ietf-hpke-pq; X-Wing: 0x647A per draft-connolly-cfrg-xwing-kem);
/// the hybrid KDFs (ETSI TS 103 744 CatKDF variants) use this format's own numbers 0x0001-0x0006.
/// </summary>
internal static class QkdSuiteIds
{
    internal const ushort MlKem512 = 0x0040;
    internal const ushort MlKem768 = 0x0041;
    internal const ushort MlKem1024 = 0x0042;
    internal const ushort XWing = 0x647A;

    internal const ushort HkdfSha256 = 0x0001;
    internal const ushort HkdfSha384 = 0x0002;
    internal const ushort HmacSha256 = 0x0003;
    internal const ushort HmacSha384 = 0x0004;
    internal const ushort Kmac128 = 0x0005;
    internal const ushort Kmac256 = 0x0006;

    internal static ushort OfKem(KemAlgorithm kem)
    {
        ArgumentNullException.ThrowIfNull(kem);
        if (kem == KemAlgorithm.MlKem768)
        {
            return MlKem768;
        }

        if (kem == KemAlgorithm.XWing)
        {
            return XWing;
        }

        if (kem == KemAlgorithm.MlKem512)
        {
            return MlKem512;
        }

        if (kem == KemAlgorithm.MlKem1024)
        {
            return MlKem1024;
        }

        throw Error.Argument_UnknownAlgorithm(nameof(kem), "QKD session KEM", kem.Name);
    }

    internal static KemAlgorithm? KemOf(ushort id) => id switch
    {
        MlKem512 => KemAlgorithm.MlKem512,
        MlKem768 => KemAlgorithm.MlKem768,
        MlKem1024 => KemAlgorithm.MlKem1024,
        XWing => KemAlgorithm.XWing,
        _ => null,
    };

    internal static ushort OfKdf(HybridKdf kdf)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        for (ushort id = HkdfSha256; id <= Kmac256; id++)
        {
            if (KdfOf(id) == kdf)
            {
                return id;
            }
        }

        throw Error.Argument_UnknownAlgorithm(nameof(kdf), "hybrid KDF", kdf.Name);
    }

    internal static HybridKdf? KdfOf(ushort id) => id switch
    {
        HkdfSha256 => HybridKdf.HkdfSha256,
        HkdfSha384 => HybridKdf.HkdfSha384,
        HmacSha256 => HybridKdf.HmacSha256,
        HmacSha384 => HybridKdf.HmacSha384,
        Kmac128 => HybridKdf.Kmac128,
        Kmac256 => HybridKdf.Kmac256,
        _ => null,
    };
}
