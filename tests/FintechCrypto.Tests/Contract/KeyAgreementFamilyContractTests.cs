using System;
using System.Linq;
using Xunit;

namespace FintechCrypto.Tests.Contract;

/// <summary>The key-agreement operation over every key-agreement parameter set (<see cref="Registry.KeyAgreementNames"/>).</summary>
public sealed class KeyAgreementFamilyContractTests
{
    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void TooSmallDestination_IsArgumentExceptionNamingSharedSecret(string name)
    {
        KeyAgreementAlgorithm algorithm = Registry.KeyAgreement(name);
        KeyAgreementKey key = Registry.SharedKey(algorithm);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => key.Agree(key.PublicKey, new byte[algorithm.SharedSecretSize - 1])).ParamName);
        Assert.Equal("sharedSecret", Assert.Throws<ArgumentException>(() => key.Agree(key.PublicKey, Span<byte>.Empty)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void PeerFromEveryPublicEncoding_GivesTheSameSecret_OnBothSides(string name)
    {
        KeyAgreementAlgorithm algorithm = Registry.KeyAgreement(name);
        KeyAgreementKey bank = Registry.SharedKey(algorithm);
        using KeyAgreementKey processor = KeyAgreementKey.Generate(algorithm);
        byte[] expected = processor.Agree(bank.PublicKey);
        foreach (KeyBlobFormat format in ContractFormats.Public)
        {
            using KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(algorithm, processor.PublicKey.Export(format), format);
            Assert.Equal(expected, bank.Agree(peer));
        }
    }

    [Theory]
    [MemberData(nameof(Registry.KeyAgreementNames), MemberType = typeof(Registry))]
    public void PeerOfAnotherAlgorithm_IsArgumentException_AndADisposedPeerIsObjectDisposed(string name)
    {
        KeyAgreementAlgorithm algorithm = Registry.KeyAgreement(name);
        KeyAgreementKey key = Registry.SharedKey(algorithm);
        KeyAgreementAlgorithm other = Registry.KeyAgreementAlgorithms.First(a => !a.Equals(algorithm));
        Assert.Equal("peer", Assert.Throws<ArgumentException>(() => key.Agree(Registry.SharedKey(other).PublicKey)).ParamName);
        KeyAgreementPublicKey peer = KeyAgreementPublicKey.Import(algorithm, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), KeyBlobFormat.RawPublicKey);
        peer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.Agree(peer));
    }
}
