// ZtKdf: the SP 800-56C Rev. 2 hybrid shared secret Z' = Z ‖ T (§2): Z from an approved key-establishment scheme
// (ML-KEM, X-Wing, ECDH), T an auxiliary secret from any other source (here a QKD key), fed to an approved KDF:
// the two-step KDF (§5, HKDF: extract with the salt, expand with FixedInfo) or the one-step KDF (§4.1 with HMAC or
// KMAC keyed by the salt, counter ‖ Z' ‖ FixedInfo).

using System;

namespace FintechCrypto.Qkd;

/// <summary>
/// The SP 800-56C Rev. 2 "Z ‖ T" hybrid mode: a KEM or key-agreement secret Z and an auxiliary secret T (a QKD key)
/// derived together with an approved KDF. Z must not be empty, so T never stands alone.
/// </summary>
public static class ZtKdf
{
    /// <summary>Derives <paramref name="output"/>.Length bytes from Z' = Z ‖ T.</summary>
    /// <param name="kdf">The KDF: HKDF (two-step, §5), HMAC or KMAC (one-step, §4.1).</param>
    /// <param name="z">The shared secret Z of an approved scheme; not empty.</param>
    /// <param name="t">The auxiliary secret T (a QKD key); may be empty.</param>
    /// <param name="salt">The salt (HKDF's salt, or the HMAC/KMAC key of the one-step KDF); empty means the default.</param>
    /// <param name="fixedInfo">FixedInfo: the context (parties, key IDs, transcript) both sides agree on.</param>
    /// <param name="output">Receives the key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kdf"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="z"/> is empty, or <paramref name="output"/> is empty or too long.</exception>
    public static void DeriveKey(HybridKdf kdf, ReadOnlySpan<byte> z, ReadOnlySpan<byte> t, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> fixedInfo, Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        if (z.IsEmpty)
        {
            throw Error.Argument_LengthAtLeast(nameof(z), 1, 0);
        }

        kdf.ValidateOutput(nameof(output), output.Length);

        // SP 800-56C §4.1: "in the absence of an agreed-upon salt, a default salt of all zeros (length of the HMAC
        // block / KMAC's default) is used"; HKDF (RFC 5869 §2.2) uses HashLen zeros. A zero-length HMAC key is
        // padded with zeros to the block size, so empty and all-zero HMAC keys coincide; KMAC needs it explicit.
        Span<byte> defaultSalt = stackalloc byte[kdf.IsKmac ? (kdf.HashSize == 48 ? 132 : 164) : 0];
        defaultSalt.Clear();
        ReadOnlySpan<byte> effectiveSalt = salt.IsEmpty && kdf.IsKmac ? defaultSalt : salt;

        // The secret is Z' = Z ‖ T: Z first, as §2 writes it.
        kdf.Derive(effectiveSalt, z, t, fixedInfo, output);
    }
}
