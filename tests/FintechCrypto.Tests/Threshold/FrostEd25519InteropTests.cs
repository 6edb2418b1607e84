using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using FintechCrypto.Tests.Interop;
using FintechCrypto.Threshold;
using Xunit;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// FROST(Ed25519, SHA-512) group signatures are RFC 8032 Ed25519 signatures under the group verifying key
/// (RFC 9591 §6.1): three independent verifiers accept them — ours, BouncyCastle's and OpenSSL's — and reject
/// them for another message.
/// </summary>
public sealed class FrostEd25519InteropTests
{
    private static byte[] SignWithFrost(FrostTrustedDealerResult dealt, int[] signers, byte[] message)
    {
        FrostKeyPackage[] keyPackages = [.. dealt.SecretShares.Select(s => s.ToKeyPackage())];
        var nonces = new Dictionary<FrostIdentifier, FrostSigningNonces>();
        var commitments = new Dictionary<FrostIdentifier, FrostSigningCommitments>();
        foreach (int s in signers)
        {
            (FrostSigningNonces n, FrostSigningCommitments c) = FrostParticipant.Commit(keyPackages[s]);
            nonces[keyPackages[s].Identifier] = n;
            commitments[keyPackages[s].Identifier] = c;
        }

        var package = new FrostSigningPackage(commitments, message);
        var shares = new Dictionary<FrostIdentifier, FrostSignatureShare>();
        foreach (int s in signers)
        {
            shares[keyPackages[s].Identifier] = FrostParticipant.Sign(package, nonces[keyPackages[s].Identifier], keyPackages[s]);
        }

        byte[] signature = FrostCoordinator.Aggregate(package, shares, dealt.PublicKeyPackage);
        foreach (FrostKeyPackage kp in keyPackages)
        {
            kp.Dispose();
        }

        return signature;
    }

    [Theory]
    [InlineData(2, 3, new[] { 0, 2 })]
    [InlineData(3, 5, new[] { 4, 1, 3 })]
    [InlineData(7, 10, new[] { 0, 1, 2, 3, 4, 5, 9 })]
    public void GroupSignaturesVerifyAsPlainEd25519(int t, int n, int[] signers)
    {
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(FrostCiphersuite.Ed25519, t, n);
        byte[] groupKey = dealt.PublicKeyPackage.GroupVerifyingKey.ToArray();
        using VerificationKey ours = VerificationKey.Import(SignatureAlgorithm.Ed25519, groupKey, KeyBlobFormat.RawPublicKey);
        for (int i = 0; i < 3; i++)
        {
            byte[] message = RandomNumberGenerator.GetBytes(32 + (i * 100));
            byte[] signature = SignWithFrost(dealt, signers, message);
            Assert.Equal(64, signature.Length);
            Assert.True(ours.Verify(message, signature));
            Assert.True(BcEd25519.Verify(signature, 0, groupKey, 0, message, 0, message.Length));
            Assert.True(FrostCiphersuite.Ed25519.Verify(groupKey, message, signature));
            message[0] ^= 1;
            Assert.False(ours.Verify(message, signature));
            Assert.False(BcEd25519.Verify(signature, 0, groupKey, 0, message, 0, message.Length));
        }
    }

    [Fact]
    public void OpenSslAcceptsAFrostEd25519Signature()
    {
        using FrostTrustedDealerResult dealt = FrostTrustedDealer.Generate(FrostCiphersuite.Ed25519, 2, 3);
        byte[] message = System.Text.Encoding.UTF8.GetBytes("pacs.008 settlement batch 2026-11-27, 2 of 3 treasury officers");
        byte[] signature = SignWithFrost(dealt, [1, 2], message);
        using VerificationKey groupKey = VerificationKey.Import(SignatureAlgorithm.Ed25519, dealt.PublicKeyPackage.GroupVerifyingKey.Span, KeyBlobFormat.RawPublicKey);

        using var ossl = new OpenSsl();
        ossl.Write("pub.pem", groupKey.Export(KeyBlobFormat.PemSubjectPublicKeyInfo));
        ossl.Write("msg.bin", message);
        ossl.Write("sig.bin", signature);
        string output = ossl.Ok("pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg.bin", "-sigfile", "sig.bin");
        Assert.Contains("Signature Verified Successfully", output, System.StringComparison.Ordinal);
        message[^1] ^= 1;
        ossl.Write("other.bin", message);
        Assert.NotEqual(0, ossl.Run("pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "other.bin", "-sigfile", "sig.bin").ExitCode);
    }
}
