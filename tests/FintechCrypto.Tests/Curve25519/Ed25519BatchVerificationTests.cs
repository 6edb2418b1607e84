// Issue 13: Ed25519 batch verification (VerificationKey.VerifyBatch, Internal/Curve25519/Ed25519BatchVerification).
// The invariant, on honest and adversarial inputs alike: the batch answers true exactly when every single
// verification would, and on false VerifyBatch(items, out invalid) names exactly the items whose single
// verification fails. The adversarial inputs: the twelve ed25519-speccheck cases, signatures whose R or A carries a
// torsion component (valid under the cofactored equation only), non-canonical R and S >= L, every Wycheproof Ed25519
// case, and FsCheck-generated garbage, each mixed into batches of honest signatures.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text.Json;
using FintechCrypto.Internal.Curve25519;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Curve25519;

[Trait("Category", "KnownAnswer")]
public sealed class Ed25519BatchVerificationTests
{
    private static readonly BigInteger L = Ed25519Scalars.Order;

    // A pool of honest signers, shared by the tests (keys are immutable once created).
    private static readonly Lazy<(SigningKey Key, VerificationKey PublicKey)[]> s_signers = new(() =>
        Enumerable.Range(0, 16).Select(_ =>
        {
            var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
            return (key, key.PublicKey);
        }).ToArray());

    private static BatchVerificationItem Honest(int i)
    {
        (SigningKey key, VerificationKey publicKey) = s_signers.Value[i % s_signers.Value.Length];
        byte[] message = BitConverter.GetBytes(i * 7919).Concat(new byte[i % 50]).ToArray();
        return new(publicKey, message, key.Sign(message));
    }

    private static List<BatchVerificationItem> HonestBatch(int n) => Enumerable.Range(0, n).Select(Honest).ToList();

    // The invariant: batch = AND of singles, and the named indices are exactly the failing singles.
    private static void AssertAgreesWithSingles(IReadOnlyList<BatchVerificationItem> items, bool? expectAll = null)
    {
        BatchVerificationItem[] array = [.. items];
        int[] expectedInvalid = Enumerable.Range(0, array.Length)
            .Where(i => !array[i].Key.Verify(array[i].Message.Span, array[i].Signature.Span)).ToArray();
        bool all = expectedInvalid.Length == 0;
        if (expectAll is bool expected)
        {
            Assert.Equal(expected, all);
        }

        Assert.Equal(all, VerificationKey.VerifyBatch(array));
        Assert.Equal(all, VerificationKey.VerifyBatch(array, out int[] invalid));
        Assert.Equal(expectedInvalid, invalid);

        // The same batch with freshly imported Ed25519 keys, which have no precomputed tables, so that every Ed25519
        // item goes through the random linear combination (keys with tables are verified alone).
        BatchVerificationItem[] fresh = array.Select(item => item.Key.Algorithm.Equals(SignatureAlgorithm.Ed25519)
            ? new BatchVerificationItem(VerificationKey.Import(SignatureAlgorithm.Ed25519, item.Key.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey), item.Message, item.Signature)
            : item).ToArray();
        Assert.Equal(all, VerificationKey.VerifyBatch(fresh));
        Assert.Equal(all, VerificationKey.VerifyBatch(fresh, out int[] freshInvalid));
        Assert.Equal(expectedInvalid, freshInvalid);
    }

    [Fact]
    public void KeysWithTables_AndKeysWithout_GiveTheSameAnswers()
    {
        List<BatchVerificationItem> items = HonestBatch(12);
        foreach (BatchVerificationItem item in items.Take(6))
        {
            item.Key.Verify(item.Message.Span, item.Signature.Span); // the pool's keys: tables on the second use
            item.Key.Verify(item.Message.Span, item.Signature.Span);
        }

        items[3] = new(items[3].Key, new byte[] { 1 }, items[3].Signature);   // a key with tables, wrong message
        items[9] = new(items[9].Key, new byte[] { 2 }, items[9].Signature);   // and one batched
        AssertAgreesWithSingles(items, expectAll: false);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void HonestBatches_Verify(int n)
    {
        List<BatchVerificationItem> items = HonestBatch(n);
        Assert.True(VerificationKey.VerifyBatch(items.ToArray()));
        Assert.True(VerificationKey.VerifyBatch(items.ToArray(), out int[] invalid));
        Assert.Empty(invalid);
    }

    [Theory]
    [InlineData(1, new[] { 0 })]
    [InlineData(8, new[] { 3 })]
    [InlineData(8, new[] { 0, 7 })]
    [InlineData(64, new[] { 1, 2, 40, 63 })]
    public void OneWrongMessageOrSignature_FailsTheBatch_AndIsNamed(int n, int[] corrupt)
    {
        List<BatchVerificationItem> items = HonestBatch(n);
        foreach (int i in corrupt)
        {
            byte[] signature = items[i].Signature.ToArray();
            signature[i % 64] ^= 0x01; // R or S
            items[i] = i % 2 == 0
                ? new(items[i].Key, items[i].Message, signature)
                : new(items[i].Key, items[i].Message.ToArray().Append((byte)1).ToArray(), items[i].Signature);
        }

        AssertAgreesWithSingles(items, expectAll: false);
        VerificationKey.VerifyBatch(items.ToArray(), out int[] invalid);
        Assert.Equal(corrupt, invalid);
    }

    [Fact]
    public void SwappedSignaturesBetweenTwoItems_FailTheBatch()
    {
        // Each signature is valid, but not for its item: a combination must not let them cancel.
        List<BatchVerificationItem> items = HonestBatch(8);
        (items[2], items[5]) = (new(items[2].Key, items[2].Message, items[5].Signature), new(items[5].Key, items[5].Message, items[2].Signature));
        AssertAgreesWithSingles(items, expectAll: false);
    }

    [Fact]
    public void NonCanonicalR_SOutOfRange_AndWrongLengths_AreInvalidInBatchAsAlone()
    {
        List<BatchVerificationItem> items = HonestBatch(12);
        byte[] sPlusL = items[1].Signature.ToArray();
        BigInteger s = new BigInteger(sPlusL.AsSpan(32), isUnsigned: true) + L; // S + L < 2^256, same value mod L
        s.TryWriteBytes(sPlusL.AsSpan(32), out _, isUnsigned: true);
        items[1] = new(items[1].Key, items[1].Message, sPlusL);

        byte[] nonCanonicalR = items[3].Signature.ToArray();
        Convert.FromHexString("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f").CopyTo(nonCanonicalR, 0); // y = p
        items[3] = new(items[3].Key, items[3].Message, nonCanonicalR);
        items[5] = new(items[5].Key, items[5].Message, items[5].Signature[..63]);
        items[7] = new(items[7].Key, items[7].Message, items[7].Signature.ToArray().Append((byte)0).ToArray());
        items[9] = new(items[9].Key, items[9].Message, ReadOnlyMemory<byte>.Empty);
        AssertAgreesWithSingles(items, expectAll: false);
        VerificationKey.VerifyBatch(items.ToArray(), out int[] invalid);
        Assert.Equal(new[] { 1, 3, 5, 7, 9 }, invalid);
    }

    // --- torsion components -------------------------------------------------------------------------------------

    private static ExtendedPoint SmallOrderPoint(int index)
    {
        Assert.True(EdwardsEncoding.TryDecompress(Convert.FromHexString(Ed25519SmallOrderKeyTests.s_smallOrderCanonical[index]), out ExtendedPoint t));
        return t;
    }

    private static byte[] Encode(in ExtendedPoint p)
    {
        byte[] encoded = new byte[32];
        EdwardsEncoding.Compress(p, encoded);
        return encoded;
    }

    // A signature under the mixed-order key A + T (T of small order), made with the secret scalar of A: valid under
    // the cofactored equation; under the cofactorless one only when [k]T is the identity.
    private static BatchVerificationItem MixedOrderKeyItem(int seed, int torsionIndex, byte[] message)
    {
        byte[] secretSeed = new byte[32];
        secretSeed[0] = (byte)seed;
        secretSeed[1] = 0xA5;
        byte[] scalar = new byte[32], prefix = new byte[32], publicKey = new byte[32];
        Ed25519Core.ExpandSeed(secretSeed, scalar, prefix);
        Ed25519Core.PublicKeyFromScalar(scalar, publicKey);
        Assert.True(EdwardsEncoding.TryDecompress(publicKey, out ExtendedPoint a));
        byte[] mixedKey = Encode(EdwardsArithmetic.Add(a, SmallOrderPoint(torsionIndex)));
        byte[] signature = new byte[64];
        Ed25519Core.Sign(scalar, prefix, mixedKey, message, signature); // k = H(R || A + T || M), S = r + k s
        var key = VerificationKey.Import(SignatureAlgorithm.Ed25519, mixedKey, KeyBlobFormat.RawPublicKey);
        return new(key, message, signature);
    }

    // A signature whose R carries a torsion component: R' = [r]B + T, k = H(R' || A || M), S = r + k s.
    private static BatchVerificationItem MixedOrderRItem(int index, int torsionIndex, byte[] message)
    {
        (SigningKey signer, VerificationKey publicKey) = s_signers.Value[index % s_signers.Value.Length];
        byte[] seed = signer.Export(KeyBlobFormat.PrivateKeySeed);
        byte[] scalar = new byte[32], prefix = new byte[32];
        Ed25519Core.ExpandSeed(seed, scalar, prefix);
        ScalarField field = Ed25519Scalars.Field;
        Scalar r = field.ReduceWide(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        byte[] rBytes = field.Encode(r);
        ExtendedPoint bigR = EdwardsScalarMultiplication.MultiplyBase(rBytes);
        byte[] rPrime = Encode(EdwardsArithmetic.Add(bigR, SmallOrderPoint(torsionIndex)));
        byte[] digest = new byte[64];
        Ed25519Core.Sha512(rPrime, publicKey.Export(KeyBlobFormat.RawPublicKey), message, digest);
        Scalar k = field.ReduceWide(digest);
        Scalar s = field.Add(r, field.Multiply(k, field.ReduceWide(scalar)));
        return new(publicKey, message, rPrime.Concat(field.Encode(s)).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void TorsionInAOrR_BatchAgreesWithTheCofactoredSingleCheck(int torsionIndex)
    {
        List<BatchVerificationItem> items = HonestBatch(10);
        int cofactorlessFailures = 0;
        for (int j = 0; j < 6; j++)
        {
            byte[] message = [(byte)j, (byte)torsionIndex, 0x42];
            BatchVerificationItem item = j % 2 == 0 ? MixedOrderKeyItem(j + (10 * torsionIndex), torsionIndex, message) : MixedOrderRItem(j, torsionIndex, message);
            Assert.True(item.Key.Verify(item.Message.Span, item.Signature.Span)); // cofactored: valid
            cofactorlessFailures += CofactorlessVerifies(item) ? 0 : 1;
            items.Insert((3 * j) % items.Count, item);
        }

        // Most of these signatures fail the cofactorless equation (the torsion part survives unless 8 | k or T = O),
        // which is why a random-linear-combination batch could not agree with it.
        Assert.True(cofactorlessFailures > 0);
        AssertAgreesWithSingles(items, expectAll: true);

        // And one wrong message among them is still found, at its index.
        int victim = items.Count - 2;
        items[victim] = new(items[victim].Key, new byte[] { 9, 9, 9 }, items[victim].Signature);
        AssertAgreesWithSingles(items, expectAll: false);
    }

    // BouncyCastle's Ed25519 is cofactored too; the cofactorless check here is Compress([S]B - [k]A) == R.
    private static bool CofactorlessVerifies(BatchVerificationItem item)
    {
        ReadOnlySpan<byte> signature = item.Signature.Span;
        byte[] publicKey = item.Key.Export(KeyBlobFormat.RawPublicKey);
        Assert.True(EdwardsEncoding.TryDecompress(publicKey, out ExtendedPoint a));
        byte[] digest = new byte[64];
        Ed25519Core.Sha512(signature[..32], publicKey, item.Message.Span, digest);
        byte[] k = Ed25519Scalars.Field.Encode(Ed25519Scalars.Field.ReduceWide(digest));
        ExtendedPoint check = EdwardsVartime.DoubleScalarMultiplyBase(k, EdwardsArithmetic.Negate(a), signature.Slice(32, 32));
        return Encode(check).AsSpan().SequenceEqual(signature[..32]);
    }

    // --- official adversarial sets ------------------------------------------------------------------------------

    [Fact]
    public void SpeccheckCases_MixedIntoBatches_AgreeWithSingles()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve("eddsa-speccheck/cases.json")));
        var cases = doc.RootElement.EnumerateArray().Select(c => (
            Message: Convert.FromHexString(c.GetProperty("message").GetString()!),
            PublicKey: Convert.FromHexString(c.GetProperty("pub_key").GetString()!),
            Signature: Convert.FromHexString(c.GetProperty("signature").GetString()!))).ToList();
        Assert.Equal(12, cases.Count);
        var all = HonestBatch(6);
        int imported = 0;
        foreach (var c in cases)
        {
            VerificationKey key;
            try
            {
                key = VerificationKey.Import(SignatureAlgorithm.Ed25519, c.PublicKey, KeyBlobFormat.RawPublicKey);
            }
            catch (InvalidKeyEncodingException)
            {
                continue; // small-order or non-canonical keys never import (Ed25519SpeccheckTests)
            }

            imported++;
            var item = new BatchVerificationItem(key, c.Message, c.Signature);
            List<BatchVerificationItem> batch = HonestBatch(5);
            batch.Insert(2, item);
            AssertAgreesWithSingles(batch);
            AssertAgreesWithSingles([item]);
            all.Add(item);
        }

        Assert.Equal(8, imported);
        AssertAgreesWithSingles(all, expectAll: false); // cases 6-9 are invalid
    }

    [Fact]
    public void WycheproofCases_MixedIntoBatches_AgreeWithSingles()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve("wycheproof/ed25519_test.json")));
        int cases = 0, invalid = 0;
        var everything = new List<BatchVerificationItem>();
        foreach (JsonElement group in doc.RootElement.GetProperty("testGroups").EnumerateArray())
        {
            byte[] publicKey = Convert.FromHexString(group.GetProperty("publicKey").GetProperty("pk").GetString()!);
            VerificationKey key = VerificationKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey); // kept for the chunks below
            var items = new List<BatchVerificationItem>();
            foreach (JsonElement test in group.GetProperty("tests").EnumerateArray())
            {
                var item = new BatchVerificationItem(key, Convert.FromHexString(test.GetProperty("msg").GetString()!), Convert.FromHexString(test.GetProperty("sig").GetString()!));
                bool valid = test.GetProperty("result").GetString() == "valid";
                Assert.Equal(valid, item.Key.Verify(item.Message.Span, item.Signature.Span));
                invalid += valid ? 0 : 1;
                cases++;
                items.Add(item);
                items.Add(Honest(cases));
            }

            AssertAgreesWithSingles(items);
            everything.AddRange(items);
        }

        Assert.True(cases >= 100, $"only {cases} Wycheproof cases");
        Assert.True(invalid > 0);
        foreach (BatchVerificationItem[] chunk in everything.Chunk(64))
        {
            AssertAgreesWithSingles(chunk);
        }
    }

    // --- garbage and mixed algorithms ---------------------------------------------------------------------------

    [Property(MaxTest = 60)]
    public Property GarbageSignaturesAndMessages_BatchEqualsSingles(byte[][] garbage, PositiveInt seed) =>
        Prop.ForAll(Gen.Constant(0).ToArbitrary(), _ =>
        {
            List<BatchVerificationItem> items = HonestBatch(1 + (seed.Get % 9));
            for (int i = 0; i < garbage.Length && i < 6; i++)
            {
                byte[] g = garbage[i] ?? [];
                int at = (seed.Get + i) % items.Count;
                items[at] = i % 2 == 0
                    ? new(items[at].Key, items[at].Message, g)
                    : new(items[at].Key, g, items[at].Signature);
            }

            AssertAgreesWithSingles(items);
        });

    [Fact]
    public void MixedAlgorithms_AreGroupedAndNamed()
    {
        using var ecdsa = SigningKey.Generate(SignatureAlgorithm.EcdsaP256Sha256);
        using var mlDsa = SigningKey.Generate(SignatureAlgorithm.MlDsa44);
        List<BatchVerificationItem> items = HonestBatch(6);
        byte[] m = [1, 2, 3];
        items.Insert(1, new(ecdsa.PublicKey, m, ecdsa.Sign(m)));
        items.Insert(4, new(mlDsa.PublicKey, m, mlDsa.Sign(m)));
        AssertAgreesWithSingles(items, expectAll: true);
        items.Insert(6, new(mlDsa.PublicKey, new byte[] { 7 }, mlDsa.Sign(m)));
        items[2] = new(items[2].Key, new byte[] { 0 }, items[2].Signature);
        AssertAgreesWithSingles(items, expectAll: false);
        VerificationKey.VerifyBatch(items.ToArray(), out int[] invalid);
        Assert.Equal(new[] { 2, 6 }, invalid);
    }

    [Fact]
    public void DefaultItems_AndDisposedKeys_AreRefusedBeforeAnyWork()
    {
        BatchVerificationItem[] items = [Honest(0), default];
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => VerificationKey.VerifyBatch(items)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new BatchVerificationItem(null!, default, default));
        var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var publicKey = VerificationKey.Import(SignatureAlgorithm.Ed25519, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);
        var item = new BatchVerificationItem(publicKey, new byte[] { 1 }, key.Sign(new byte[] { 1 }));
        Assert.True(VerificationKey.VerifyBatch([item]));
        publicKey.Dispose();
        Assert.Throws<ObjectDisposedException>(() => VerificationKey.VerifyBatch([Honest(1), item], out _));
        key.Dispose();
    }
}
