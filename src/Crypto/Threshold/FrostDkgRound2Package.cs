// FrostDkgRound2Package: what DKG participant i sends participant l after part 2: the share f_i(l) of its secret
// polynomial (frost-core keys/dkg.rs round2::Package). Also the round-2 message of a DKG share refresh.
//
// References: FROST paper (eprint 2020/852) Figure 1, round 2 step 1; frost-core round2::Package; docs/frost-keygen.md.
// Wire format: header(type 11) || f_i(l) (Ns). JSON: { header, "signing_share": hex }.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG round-2 package: the secret share f_i(l) that participant i computed for participant l in
/// <see cref="FrostDkg.Part2"/> (or <see cref="FrostRefresh.DkgPart2"/>). Participant l passes the packages it
/// received, keyed by sender, to <see cref="FrostDkg.Part3"/>, which checks each against its sender's commitment.
/// </summary>
/// <remarks>
/// The package carries no identifiers: the recipient files it under the authenticated sender it came from.
/// Holds a secret: dispose it when done; <see cref="ToString"/> never shows it. <see cref="FrostMessage{TSelf}.ToBytes"/> and
/// <see cref="FrostMessage{TSelf}.ToJson"/> carry the secret too: send them only over a confidential, authenticated channel.
/// </remarks>
public sealed class FrostDkgRound2Package : FrostMessage<FrostDkgRound2Package>, IDisposable
{
    internal const string What = "FROST DKG round-2 package";
    private readonly SecretScalar _value;

    internal FrostDkgRound2Package(FrostCiphersuite ciphersuite, in Scalar value)
    {
        Ciphersuite = ciphersuite;
        _value = new SecretScalar(ciphersuite.Suite.Scalars, value, this);
    }

    /// <summary>The ciphersuite.</summary>
    public override FrostCiphersuite Ciphersuite { get; }

    internal bool IsDisposed => _value.IsDisposed;

    /// <summary>Clears the secret.</summary>
    public void Dispose() => _value.Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type and suite.</returns>
    public override string ToString() => $"FrostDkgRound2Package({Ciphersuite.Name}, <redacted>)";

    /// <summary>The secret scalar; the caller clears the copy.</summary>
    internal Scalar GetValue() => _value.Get();

    internal override void WriteFields(FrostFieldWriter writer)
        => writer.SecretScalar("signing_share", _value);

    internal static FrostDkgRound2Package ReadFields(FrostFieldReader reader)
    {
        Scalar value = reader.Scalar("signing_share");
        try
        {
            return new(reader.Ciphersuite, value);
        }
        finally
        {
            value.Clear();
        }
    }
}
