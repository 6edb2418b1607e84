using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Properties;

/// <summary>
/// Issue 11, defect 6: every private-key import (SigningKey, DecapsulationKey, KeyAgreementKey, AeadKey) in every
/// private format it supports (raw, seed, PKCS#8 DER, PEM), fed the valid encoding with a byte or character deleted
/// or replaced at every position (a stride on long encodings) and FsCheck multi-edits anywhere, either imports or
/// throws an exception whose whole chain carries no part of the secret (<see cref="SecretEcho"/>). Before the fix
/// the decoders' exceptions (AsnContentException, the OS provider's CryptographicException, BouncyCastle's) rode
/// along as inner exceptions.
/// </summary>
public sealed class KeyImportSecretEchoTests
{
    private static readonly KeyBlobFormat[] PrivateFormats =
        [KeyBlobFormat.RawPrivateKey, KeyBlobFormat.PrivateKeySeed, KeyBlobFormat.Pkcs8PrivateKey, KeyBlobFormat.PemPkcs8PrivateKey];

    private static readonly byte[] s_byteReplacements = [0x00, 0x01, 0x04, 0x30, 0x80, 0xff];
    private static readonly char[] s_charReplacements = ['A', '/', '=', '-', ' ', '\n', '!'];

    /// <summary>One valid private-key encoding, its importer, and the secret values it holds.</summary>
    private sealed record Sample(string Name, KeyBlobFormat Format, byte[] Blob, Func<byte[], IDisposable> Import, byte[][] Secrets)
    {
        public override string ToString() => $"{Name} {Format}";
    }

    private static readonly Lazy<List<Sample>> s_samples = new(() =>
    {
        var list = new List<Sample>();
        foreach (SignatureAlgorithm algorithm in new[]
                 {
                     SignatureAlgorithm.Ed25519, SignatureAlgorithm.EcdsaP256Sha256, SignatureAlgorithm.RsaPss2048Sha256,
                     SignatureAlgorithm.MlDsa44, SignatureAlgorithm.SlhDsaSha2_128f,
                 })
        {
            SigningKey key = algorithm.Name.StartsWith("RSA", StringComparison.Ordinal) ? Registry.SharedKey(algorithm) : SigningKey.Generate(algorithm);
            AddAll(list, algorithm.Name, key.Export, (b, f) => SigningKey.Import(algorithm, b, f), SigningSecrets(algorithm, key));
        }

        foreach (KemAlgorithm algorithm in new[] { KemAlgorithm.MlKem768, KemAlgorithm.XWing })
        {
            DecapsulationKey key = DecapsulationKey.Generate(algorithm);
            AddAll(list, algorithm.Name, key.Export, (b, f) => DecapsulationKey.Import(algorithm, b, f), [key.Export(KeyBlobFormat.PrivateKeySeed)]);
        }

        foreach (KeyAgreementAlgorithm algorithm in new[] { KeyAgreementAlgorithm.X25519, KeyAgreementAlgorithm.EcdhP256 })
        {
            KeyAgreementKey key = KeyAgreementKey.Generate(algorithm);
            AddAll(list, algorithm.Name, key.Export, (b, f) => KeyAgreementKey.Import(algorithm, b, f), [key.Export(KeyBlobFormat.RawPrivateKey)]);
        }

        foreach (AeadAlgorithm algorithm in new[] { AeadAlgorithm.Aes256Gcm, AeadAlgorithm.ChaCha20Poly1305, AeadAlgorithm.AesGcm(16, 16) })
        {
            AeadKey key = AeadKey.Generate(algorithm);
            byte[] raw = key.Export(KeyBlobFormat.RawPrivateKey);
            list.Add(new Sample(algorithm.Name, KeyBlobFormat.RawPrivateKey, raw, b => AeadKey.Import(algorithm, b, KeyBlobFormat.RawPrivateKey), [raw]));
        }

        return list;
    });

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (Sample sample in s_samples.Value)
        {
            data.Add(sample.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void MalformedEncoding_AtEveryPosition_DoesNotEchoTheSecret(string sampleName)
    {
        Sample sample = s_samples.Value.Single(s => s.ToString() == sampleName);
        bool pem = sample.Format == KeyBlobFormat.PemPkcs8PrivateKey;
        int stride = Math.Max(1, sample.Blob.Length / 400);
        for (int i = 0; i < sample.Blob.Length; i += i < 64 ? 1 : stride)
        {
            Check(sample, [.. sample.Blob.Take(i), .. sample.Blob.Skip(i + 1)], $"delete {i}");
            foreach (byte b in pem ? s_charReplacements.Select(c => (byte)c) : s_byteReplacements)
            {
                if (sample.Blob[i] != b)
                {
                    byte[] replaced = (byte[])sample.Blob.Clone();
                    replaced[i] = b;
                    Check(sample, replaced, $"replace {i} with {b:x2}");
                }
            }
        }

        // Truncations and a trailing byte.
        foreach (int length in new[] { 0, 1, sample.Blob.Length / 2, sample.Blob.Length - 1 })
        {
            Check(sample, sample.Blob[..length], $"truncate to {length}");
        }

        Check(sample, [.. sample.Blob, 0x00], "trailing byte");
    }

    /// <summary>FsCheck: one to four random byte replacements or deletions anywhere in any sample.</summary>
    [Property(MaxTest = 300)]
    public Property RandomlyMutatedEncoding_DoesNotEchoTheSecret() => Prop.ForAll(
        SecretEcho.ByteEdits,
        input =>
        {
            Sample sample = s_samples.Value[input.Pick % s_samples.Value.Count];
            Check(sample, SecretEcho.ApplyEdits(sample.Blob, input.Edits), "random edits");
        });

    private static void AddAll(List<Sample> list, string name, Func<KeyBlobFormat, byte[]> export, Func<byte[], KeyBlobFormat, IDisposable> import, byte[][] secrets)
    {
        foreach (KeyBlobFormat format in PrivateFormats)
        {
            byte[] blob;
            try
            {
                blob = export(format);
            }
            catch (ArgumentException)
            {
                continue; // the format is not one this algorithm has
            }

            list.Add(new Sample(name, format, blob, b => import(b, format), secrets));
        }
    }

    // The secret values of a signing key: the private scalar, seed or private exponent and primes.
    private static byte[][] SigningSecrets(SignatureAlgorithm algorithm, SigningKey key)
    {
        if (algorithm.Name.StartsWith("RSA", StringComparison.Ordinal))
        {
            using RSA rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(key.Export(KeyBlobFormat.Pkcs8PrivateKey), out _);
            RSAParameters p = rsa.ExportParameters(includePrivateParameters: true);
            return [p.D!, p.P!, p.Q!, p.DP!, p.DQ!, p.InverseQ!];
        }

        return algorithm.SupportsSeed ? [key.Export(KeyBlobFormat.PrivateKeySeed)] : [key.Export(KeyBlobFormat.RawPrivateKey)];
    }

    private static void Check(Sample sample, byte[] malformed, string what)
    {
        string where = $"{sample} {what}";
        try
        {
            sample.Import(malformed).Dispose();
        }
        catch (Exception e)
        {
            string? text = null;
            bool[]? mask = null;
            if (sample.Format == KeyBlobFormat.PemPkcs8PrivateKey && malformed.All(b => b < 0x80))
            {
                // The base64 body encodes the key: no 8-character window of it may be quoted. A line holding "--" is an
                // encapsulation boundary (RFC 7468 §2), even after up to four edits ("----BEGIN PRIVATEKEY-----" keeps
                // its label words, which our messages name as the format "PemPkcs8PrivateKey"); only the base64
                // characters of the other lines are the body.
                text = Encoding.ASCII.GetString(malformed);
                mask = text.Split('\n').SelectMany(line => line.Contains("--", StringComparison.Ordinal)
                    ? Enumerable.Repeat(false, line.Length + 1)
                    : line.Select(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=').Append(false)).Take(text.Length).ToArray();
            }

            SecretEcho.AssertClean(e, sample.Secrets, text, mask, where);
        }
    }
}
