// Trusted-dealer key generation with a caller-chosen sharing polynomial, exposed for known-answer tests only:
// RFC 9591 Appendix C trusted_dealer_keygen with the secret and coefficients of Appendix E's vectors
// (group_secret_key, share_polynomial_coefficients). Production code calls FrostTrustedDealer.Generate or Split,
// which draw the coefficients from the system's generator (Appendix C: "coefficients = [G.RandomScalar() ...]").

using System;
using System.Collections.Generic;
using FintechCrypto.Threshold;

namespace FintechCrypto.Testing;

/// <summary>
/// TESTING ONLY: FROST trusted-dealer key generation with given polynomial coefficients, so that the RFC 9591
/// Appendix E vectors and <c>fintechcrypto frost dealer --secret --coefficients</c> can reproduce the RFC's shares.
/// Anyone who knows the coefficients knows every share: never use this class outside tests. Use
/// <see cref="FrostTrustedDealer.Generate(FrostCiphersuite, int, int)"/> or
/// <see cref="FrostTrustedDealer.Split(FrostCiphersuite, ReadOnlySpan{byte}, int, int)"/> everywhere else.
/// </summary>
public static class FrostTesting
{
    /// <summary>
    /// TESTING ONLY: shares <paramref name="groupSecretKey"/> among participants 1..<paramref name="maxSigners"/> with
    /// the polynomial f(x) = secret + a_1 x + ... + a_(t-1) x^(t-1) (RFC 9591 Appendix C, C.1), where the threshold t
    /// is the number of coefficients plus one.
    /// </summary>
    /// <param name="ciphersuite">The ciphersuite.</param>
    /// <param name="groupSecretKey">The group secret key: a serialized non-zero scalar.</param>
    /// <param name="coefficients">a_1..a_(t-1), each a serialized scalar (RFC 9591 share_polynomial_coefficients); at least one.</param>
    /// <param name="maxSigners">The number of participants n, at least t and at most 65535.</param>
    /// <returns>The secret shares, the VSS commitment and the public key package; dispose it to clear the shares.</returns>
    /// <exception cref="ArgumentNullException">An argument or coefficient is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not 2 &lt;= t &lt;= n &lt;= 65535.</exception>
    /// <exception cref="InvalidKeyEncodingException">The secret is not a canonical non-zero scalar.</exception>
    /// <exception cref="FintechCryptoException">A coefficient is not a canonical scalar.</exception>
    public static FrostTrustedDealerResult SplitWithCoefficientsForTesting(
        FrostCiphersuite ciphersuite, ReadOnlySpan<byte> groupSecretKey, IReadOnlyList<byte[]> coefficients, int maxSigners)
    {
        ArgumentNullException.ThrowIfNull(ciphersuite);
        ArgumentNullException.ThrowIfNull(coefficients);
        if (maxSigners is < 2 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSigners), "The number of participants is from 2 to 65535.");
        }

        if (coefficients.Count < 1 || coefficients.Count + 1 > maxSigners)
        {
            throw new ArgumentOutOfRangeException(nameof(coefficients), "The threshold (the number of coefficients plus one) is from 2 to the number of participants.");
        }

        foreach (byte[] coefficient in coefficients)
        {
            ArgumentNullException.ThrowIfNull(coefficient, nameof(coefficients));
        }

        var identifiers = new FrostIdentifier[maxSigners];
        for (int i = 0; i < maxSigners; i++)
        {
            identifiers[i] = FrostIdentifier.FromInteger(ciphersuite, (ulong)(i + 1));
        }

        return FrostTrustedDealer.SplitForTesting(ciphersuite, groupSecretKey, coefficients, identifiers);
    }
}
