// HashToField: hash_to_field of RFC 9380 §5.2 for a prime field of order n (m = 1, count = 1) with
// expand_message_xmd(SHA-256), as RFC 9591 §6.4 (P-256, L = 48) and §6.5 (secp256k1, L = 48) define H1, H2, H3:
// "hash_to_field(m, 1) from RFC 9380 using expand_message_xmd with SHA-256 with parameters DST = contextString ||
// tag, F set to the scalar field, p set to G.Order(), m = 1, and L = 48."
//
// References: RFC 9380 §5.2 (hash_to_field), §5.3.1 (expand_message_xmd); RFC 9591 §6.4, §6.5.
// Parameters: L = ceil((ceil(log2(n)) + k) / 8) = ceil((256 + 128) / 8) = 48 bytes for both 256-bit orders.

using System;
using System.Security.Cryptography;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost;

/// <summary>RFC 9380 §5.2 hash_to_field with count 1 into a scalar field, over expand_message_xmd(SHA-256).</summary>
internal static class HashToField
{
    /// <summary>
    /// Hashes <paramref name="msg"/> to one element of <paramref name="field"/>: e = OS2IP(expand_message_xmd(msg,
    /// DST, L)) mod n. The intermediate bytes are cleared (H3 hashes secret shares).
    /// </summary>
    internal static Scalar ExpandMessageXmdSha256(ScalarField field, ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst, int securityLength)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.LittleEndian)
        {
            // OS2IP is big-endian; ReduceWide reads bytes in the field's order.
            throw Error.Frost_Argument(nameof(field), "hash_to_field here serves big-endian scalar fields.");
        }

        // 1. len_in_bytes = count * m * L; 2. uniform_bytes = expand_message(msg, DST, len_in_bytes)
        Span<byte> uniform = stackalloc byte[securityLength];
        try
        {
            ExpandMessageXmd.Sha256(msg, dst, uniform);
            // 6. tv = substr(uniform_bytes, 0, L); 7. e_j = OS2IP(tv) mod p
            return field.ReduceWide(uniform);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(uniform);
        }
    }
}
