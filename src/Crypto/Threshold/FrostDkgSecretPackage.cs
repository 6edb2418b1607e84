// FrostDkgSecretPackage: what the two secret packages of a DKG (or of a DKG share refresh) share: the participant's
// identifier, the signer counts and the run's purpose, the header of their encodings (docs/frost-wire.md types 8
// and 10; frost-core keys/dkg.rs round1::SecretPackage, round2::SecretPackage).

using System;
using FintechCrypto.Internal.Frost;
using FintechCrypto.Internal.Frost.Keys;

namespace FintechCrypto.Threshold;

/// <summary>
/// A DKG participant's secret state between two parts: <see cref="FrostDkgRound1SecretPackage"/> or
/// <see cref="FrostDkgRound2SecretPackage"/>.
/// </summary>
/// <typeparam name="TSelf">The package type.</typeparam>
/// <remarks>SECRET: never send it or its encodings; store them encrypted; dispose it after the next part.</remarks>
public abstract class FrostDkgSecretPackage<TSelf> : FrostMessage<TSelf>, IDisposable
    where TSelf : FrostDkgSecretPackage<TSelf>
{
    private protected FrostDkgSecretPackage(KeyGenStateHeader header) => Header = header;

    /// <summary>The ciphersuite.</summary>
    public override FrostCiphersuite Ciphersuite => Identifier.Ciphersuite;

    /// <summary>This participant's identifier.</summary>
    public FrostIdentifier Identifier => Header.Identifier;

    /// <summary>The threshold t.</summary>
    public int MinSigners => Header.MinSigners;

    /// <summary>The number of participants n.</summary>
    public int MaxSigners => Header.MaxSigners;

    /// <summary>True for the state of a share refresh (<see cref="FrostRefresh.DkgPart1"/>), false for a DKG.</summary>
    public bool IsRefresh => Purpose == KeyGenPurpose.Refresh;

    internal KeyGenPurpose Purpose => Header.Purpose;

    internal KeyGenStateHeader Header { get; }

    /// <summary>Clears the secret.</summary>
    public abstract void Dispose();

    /// <summary>A description without the secret.</summary>
    /// <returns>The type, suite, participant and counts.</returns>
    public override string ToString() =>
        $"{typeof(TSelf).Name}({Ciphersuite.Name}, participant {Identifier}, {MinSigners} of {MaxSigners}{(IsRefresh ? ", refresh" : "")}, <redacted>)";
}
