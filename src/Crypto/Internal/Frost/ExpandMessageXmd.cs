// ExpandMessageXmd: expand_message_xmd of RFC 9380 §5.3.1 with SHA-256 (b_in_bytes = 32, s_in_bytes = 64), the
// expander of the hash_to_field calls that RFC 9591 §6.4 (P-256) and §6.5 (secp256k1) use for H1, H2 and H3.
//
// References: RFC 9380 §5.3.1 (expand_message_xmd), §5.3.3 (DST longer than 255 bytes: not needed by FROST and
// refused here), Appendix K.1 (test vectors, expand_message_xmd(SHA-256)).
// Parameters: len_in_bytes <= 255 * 32 = 8160 and <= 65535; DST of 1..255 bytes.

using System;
using System.Security.Cryptography;

namespace FintechCrypto.Internal.Frost;

/// <summary>RFC 9380 §5.3.1 expand_message_xmd instantiated with SHA-256.</summary>
internal static class ExpandMessageXmd
{
    private const int HashLength = 32;   // b_in_bytes
    private const int BlockLength = 64;  // s_in_bytes

    /// <summary>
    /// Writes expand_message_xmd(msg, DST, len_in_bytes) with SHA-256 into <paramref name="uniformBytes"/>, whose
    /// length is len_in_bytes.
    /// </summary>
    internal static void Sha256(ReadOnlySpan<byte> msg, ReadOnlySpan<byte> dst, Span<byte> uniformBytes)
    {
        int lengthInBytes = uniformBytes.Length;
        int ell = (lengthInBytes + HashLength - 1) / HashLength; // 1. ell = ceil(len_in_bytes / b_in_bytes)
        // 2. ABORT if ell > 255 or len_in_bytes > 65535 or len(DST) > 255.
        if (lengthInBytes == 0 || ell > 255 || lengthInBytes > 65535)
        {
            throw Error.Argument_LengthRange(nameof(uniformBytes), 1, 8160, uniformBytes.Length);
        }

        if (dst.Length is 0 or > 255)
        {
            throw Error.Argument_LengthRange(nameof(dst), 1, 255, dst.Length);
        }

        // 3. DST_prime = DST || I2OSP(len(DST), 1)
        byte[] dstPrime = new byte[dst.Length + 1];
        dst.CopyTo(dstPrime);
        dstPrime[dst.Length] = (byte)dst.Length;

        Span<byte> b0 = stackalloc byte[HashLength];
        Span<byte> bi = stackalloc byte[HashLength];
        Span<byte> chained = stackalloc byte[HashLength];
        Span<byte> small = stackalloc byte[3];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            // 4-7. msg_prime = Z_pad || msg || l_i_b_str || I2OSP(0, 1) || DST_prime; b_0 = H(msg_prime)
            Span<byte> zeroPad = stackalloc byte[BlockLength];
            zeroPad.Clear();
            hash.AppendData(zeroPad);
            hash.AppendData(msg);
            small[0] = (byte)(lengthInBytes >> 8);
            small[1] = (byte)lengthInBytes;
            small[2] = 0;
            hash.AppendData(small);
            hash.AppendData(dstPrime);
            hash.GetHashAndReset(b0);

            // 8. b_1 = H(b_0 || I2OSP(1, 1) || DST_prime)
            hash.AppendData(b0);
            small[0] = 1;
            hash.AppendData(small[..1]);
            hash.AppendData(dstPrime);
            hash.GetHashAndReset(bi);

            for (int i = 1; ; i++)
            {
                // 11. uniform_bytes = b_1 || ... || b_ell, truncated to len_in_bytes
                int offset = (i - 1) * HashLength;
                int count = Math.Min(HashLength, lengthInBytes - offset);
                bi[..count].CopyTo(uniformBytes[offset..]);
                if (i == ell)
                {
                    break;
                }

                // 9-10. b_i = H(strxor(b_0, b_(i - 1)) || I2OSP(i, 1) || DST_prime)
                for (int j = 0; j < HashLength; j++)
                {
                    chained[j] = (byte)(b0[j] ^ bi[j]);
                }

                hash.AppendData(chained);
                small[0] = (byte)(i + 1);
                hash.AppendData(small[..1]);
                hash.AppendData(dstPrime);
                hash.GetHashAndReset(bi);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(b0);
            CryptographicOperations.ZeroMemory(bi);
            CryptographicOperations.ZeroMemory(chained);
        }
    }
}
