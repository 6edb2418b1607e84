// DkgRound1Secret: what a DKG participant keeps between part 1 and part 2: its secret polynomial's
// coefficients and their commitment (frost-core keys/dkg.rs round1::SecretPackage, commit 0966bd15).

using System;
using FintechCrypto.Internal.Groups;

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>
/// A participant's state after DKG part 1: identifier, the coefficients a_0..a_{t-1} of its secret polynomial
/// (secret), the commitment [a_k B] and the signer counts. In share refresh a_0 is zero and the commitment's
/// element 0 is the identity.
/// </summary>
internal sealed class DkgRound1Secret : DkgState
{
    internal DkgRound1Secret(Scalar identifier, Scalar[] coefficients, GroupElement[] commitment, int minSigners, int maxSigners)
        : base(identifier, commitment, minSigners, maxSigners)
    {
        Coefficients = coefficients;
    }

    /// <summary>The secret coefficients a_0..a_{t-1}, a_0 first.</summary>
    internal Scalar[] Coefficients { get; }

    /// <summary>Overwrites the coefficients with zeros.</summary>
    internal void Clear() => Array.Clear(Coefficients);

    /// <inheritdoc />
    public override string ToString() => "DkgRound1Secret(<redacted>)";
}
