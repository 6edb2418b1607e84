using System;
using FintechCrypto.Testing;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>FintechCrypto.Testing.FrostTesting: the dealer with given coefficients, and its argument checks.</summary>
public sealed class FrostTestingTests
{
    // RFC 9591 Appendix E.1, FROST(Ed25519, SHA-512).
    private const string Secret = "7b1c33d3f5291d85de664833beb1ad469f7fb6025a0ec78b3a790c6e13a98304";
    private const string Coefficient = "178199860edd8c62f5212ee91eff1295d0d670ab4ed4506866bae57e7030b204";

    [Fact]
    [Trait("Category", "KnownAnswer")]
    public void SplitWithCoefficients_GivesTheRfcGroupKeyAndThreshold()
    {
        using FrostTrustedDealerResult dealt = FrostTesting.SplitWithCoefficientsForTesting(FrostCiphersuite.Ed25519, Hex.Decode(Secret), [Hex.Decode(Coefficient)], 3);
        Assert.Equal("15d21ccd7ee42959562fc8aa63224c8851fb3ec85a3faf66040d380fb9738673", Hex.Encode(dealt.PublicKeyPackage.GroupVerifyingKey.Span));
        Assert.Equal(2, dealt.PublicKeyPackage.MinSigners);
        Assert.Equal(3, dealt.SecretShares.Count);
        Assert.All(dealt.SecretShares, s => Assert.True(s.Verify()));
    }

    [Fact]
    public void SplitWithCoefficients_RefusesBadArguments()
    {
        byte[] secret = Hex.Decode(Secret);
        byte[] coefficient = Hex.Decode(Coefficient);
        FrostCiphersuite suite = FrostCiphersuite.Ed25519;
        Assert.Throws<ArgumentNullException>(() => FrostTesting.SplitWithCoefficientsForTesting(null!, secret, [coefficient], 3));
        Assert.Throws<ArgumentNullException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, null!, 3));
        Assert.Throws<ArgumentNullException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, [null!], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, [], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, [coefficient, coefficient, coefficient], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, [coefficient], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, [coefficient], 65536));
        Assert.Throws<InvalidKeyEncodingException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, new byte[32], [coefficient], 3));
        Assert.ThrowsAny<FintechCryptoException>(() => FrostTesting.SplitWithCoefficientsForTesting(suite, secret, [new byte[31]], 3));
    }
}
