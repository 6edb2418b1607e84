// CatKDF: the concatenation KDF of ETSI TS 103 744 (V1.2.1, clause 8.2): all component secrets are concatenated
// after the optional pre-shared key and derived in one KDF call, bound to the context f(info, MA, MB).
//
//   secret = psk ‖ k1 ‖ … ‖ kn
//   HKDF:  key = HKDF(salt = label, IKM = secret, info = f, L)                    f = H(len‖info ‖ len‖MA ‖ len‖MB)
//   HMAC:  key = HMAC(label, BE32(1) ‖ secret ‖ f) ‖ HMAC(label, BE32(2) ‖ …) …    (SP 800-56C one-step)
//   KMAC:  key = KMAC(label, BE32(1) ‖ secret ‖ f, L, "KDF")                       f unhashed for KMAC

using System;
using System.Security.Cryptography;

namespace FintechCrypto.Qkd;

/// <summary>
/// ETSI TS 103 744 CatKDF: derives a key from a pre-shared key (for example a QKD key) and one or more component
/// secrets (ML-KEM, X-Wing, ECDH), bound to both parties' messages and a context string.
/// </summary>
/// <remarks>
/// The component secrets must not be empty: a key is never derived from the pre-shared key alone, so a QKD key always
/// enters beside at least one approved KEM or key-agreement secret (SP 800-56C Rev. 2 §2, SP 800-227).
/// </remarks>
public static class CatKdf
{
    /// <summary>Derives <paramref name="output"/>.Length bytes with CatKDF (TS 103 744 clause 8.2).</summary>
    /// <param name="kdf">The KDF of the suite.</param>
    /// <param name="psk">The pre-shared key (a QKD key), or empty.</param>
    /// <param name="secrets">The component secrets k1 ‖ … ‖ kn, concatenated in the agreed order; not empty.</param>
    /// <param name="label">The agreed label (the KDF's salt / key).</param>
    /// <param name="info">The context string.</param>
    /// <param name="messageA">The initiator's message MA (its public values, the transcript).</param>
    /// <param name="messageB">The responder's message MB.</param>
    /// <param name="output">Receives the key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kdf"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="secrets"/> is empty, or <paramref name="output"/> is empty or longer than <see cref="HybridKdf.MaxOutputSize"/>.</exception>
    public static void DeriveKey(
        HybridKdf kdf,
        ReadOnlySpan<byte> psk,
        ReadOnlySpan<byte> secrets,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> info,
        ReadOnlySpan<byte> messageA,
        ReadOnlySpan<byte> messageB,
        Span<byte> output)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        if (secrets.IsEmpty)
        {
            throw Error.Argument_LengthAtLeast(nameof(secrets), 1, 0);
        }

        kdf.ValidateOutput(nameof(output), output.Length);
        byte[] context = kdf.Context(info, messageA, messageB);
        try
        {
            kdf.Derive(label, psk, secrets, context, output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(context);
        }
    }

    /// <summary>Derives a key of <paramref name="outputLength"/> bytes with CatKDF (TS 103 744 clause 8.2).</summary>
    /// <param name="kdf">The KDF of the suite.</param>
    /// <param name="psk">The pre-shared key (a QKD key), or null for none.</param>
    /// <param name="secrets">The component secrets k1 ‖ … ‖ kn, concatenated; not empty.</param>
    /// <param name="label">The agreed label.</param>
    /// <param name="info">The context string.</param>
    /// <param name="messageA">The initiator's message MA.</param>
    /// <param name="messageB">The responder's message MB.</param>
    /// <param name="outputLength">The key length in bytes.</param>
    /// <returns>The key; the caller should clear it after use.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kdf"/>, <paramref name="secrets"/>, <paramref name="label"/>, <paramref name="info"/>, <paramref name="messageA"/> or <paramref name="messageB"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="secrets"/> is empty, or <paramref name="outputLength"/> is out of range.</exception>
    public static byte[] DeriveKey(HybridKdf kdf, byte[]? psk, byte[] secrets, byte[] label, byte[] info, byte[] messageA, byte[] messageB, int outputLength)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(messageA);
        ArgumentNullException.ThrowIfNull(messageB);
        kdf.ValidateOutput(nameof(outputLength), outputLength);
        byte[] output = new byte[outputLength];
        DeriveKey(kdf, psk, secrets, label, info, messageA, messageB, output);
        return output;
    }
}
