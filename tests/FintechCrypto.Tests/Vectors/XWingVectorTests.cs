using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FintechCrypto.Testing;
using Xunit;

namespace FintechCrypto.Tests.Vectors;

/// <summary>
/// The X-Wing draft's test vectors (draft-connolly-cfrg-xwing-kem spec/test-vectors.json, through the manifest):
/// the private key sk (= seed) gives pk; Encapsulate(pk, eseed) gives ct and ss; Decapsulate(sk, ct) gives ss.
/// </summary>
[Trait("Category", "KnownAnswer")]
public sealed class XWingVectorTests
{
    private const string ManifestPath = "xwing/test-vectors.json";

    public static TheoryData<int> Indices => new() { 0, 1, 2 };

    [Fact]
    public void TheFileHoldsThreeVectors()
    {
        Assert.Equal(3, Load().Count);
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void KeyGeneration_FromTheSeed_GivesThePublicKey(int index)
    {
        Dictionary<string, byte[]> v = Load()[index];
        Assert.Equal(v["seed"], v["sk"]); // in this revision the private key is the seed itself

        using DecapsulationKey key = DecapsulationKey.Import(KemAlgorithm.XWing, v["seed"], KeyBlobFormat.PrivateKeySeed);
        Assert.Equal(v["pk"], key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey));
        Assert.Equal(v["sk"], key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Equal(v["sk"], key.Export(KeyBlobFormat.PrivateKeySeed));
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void Encapsulation_WithTheVectorsSeed_GivesCiphertextAndSharedSecret(int index)
    {
        Dictionary<string, byte[]> v = Load()[index];
        using EncapsulationKey pk = EncapsulationKey.Import(KemAlgorithm.XWing, v["pk"], KeyBlobFormat.RawPublicKey);

        Assert.Equal(64, KemTesting.RandomnessSize(pk));
        byte[] ct = KemTesting.EncapsulateDeterministicForTesting(pk, v["eseed"], out byte[] ss);
        Assert.Equal(v["ct"], ct);
        Assert.Equal(v["ss"], ss);
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void Decapsulation_GivesTheSharedSecret(int index)
    {
        Dictionary<string, byte[]> v = Load()[index];
        using DecapsulationKey key = DecapsulationKey.Import(KemAlgorithm.XWing, v["sk"], KeyBlobFormat.RawPrivateKey);
        Assert.Equal(v["ss"], key.Decapsulate(v["ct"]));

        // Another ciphertext (one bit of the X25519 part changed) gives another secret, not an error.
        byte[] other = (byte[])v["ct"].Clone();
        other[^1] ^= 0x01;
        Assert.NotEqual(v["ss"], key.Decapsulate(other));
    }

    private static List<Dictionary<string, byte[]>> Load()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(VectorFiles.Resolve(ManifestPath)));
        return doc.RootElement.EnumerateArray()
            .Select(v => v.EnumerateObject().ToDictionary(p => p.Name, p => Hex.Decode(p.Value.GetString()!)))
            .ToList();
    }
}
