using System;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>The KEM operations over every KEM parameter set (<see cref="Registry.KemNames"/>): ML-KEM-512/768/1024 and X-Wing.</summary>
public sealed class KemFamilyContractTests
{
    [Theory]
    [MemberData(nameof(Registry.KemNames), MemberType = typeof(Registry))]
    public void TooSmallDestinations_AreArgumentExceptionsNamingTheParameter(string name)
    {
        KemAlgorithm algorithm = Registry.Kem(name);
        DecapsulationKey key = Registry.SharedKey(algorithm);
        EncapsulationKey publicKey = key.EncapsulationKey;
        int c = algorithm.CiphertextSize, s = algorithm.SharedSecretSize;
        Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => publicKey.Encapsulate(new byte[c - 1], new byte[s])).ParamName);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => publicKey.Encapsulate(new byte[c], new byte[s - 1])).ParamName);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => key.Decapsulate(new byte[c], new byte[s - 1])).ParamName);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => key.Decapsulate(new byte[c], Span<byte>.Empty)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.KemNames), MemberType = typeof(Registry))]
    public void SharedSecretOverlappingTheCiphertext_IsRefused(string name)
    {
        KemAlgorithm algorithm = Registry.Kem(name);
        DecapsulationKey key = Registry.SharedKey(algorithm);
        int c = algorithm.CiphertextSize, s = algorithm.SharedSecretSize;
        byte[] buffer = new byte[c + s];
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => key.EncapsulationKey.Encapsulate(buffer.AsSpan(0, c), buffer.AsSpan(c - 1, s))).ParamName);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => key.Decapsulate(buffer.AsSpan(s / 2, c), buffer.AsSpan(0, s))).ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.KemNames), MemberType = typeof(Registry))]
    public void EncapsulationKey_FromEveryPublicEncoding_ReachesTheSameDecapsulationKey(string name)
    {
        KemAlgorithm algorithm = Registry.Kem(name);
        DecapsulationKey key = Registry.SharedKey(algorithm);
        foreach (KeyBlobFormat format in ContractFormats.Public)
        {
            using EncapsulationKey imported = EncapsulationKey.Import(algorithm, key.EncapsulationKey.Export(format), format);
            byte[] ciphertext = imported.Encapsulate(out byte[] secret);
            Assert.Equal(secret, key.Decapsulate(ciphertext));
        }
    }

    [Theory]
    [MemberData(nameof(Registry.KemNames), MemberType = typeof(Registry))]
    public void Decapsulate_AnyBytes_GivesASecretOrAnArgumentExceptionForTheLength(string name)
    {
        KemAlgorithm algorithm = Registry.Kem(name);
        DecapsulationKey key = Registry.SharedKey(algorithm);
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), (byte[] garbage) =>
        {
            garbage ??= Array.Empty<byte>();
            Assert.Equal("ciphertext", Assert.Throws<ArgumentException>(() => key.Decapsulate(garbage)).ParamName);
            byte[] sized = new byte[algorithm.CiphertextSize];
            garbage.AsSpan(0, Math.Min(garbage.Length, sized.Length)).CopyTo(sized);
            Assert.Equal(algorithm.SharedSecretSize, key.Decapsulate(sized).Length);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }
}
