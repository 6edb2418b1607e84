// Wycheproof AEAD (aead_test_schema_v1): AES-GCM (SP 800-38D; any nonce length through AeadAlgorithm.AesGcm) and
// ChaCha20-Poly1305 (RFC 8439, 12-byte nonces only). A valid case must decrypt to msg and encrypt msg to ct || tag;
// an invalid one must fail to decrypt. A nonce the API refuses (zero-length IV, a ChaCha20 nonce other than 12 bytes)
// raises ArgumentException, which counts as rejected.

namespace FintechCrypto.Testing;

internal sealed class AeadFamily(bool chaCha) : IWycheproofFamily
{
    private const int TagBits = 128;

    public string? GroupSkipReason(WycheproofGroup group)
    {
        int tagSize = group.GetInt32("tagSize");
        return tagSize == TagBits ? null : $"{tagSize}-bit tags are not supported (the library uses 128-bit tags only)";
    }

    public CaseOutcome Run(WycheproofGroup group, WycheproofTest test)
    {
        byte[] keyBytes = test.GetHex("key");
        byte[] iv = test.GetHex("iv");
        byte[] msg = test.GetHex("msg");
        byte[] aad = test.GetHex("aad");
        byte[] ct = test.GetHex("ct");
        byte[] tag = test.GetHex("tag");
        byte[] sealedMessage = new byte[ct.Length + tag.Length];
        ct.CopyTo(sealedMessage, 0);
        tag.CopyTo(sealedMessage, ct.Length);

        AeadAlgorithm algorithm = chaCha ? AeadAlgorithm.ChaCha20Poly1305 : AeadAlgorithm.AesGcm(keyBytes.Length, iv.Length);
        using AeadKey key = AeadKey.Import(algorithm, keyBytes, KeyBlobFormat.RawPrivateKey);
        if (!key.TryDecrypt(iv, sealedMessage, aad, out byte[]? plaintext))
        {
            return CaseOutcome.Rejected("Decrypt returned false");
        }

        return CaseOutcome.Compare("the plaintext", plaintext, msg).Then(() => CaseOutcome.Compare("ciphertext || tag", key.Encrypt(iv, msg, aad), sealedMessage));
    }
}
