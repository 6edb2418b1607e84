using System;
using System.Collections.Generic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Properties;

/// <summary>
/// Every decoder and verifier, fed FsCheck-generated garbage and mutated valid encodings, either succeeds, returns
/// false, or throws an exception of our family (or an ArgumentException for caller mistakes). Nothing else may escape.
/// </summary>
public class GarbageInputTests
{
    private static readonly KeyBlobFormat[] PrivateFormats = { KeyBlobFormat.RawPrivateKey, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey };
    private static readonly KeyBlobFormat[] PublicFormats = { KeyBlobFormat.RawPublicKey, KeyBlobFormat.SubjectPublicKeyInfo, KeyBlobFormat.PemSubjectPublicKeyInfo };

    private static readonly Lazy<List<(SignatureAlgorithm Algorithm, Dictionary<KeyBlobFormat, byte[]> Blobs, byte[] Signature)>> s_valid = new(() =>
    {
        var list = new List<(SignatureAlgorithm, Dictionary<KeyBlobFormat, byte[]>, byte[])>();
        foreach (SignatureAlgorithm algorithm in Registry.SignatureAlgorithms)
        {
            SigningKey key = Registry.SharedKey(algorithm);
            var blobs = new Dictionary<KeyBlobFormat, byte[]>();
            foreach (KeyBlobFormat f in PrivateFormats)
            {
                blobs[f] = key.Export(f);
            }

            foreach (KeyBlobFormat f in PublicFormats)
            {
                blobs[f] = key.Export(f);
            }

            list.Add((algorithm, blobs, key.Sign(new byte[] { 1, 2, 3 })));
        }

        return list;
    });

    private static void MustBeOurs(Action action)
    {
        try
        {
            action();
        }
        catch (FintechCryptoException)
        {
        }
        catch (ArgumentException)
        {
        }
    }

    [Property(MaxTest = 150)]
    public void SignatureKeyImport_Garbage(byte[] garbage)
    {
        garbage ??= Array.Empty<byte>();
        foreach (SignatureAlgorithm algorithm in Registry.SignatureAlgorithms)
        {
            foreach (KeyBlobFormat f in PrivateFormats)
            {
                MustBeOurs(() => SigningKey.Import(algorithm, garbage, f).Dispose());
            }

            foreach (KeyBlobFormat f in PublicFormats)
            {
                MustBeOurs(() => VerificationKey.Import(algorithm, garbage, f).Dispose());
            }
        }
    }

    [Property(MaxTest = 300)]
    public void SignatureKeyImport_MutatedValidEncodings(PositiveInt position, byte xor, bool truncate)
    {
        foreach ((SignatureAlgorithm algorithm, Dictionary<KeyBlobFormat, byte[]> blobs, _) in s_valid.Value)
        {
            foreach ((KeyBlobFormat format, byte[] valid) in blobs)
            {
                byte[] mutated = Mutate(valid, position.Get, xor, truncate);
                if (format < 0)
                {
                    MustBeOurs(() => SigningKey.Import(algorithm, mutated, format).Dispose());
                }
                else
                {
                    MustBeOurs(() => VerificationKey.Import(algorithm, mutated, format).Dispose());
                }
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Verify_GarbageSignatures_AreFalseOrMutatedValidOnesAreFalse(byte[] garbage, PositiveInt position, byte xor)
    {
        garbage ??= Array.Empty<byte>();
        foreach ((SignatureAlgorithm algorithm, _, byte[] signature) in s_valid.Value)
        {
            VerificationKey pk = Registry.SharedKey(algorithm).PublicKey;
            Assert.False(pk.Verify(new byte[] { 1, 2, 3 }, garbage));
            if (xor != 0)
            {
                byte[] mutated = (byte[])signature.Clone();
                mutated[position.Get % mutated.Length] ^= xor;
                Assert.False(pk.Verify(new byte[] { 1, 2, 3 }, mutated));
            }
        }
    }

    [Property(MaxTest = 150)]
    public void KeyAgreementImport_GarbageAndMutations(byte[] garbage, PositiveInt position, byte xor, bool truncate)
    {
        garbage ??= Array.Empty<byte>();
        foreach (KeyAgreementAlgorithm algorithm in new[] { KeyAgreementAlgorithm.X25519, KeyAgreementAlgorithm.EcdhP256 })
        {
            using KeyAgreementKey valid = KeyAgreementKey.Generate(algorithm);
            foreach (KeyBlobFormat f in PrivateFormats)
            {
                MustBeOurs(() => KeyAgreementKey.Import(algorithm, garbage, f).Dispose());
                MustBeOurs(() => KeyAgreementKey.Import(algorithm, Mutate(valid.Export(f), position.Get, xor, truncate), f).Dispose());
            }

            foreach (KeyBlobFormat f in PublicFormats)
            {
                MustBeOurs(() => KeyAgreementPublicKey.Import(algorithm, garbage, f).Dispose());
                MustBeOurs(() =>
                {
                    using KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(algorithm, Mutate(valid.Export(f), position.Get, xor, truncate), f);
                    valid.Agree(peer);
                });
            }
        }
    }

    [Property(MaxTest = 200)]
    public void AeadDecrypt_Garbage_IsFalseNeverAnException(byte[] garbage)
    {
        garbage ??= Array.Empty<byte>();
        foreach (AeadAlgorithm algorithm in new[] { AeadAlgorithm.Aes256Gcm, AeadAlgorithm.ChaCha20Poly1305, AeadAlgorithm.AesGcm(16, 7) })
        {
            using AeadKey key = AeadKey.Generate(algorithm);
            Assert.False(key.TryDecrypt(new byte[algorithm.NonceSize], garbage, null, out byte[]? plaintext));
            Assert.Null(plaintext);
            MustBeOurs(() => AeadKey.Import(algorithm, garbage, KeyBlobFormat.RawPrivateKey).Dispose());
        }
    }

    [Property(MaxTest = 100)]
    public void Pem_GarbageText_IsRefusedWithOurException(string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes("-----BEGIN PUBLIC KEY-----\n" + (text ?? string.Empty) + "\n-----END PUBLIC KEY-----\n");
        MustBeOurs(() => VerificationKey.Import(SignatureAlgorithm.Ed25519, bytes, KeyBlobFormat.PemSubjectPublicKeyInfo).Dispose());
        MustBeOurs(() => SigningKey.Import(SignatureAlgorithm.EcdsaP256Sha256, bytes, KeyBlobFormat.PemPkcs8PrivateKey).Dispose());
    }

    private static byte[] Mutate(byte[] valid, int position, byte xor, bool truncate)
    {
        if (truncate)
        {
            return valid.AsSpan(0, position % valid.Length).ToArray();
        }

        byte[] mutated = (byte[])valid.Clone();
        mutated[position % mutated.Length] ^= xor == 0 ? (byte)1 : xor;
        return mutated;
    }
}
