using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost.Suites;
using FintechCrypto.Testing;
using Org.BouncyCastle.Crypto.Digests;
using Xunit;
using BcEd448 = Org.BouncyCastle.Math.EC.Rfc8032.Ed448;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// FROST(Ed448, SHAKE256) (RFC 9591 §6.3): the suite's hash functions against BouncyCastle's SHAKE256, and every
/// intermediate value of the RFC 9591 vector (and of the Zcash Foundation's frost-ed448 vectors) recomputed from
/// the suite and the group.
/// </summary>
public sealed class Ed448Shake256SuiteTests
{
    private static readonly Ed448Shake256Suite Suite = Ed448Shake256Suite.Instance;
    private static readonly PrimeOrderGroup G = Suite.Group;
    private static readonly ScalarField Fq = Suite.Scalars;

    public static TheoryData<string> VectorFiles => new()
    {
        "frost/rfc9591/frost-ed448-shake256.json",
        "frost/zcashfoundation/frost-ed448/vectors.json",
        "frost/zcashfoundation/frost-ed448/vectors-big-identifier.json",
    };

    [Fact]
    public void Suite_IsFrostEd448Shake256()
    {
        Assert.Equal("FROST-ED448-SHAKE256-v1", Suite.ContextString);
        Assert.Same(Ed448Group.Instance, Suite.Group);
        Assert.Equal("FROST-ED448-SHAKE256-v1", Suite.ToString());
    }

    [Fact]
    public void HashFunctions_AreShake256OfTheirPrefixedInputs()
    {
        foreach (int length in new[] { 0, 1, 57, 136, 300 })
        {
            byte[] m = Enumerable.Range(0, length).Select(i => (byte)((i * 7) & 0xFF)).ToArray();
            Assert.Equal(Reduce(Shake256("FROST-ED448-SHAKE256-v1rho", m)), Fq.Encode(Suite.H1(m)));
            Assert.Equal(Reduce(Shake256("FROST-ED448-SHAKE256-v1nonce", m)), Fq.Encode(Suite.H3(m)));
            Assert.Equal(Reduce(Shake256("FROST-ED448-SHAKE256-v1dkg", m)), Fq.Encode(Suite.HDkg(m)));
            Assert.Equal(Reduce(Shake256("FROST-ED448-SHAKE256-v1id", m)), Fq.Encode(Suite.HId(m)));
            Assert.Equal(Shake256("FROST-ED448-SHAKE256-v1msg", m), Suite.H4(m));
            Assert.Equal(Shake256("FROST-ED448-SHAKE256-v1com", m), Suite.H5(m));

            // H2 is RFC 8032's challenge hash: dom4(0, "") = "SigEd448" || 0 || 0, no context string.
            Assert.Equal(Reduce(Shake256("SigEd448\0\0", m)), Fq.Encode(Suite.H2(m)));
            Assert.NotEqual(Reduce(Shake256("FROST-ED448-SHAKE256-v1chal", m)), Fq.Encode(Suite.H2(m)));
        }
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(VectorFiles))]
    public void GroupPublicKey_IsTheGroupSecretKeyTimesB_AndSharesLieOnThePolynomial(string file)
    {
        FrostVector v = FrostVector.Load(file);
        Assert.Equal(v.GroupPublicKey, G.SerializeElement(G.MultiplyBase(v.GroupSecretKey)));

        // Shamir shares: f(i) = s + sum_j a_j i^j (RFC 9591 Appendix C.1).
        foreach ((int id, Scalar share) in v.Shares)
        {
            Scalar x = Fq.FromUInt64((ulong)id);
            Scalar value = Fq.Zero;
            for (int j = v.Coefficients.Count - 1; j >= 0; j--)
            {
                value = Fq.Multiply(Fq.Add(value, v.Coefficients[j]), x);
            }

            Assert.True(Fq.Equal(Fq.Add(value, v.GroupSecretKey), share));
        }
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(VectorFiles))]
    public void RoundOne_NoncesAndCommitments_FollowFromTheRandomnessAndTheShare(string file)
    {
        FrostVector v = FrostVector.Load(file);
        Assert.NotEmpty(v.RoundOne);
        foreach (JsonElement output in v.RoundOne)
        {
            int id = output.GetProperty("identifier").GetInt32();
            byte[] shareEncoded = Fq.Encode(v.Shares[id]);

            // RFC 9591 §4.1 nonce_generate: H3(random_bytes || SerializeScalar(secret)).
            foreach (string kind in new[] { "hiding", "binding" })
            {
                byte[] randomness = Bytes(output, kind + "_nonce_randomness");
                Scalar nonce = Suite.H3([.. randomness, .. shareEncoded]);
                Assert.Equal(Bytes(output, kind + "_nonce"), Fq.Encode(nonce));
                Assert.Equal(Bytes(output, kind + "_nonce_commitment"), G.SerializeElement(G.MultiplyBase(nonce)));
            }
        }
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(VectorFiles))]
    public void BindingFactors_AreH1OfTheirInputs_BuiltFromH4AndH5(string file)
    {
        FrostVector v = FrostVector.Load(file);

        // RFC 9591 §4.3: encoded commitment list, then PK || H4(msg) || H5(list) || SerializeScalar(id).
        byte[] commitmentList = v.RoundOne
            .SelectMany(o => Fq.Encode(Fq.FromUInt64((ulong)o.GetProperty("identifier").GetInt32()))
                .Concat(Bytes(o, "hiding_nonce_commitment"))
                .Concat(Bytes(o, "binding_nonce_commitment")))
            .ToArray();
        byte[] prefix = [.. v.GroupPublicKey, .. Suite.H4(v.Message), .. Suite.H5(commitmentList)];

        foreach (JsonElement output in v.RoundOne)
        {
            int id = output.GetProperty("identifier").GetInt32();
            byte[] input = Bytes(output, "binding_factor_input");
            byte[] expectedInput = [.. prefix, .. Fq.Encode(Fq.FromUInt64((ulong)id))];
            Assert.Equal(expectedInput, input);
            Assert.Equal(Bytes(output, "binding_factor"), Fq.Encode(Suite.H1(input)));
        }
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(VectorFiles))]
    public void SignatureShares_AndTheSignature_FollowFromH2AndTheGroup(string file)
    {
        FrostVector v = FrostVector.Load(file);
        GroupElement publicKey = Deserialize(v.GroupPublicKey);
        int[] ids = v.RoundOne.Select(o => o.GetProperty("identifier").GetInt32()).ToArray();

        // RFC 9591 §4.5 group commitment R = sum (D_i + rho_i E_i), §4.6 challenge c = H2(R || PK || msg).
        var scalars = new List<Scalar>();
        var elements = new List<GroupElement>();
        foreach (JsonElement output in v.RoundOne)
        {
            scalars.Add(Fq.One);
            elements.Add(Deserialize(Bytes(output, "hiding_nonce_commitment")));
            scalars.Add(Fq.Decode(Bytes(output, "binding_factor"), "binding factor"));
            elements.Add(Deserialize(Bytes(output, "binding_nonce_commitment")));
        }

        GroupElement commitment = G.MultiScalarMultiplyVartime(scalars.ToArray(), elements.ToArray());
        byte[] commitmentEncoded = G.SerializeElement(commitment);
        Scalar challenge = Suite.H2([.. commitmentEncoded, .. v.GroupPublicKey, .. v.Message]);

        // RFC 9591 §5.2: z_i = d_i + e_i rho_i + lambda_i s_i c; §5.3: z = sum z_i; signature R || z.
        Scalar z = Fq.Zero;
        foreach (JsonElement output in v.RoundOne)
        {
            int id = output.GetProperty("identifier").GetInt32();
            Scalar hiding = Fq.Decode(Bytes(output, "hiding_nonce"), "hiding nonce");
            Scalar binding = Fq.Decode(Bytes(output, "binding_nonce"), "binding nonce");
            Scalar rho = Fq.Decode(Bytes(output, "binding_factor"), "binding factor");
            Scalar lambda = Lagrange(id, ids);
            Scalar share = Fq.Add(Fq.Add(hiding, Fq.Multiply(binding, rho)), Fq.Multiply(Fq.Multiply(lambda, v.Shares[id]), challenge));
            Assert.Equal(v.SignatureShares[id], Fq.Encode(share));

            // The coordinator's share check (RFC 9591 §5.4): z_i B = D_i + rho_i E_i + (c lambda_i) PK_i.
            GroupElement expected = G.Add(
                G.Add(Deserialize(Bytes(output, "hiding_nonce_commitment")), G.MultiplyVartime(Deserialize(Bytes(output, "binding_nonce_commitment")), rho)),
                G.MultiplyVartime(G.MultiplyBase(v.Shares[id]), Fq.Multiply(challenge, lambda)));
            Assert.True(G.ElementEquals(G.MultiplyBase(share), expected));
            z = Fq.Add(z, share);
        }

        byte[] signature = [.. commitmentEncoded, .. Fq.Encode(z)];
        Assert.Equal(v.Signature, signature);
        Assert.True(G.ElementEquals(G.MultiplyBase(z), G.Add(commitment, G.MultiplyVartime(publicKey, challenge))));
    }

    [Theory]
    [Trait("Category", "KnownAnswer")]
    [MemberData(nameof(VectorFiles))]
    public void FinalSignature_VerifiesAsAnEd448Signature_WithBouncyCastle(string file)
    {
        FrostVector v = FrostVector.Load(file);
        Assert.Equal(114, v.Signature.Length);
        Assert.True(BcEd448.Verify(v.Signature, v.GroupPublicKey, [], v.Message));

        byte[] altered = (byte[])v.Signature.Clone();
        altered[100] ^= 0x04;
        Assert.False(BcEd448.Verify(altered, v.GroupPublicKey, [], v.Message));
        Assert.False(BcEd448.Verify(v.Signature, v.GroupPublicKey, [], [.. v.Message, 0x00]));
    }

    private static GroupElement Deserialize(byte[] encoded)
    {
        Assert.True(G.TryDeserializeElement(encoded, out GroupElement element));
        return element;
    }

    // lambda_i = prod_{j != i} x_j / (x_j - x_i) (RFC 9591 §4.2, evaluated at 0).
    private static Scalar Lagrange(int id, int[] ids)
    {
        Scalar numerator = Fq.One;
        Scalar denominator = Fq.One;
        Scalar xi = Fq.FromUInt64((ulong)id);
        foreach (int other in ids.Where(j => j != id))
        {
            Scalar xj = Fq.FromUInt64((ulong)other);
            numerator = Fq.Multiply(numerator, xj);
            denominator = Fq.Multiply(denominator, Fq.Subtract(xj, xi));
        }

        return Fq.Multiply(numerator, Fq.Invert(denominator));
    }

    private static byte[] Bytes(JsonElement element, string name) => Hex.Decode(element.GetProperty(name).GetString()!);

    private static byte[] Shake256(string prefix, byte[] m)
    {
        var xof = new ShakeDigest(256);
        byte[] p = Encoding.ASCII.GetBytes(prefix);
        xof.BlockUpdate(p, 0, p.Length);
        xof.BlockUpdate(m, 0, m.Length);
        byte[] output = new byte[114];
        xof.OutputFinal(output, 0, output.Length);
        return output;
    }

    // The 114-byte digest as a little-endian integer mod L, encoded as 57 little-endian bytes.
    private static byte[] Reduce(byte[] digest)
    {
        var value = new System.Numerics.BigInteger(digest, isUnsigned: true, isBigEndian: false);
        byte[] encoded = new byte[57];
        (value % Ed448Group.Order).TryWriteBytes(encoded, out _, isUnsigned: true, isBigEndian: false);
        return encoded;
    }

    /// <summary>One FROST vector file: the RFC 9591 layout (the Zcash files name the public key verifying_key_key).</summary>
    private sealed class FrostVector
    {
        private FrostVector(JsonDocument doc)
        {
            JsonElement inputs = doc.RootElement.GetProperty("inputs");
            GroupSecretKey = Fq.Decode(Bytes(inputs, "group_secret_key"), "group secret key");
            GroupPublicKey = Bytes(inputs, inputs.TryGetProperty("group_public_key", out _) ? "group_public_key" : "verifying_key_key");
            Message = Bytes(inputs, "message");
            Coefficients = inputs.GetProperty("share_polynomial_coefficients").EnumerateArray()
                .Select(c => Fq.Decode(Hex.Decode(c.GetString()!), "coefficient")).ToList();
            Shares = inputs.GetProperty("participant_shares").EnumerateArray().ToDictionary(
                s => s.GetProperty("identifier").GetInt32(),
                s => Fq.Decode(Bytes(s, "participant_share"), "participant share"));
            RoundOne = doc.RootElement.GetProperty("round_one_outputs").GetProperty("outputs").EnumerateArray().Select(o => o.Clone()).ToList();
            SignatureShares = doc.RootElement.GetProperty("round_two_outputs").GetProperty("outputs").EnumerateArray().ToDictionary(
                s => s.GetProperty("identifier").GetInt32(),
                s => Bytes(s, "sig_share"));
            Signature = Bytes(doc.RootElement.GetProperty("final_output"), "sig");
        }

        internal Scalar GroupSecretKey { get; }

        internal byte[] GroupPublicKey { get; }

        internal byte[] Message { get; }

        internal List<Scalar> Coefficients { get; }

        internal Dictionary<int, Scalar> Shares { get; }

        internal List<JsonElement> RoundOne { get; }

        internal Dictionary<int, byte[]> SignatureShares { get; }

        internal byte[] Signature { get; }

        internal static FrostVector Load(string manifestPath)
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(FintechCrypto.Testing.VectorFiles.Resolve(manifestPath)));
            return new FrostVector(doc);
        }
    }
}
