// FrostTrustedDealerResult: what a trusted dealer hands out (RFC 9591 Appendix C trusted_dealer_keygen outputs:
// participant_private_keys, group_public_key, vss_commitment; plus derive_group_info's participant public keys).

using System;
using System.Collections.Generic;

namespace FintechCrypto.Threshold;

/// <summary>
/// The output of <see cref="FrostTrustedDealer"/>: one secret share per participant, the VSS commitment, and the
/// group's public key package.
/// </summary>
/// <remarks>Holds every secret share: send each to its participant, then dispose this object.</remarks>
public sealed class FrostTrustedDealerResult : IDisposable
{
    private readonly FrostSecretShare[] _secretShares;

    internal FrostTrustedDealerResult(IEnumerable<FrostSecretShare> secretShares, FrostVssCommitment commitment, FrostPublicKeyPackage publicKeyPackage)
    {
        _secretShares = [.. secretShares];
        Commitment = commitment;
        PublicKeyPackage = publicKeyPackage;
    }

    /// <summary>The participants' secret shares, in the order of the identifiers the dealer was given (or 1..n).</summary>
    public IReadOnlyList<FrostSecretShare> SecretShares => _secretShares;

    /// <summary>The VSS commitment to the sharing polynomial; its first element is the group verifying key.</summary>
    public FrostVssCommitment Commitment { get; }

    /// <summary>The verifying shares and group verifying key, for the coordinator and verifiers.</summary>
    public FrostPublicKeyPackage PublicKeyPackage { get; }

    /// <summary>Disposes every secret share.</summary>
    public void Dispose()
    {
        foreach (FrostSecretShare share in _secretShares)
        {
            share.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"FrostTrustedDealerResult({PublicKeyPackage.Ciphersuite.Name}, {PublicKeyPackage.MinSigners} of {PublicKeyPackage.MaxSigners}, <redacted>)";
}
