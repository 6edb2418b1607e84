using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FintechCrypto.Threshold;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// Whole public-API runs shared by the DKG, repair and refresh tests: a DKG among given identifiers (every package
/// and secret package passed through its byte or JSON form between parts), and signing with a set of key packages.
/// </summary>
internal static class FrostKeyGenFlows
{
    /// <summary>The result of a DKG run: each participant's key package and public key package, and the broadcasts.</summary>
    internal sealed record DkgRun(
        FrostKeyPackage[] KeyPackages,
        FrostPublicKeyPackage[] PublicKeyPackages,
        Dictionary<FrostIdentifier, FrostDkgRound1Package> Round1) : IDisposable
    {
        public void Dispose()
        {
            foreach (FrostKeyPackage k in KeyPackages)
            {
                k.Dispose();
            }
        }
    }

    /// <summary>Runs FrostDkg among <paramref name="ids"/>; <paramref name="json"/> picks JSON over bytes for the hops.</summary>
    internal static DkgRun RunDkg(FrostIdentifier[] ids, int t, bool json)
    {
        int n = ids.Length;
        var round1Secrets = new FrostDkgRound1SecretPackage[n];
        var round1 = new Dictionary<FrostIdentifier, FrostDkgRound1Package>();
        for (int i = 0; i < n; i++)
        {
            (FrostDkgRound1SecretPackage secret, FrostDkgRound1Package package) = FrostDkg.Part1(ids[i], t, n);
            round1Secrets[i] = Hop(secret, json);
            secret.Dispose();
            round1[ids[i]] = json ? FrostDkgRound1Package.FromJson(package.ToJson()) : FrostDkgRound1Package.FromBytes(package.ToBytes());
            Assert.Equal(package, round1[ids[i]]);
        }

        var round2Secrets = new FrostDkgRound2SecretPackage[n];
        var inbox = ids.ToDictionary(id => id, _ => new Dictionary<FrostIdentifier, FrostDkgRound2Package>());
        for (int i = 0; i < n; i++)
        {
            (FrostDkgRound2SecretPackage secret, IReadOnlyDictionary<FrostIdentifier, FrostDkgRound2Package> packages) =
                FrostDkg.Part2(round1Secrets[i], Others(round1, ids[i]));
            round1Secrets[i].Dispose();
            round2Secrets[i] = Hop(secret, json);
            secret.Dispose();
            Assert.Equal(n - 1, packages.Count);
            foreach ((FrostIdentifier recipient, FrostDkgRound2Package package) in packages)
            {
                inbox[recipient][ids[i]] = json ? FrostDkgRound2Package.FromJson(package.ToJson()) : FrostDkgRound2Package.FromBytes(package.ToBytes());
                package.Dispose();
            }
        }

        var keys = new FrostKeyPackage[n];
        var publics = new FrostPublicKeyPackage[n];
        for (int i = 0; i < n; i++)
        {
            (keys[i], publics[i]) = FrostDkg.Part3(round2Secrets[i], Others(round1, ids[i]), inbox[ids[i]]);
            round2Secrets[i].Dispose();
        }

        return new DkgRun(keys, publics, round1);
    }

    internal static Dictionary<FrostIdentifier, T> Others<T>(Dictionary<FrostIdentifier, T> all, FrostIdentifier me) =>
        all.Where(p => p.Key != me).ToDictionary(p => p.Key, p => p.Value);

    internal static FrostDkgRound1SecretPackage Hop(FrostDkgRound1SecretPackage secret, bool json) =>
        json ? FrostDkgRound1SecretPackage.FromJson(secret.ToJson()) : FrostDkgRound1SecretPackage.FromBytes(secret.ToBytes());

    internal static FrostDkgRound2SecretPackage Hop(FrostDkgRound2SecretPackage secret, bool json) =>
        json ? FrostDkgRound2SecretPackage.FromJson(secret.ToJson()) : FrostDkgRound2SecretPackage.FromBytes(secret.ToBytes());

    /// <summary>Signs a message with the given key packages (two FROST rounds) and returns R || z.</summary>
    internal static byte[] Sign(IReadOnlyList<FrostKeyPackage> signers, FrostPublicKeyPackage publicKeyPackage, string message)
    {
        byte[] msg = Encoding.UTF8.GetBytes(message);
        var nonces = new Dictionary<FrostIdentifier, FrostSigningNonces>();
        var commitments = new Dictionary<FrostIdentifier, FrostSigningCommitments>();
        foreach (FrostKeyPackage k in signers)
        {
            (FrostSigningNonces n, FrostSigningCommitments c) = FrostParticipant.Commit(k);
            nonces[k.Identifier] = n;
            commitments[k.Identifier] = c;
        }

        var signingPackage = new FrostSigningPackage(commitments, msg);
        var shares = signers.ToDictionary(k => k.Identifier, k => FrostParticipant.Sign(signingPackage, nonces[k.Identifier], k));
        return FrostCoordinator.Aggregate(signingPackage, shares, publicKeyPackage);
    }
}
