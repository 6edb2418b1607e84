using System.IO;
using System.Linq;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Vectors;

/// <summary>Every Wycheproof file of the manifest, run through the public API by <see cref="WycheproofRunner"/>.</summary>
[Trait("Category", "KnownAnswer")]
public sealed class WycheproofVectorTests
{
    /// <summary>The classical files the issue requires: all must run, with no failure and at most 5% skipped.</summary>
    private static readonly string[] s_requiredClassical =
    {
        "ed25519_test.json", "x25519_test.json", "ecdh_secp256r1_test.json",
        "ecdsa_secp256r1_sha256_test.json", "ecdsa_secp256r1_sha256_p1363_test.json",
        "aes_gcm_test.json", "chacha20_poly1305_test.json", "hkdf_sha256_test.json", "hkdf_sha384_test.json",
        "hmac_sha256_test.json", "hmac_sha384_test.json",
        "rsa_pss_2048_sha256_mgf1_0_test.json", "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha256_mgf1_32_test.json", "rsa_pss_4096_sha384_mgf1_48_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json", "rsa_pss_misc_test.json",
    };

    [Theory]
    [MemberData(nameof(VectorSets.ClassicalWycheproof), MemberType = typeof(VectorSets))]
    public void ClassicalFilePassesWithoutFailures(string manifestPath)
    {
        string path = VectorFiles.Resolve(manifestPath);
        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(path, log);

        Assert.True(result.Failed == 0, $"{result.Failed} failure(s) in {manifestPath}:\n{log}");
        Assert.True(result.Passed > 0, $"nothing passed in {manifestPath}:\n{log}");
        Assert.True(result.Skipped * 20 <= result.Total, $"{result.Skipped} of {result.Total} cases skipped (more than 5%) in {manifestPath}:\n{log}");
        Assert.Equal(VectorSets.NumberOfTests(path), result.Total);
        Assert.Equal(result.Total, result.Groups.Sum(g => g.Passed + g.Failed + g.Skipped));
    }

    [Theory]
    [MemberData(nameof(VectorSets.PostQuantumWycheproof), MemberType = typeof(VectorSets))]
    public void PendingPostQuantumFileRunsOrSkipsWithTheIssue(string manifestPath)
    {
        string path = VectorFiles.Resolve(manifestPath);
        var log = new StringWriter();
        VectorRunResult result = WycheproofRunner.Run(path, log);

        Assert.True(result.Failed == 0, $"{result.Failed} failure(s) in {manifestPath}:\n{log}");
        Assert.Equal(VectorSets.NumberOfTests(path), result.Total);
        if (result.Passed == 0)
        {
            // Not implemented yet: every case is skipped and the log names the issue that adds the family.
            Assert.Equal(result.Total, result.Skipped);
            Assert.Matches(@"(ML-DSA|SLH-DSA) is not implemented yet \(issue 4\)", log.ToString());
        }
    }

    [Fact]
    public void EveryRequiredClassicalFileIsInTheManifest()
    {
        string[] classical = VectorSets.ClassicalWycheproofPaths().Select(p => Path.GetFileName(p)).ToArray();
        Assert.All(s_requiredClassical, name => Assert.Contains(name, classical));
    }
}
