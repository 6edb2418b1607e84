using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Threshold;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FintechCrypto.Tests.Threshold;

/// <summary>
/// FROST end to end, for every suite, on FsCheck-chosen group sizes, thresholds, signer subsets and corruptions
/// (frost-core's generic check_sign / check_sign_with_* tests): a t-subset or larger of any t-of-n dealer sharing
/// signs validly, t - 1 signers are refused, corrupted shares are named in Culprits, nonces cannot be reused.
/// </summary>
public sealed class FrostProtocolProperties
{
    private static FrostCiphersuite SuiteFor(byte selector) => FrostTestSuites.All[selector % FrostTestSuites.All.Length].Suite;

    // n in 2..6, t in 2..n, a random signer set of size k in [t, n] chosen with the seed.
    private static (int N, int T, int[] Signers) Shape(byte nSelector, byte tSelector, int seed, bool exactlyThreshold)
    {
        int n = 2 + (nSelector % 5);
        int t = 2 + (tSelector % (n - 1));
        var random = new Random(seed);
        int k = exactlyThreshold ? t : random.Next(t, n + 1);
        int[] signers = [.. Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(k)];
        return (n, t, signers);
    }

    private sealed class Session : IDisposable
    {
        internal Session(FrostCiphersuite suite, int n, int t, bool derivedIdentifiers)
        {
            IReadOnlyList<FrostIdentifier> ids = derivedIdentifiers
                ? [.. Enumerable.Range(0, n).Select(i => FrostIdentifier.Derive(suite, System.Text.Encoding.UTF8.GetBytes($"participant-{i}@bank.example")))]
                : [.. Enumerable.Range(1, n).Select(i => FrostIdentifier.FromInteger(suite, (ulong)i))];
            Dealt = FrostTrustedDealer.Generate(suite, t, ids);
            KeyPackages = [.. Dealt.SecretShares.Select(s => s.ToKeyPackage())];
        }

        internal FrostTrustedDealerResult Dealt { get; }

        internal FrostKeyPackage[] KeyPackages { get; }

        internal FrostPublicKeyPackage PublicKeys => Dealt.PublicKeyPackage;

        internal (FrostSigningPackage Package, Dictionary<FrostIdentifier, FrostSigningNonces> Nonces) RoundOne(int[] signers, byte[] message)
        {
            var nonces = new Dictionary<FrostIdentifier, FrostSigningNonces>();
            var commitments = new Dictionary<FrostIdentifier, FrostSigningCommitments>();
            foreach (int s in signers)
            {
                (FrostSigningNonces n, FrostSigningCommitments c) = FrostParticipant.Commit(KeyPackages[s]);
                nonces[KeyPackages[s].Identifier] = n;
                commitments[KeyPackages[s].Identifier] = c;
            }

            return (new FrostSigningPackage(commitments, message), nonces);
        }

        internal Dictionary<FrostIdentifier, FrostSignatureShare> RoundTwo(FrostSigningPackage package, Dictionary<FrostIdentifier, FrostSigningNonces> nonces)
        {
            var shares = new Dictionary<FrostIdentifier, FrostSignatureShare>();
            foreach (FrostKeyPackage kp in KeyPackages)
            {
                if (nonces.TryGetValue(kp.Identifier, out FrostSigningNonces? n))
                {
                    shares[kp.Identifier] = FrostParticipant.Sign(package, n, kp);
                }
            }

            return shares;
        }

        public void Dispose()
        {
            foreach (FrostKeyPackage kp in KeyPackages)
            {
                kp.Dispose();
            }

            Dealt.Dispose();
        }
    }

    [Property(MaxTest = 30)]
    public void AnySubsetOfAtLeastTSigners_SignsValidly(byte suiteSelector, byte nSelector, byte tSelector, int seed, bool derivedIdentifiers, byte[] message)
    {
        message ??= [];
        FrostCiphersuite suite = SuiteFor(suiteSelector);
        (int n, int t, int[] signers) = Shape(nSelector, tSelector, seed, exactlyThreshold: (seed & 1) == 0);
        using var session = new Session(suite, n, t, derivedIdentifiers);

        (FrostSigningPackage package, Dictionary<FrostIdentifier, FrostSigningNonces> nonces) = session.RoundOne(signers, message);
        Dictionary<FrostIdentifier, FrostSignatureShare> shares = session.RoundTwo(package, nonces);
        byte[] signature = FrostCoordinator.Aggregate(package, shares, session.PublicKeys);

        Assert.Equal(suite.SignatureLength, signature.Length);
        Assert.True(session.PublicKeys.Verify(message, signature));
        Assert.True(suite.Verify(session.PublicKeys.GroupVerifyingKey.Span, message, signature));
        byte[] tampered = (byte[])signature.Clone();
        tampered[^1] ^= 1;
        Assert.False(suite.Verify(session.PublicKeys.GroupVerifyingKey.Span, message, tampered));
        Assert.False(suite.Verify(session.PublicKeys.GroupVerifyingKey.Span, [.. message, 1], signature));
    }

    [Property(MaxTest = 20)]
    public void TMinusOneSigners_AreRefused(byte suiteSelector, byte nSelector, byte tSelector, int seed)
    {
        FrostCiphersuite suite = SuiteFor(suiteSelector);
        (int n, int t, int[] signers) = Shape(nSelector, tSelector, seed, exactlyThreshold: true);
        using var session = new Session(suite, n, t, derivedIdentifiers: false);
        int[] tooFew = signers[..(t - 1)];
        (FrostSigningPackage package, Dictionary<FrostIdentifier, FrostSigningNonces> nonces) = session.RoundOne(tooFew, [1, 2, 3]);

        foreach (int s in tooFew)
        {
            FrostKeyPackage kp = session.KeyPackages[s];
            Assert.Throws<FrostProtocolException>(() => FrostParticipant.Sign(package, nonces[kp.Identifier], kp));
        }

        // Shares made by a package that claims more signers cannot be passed off either: aggregation counts signers.
        var fakeShares = tooFew.ToDictionary(s => session.KeyPackages[s].Identifier, _ => new FrostSignatureShare(suite, suite.Suite.Scalars.One));
        FrostProtocolException e = Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, fakeShares, session.PublicKeys));
        Assert.Empty(e.Culprits);
    }

    [Property(MaxTest = 25)]
    public void CorruptedShares_AreNamedInCulprits(byte suiteSelector, byte nSelector, byte tSelector, int seed)
    {
        FrostCiphersuite suite = SuiteFor(suiteSelector);
        (int n, int t, int[] signers) = Shape(nSelector, tSelector, seed, exactlyThreshold: false);
        using var session = new Session(suite, n, t, derivedIdentifiers: false);
        (FrostSigningPackage package, Dictionary<FrostIdentifier, FrostSigningNonces> nonces) = session.RoundOne(signers, [9, 9]);
        Dictionary<FrostIdentifier, FrostSignatureShare> shares = session.RoundTwo(package, nonces);

        // Corrupt a non-empty random subset of the shares by adding a random non-zero scalar.
        var random = new Random(seed);
        var corrupted = shares.Keys.Where(_ => random.Next(2) == 0).ToList();
        if (corrupted.Count == 0)
        {
            corrupted.Add(shares.Keys.First());
        }

        ScalarField f = suite.Suite.Scalars;
        foreach (FrostIdentifier id in corrupted)
        {
            shares[id] = new FrostSignatureShare(suite, f.Add(shares[id].Share, f.RandomNonZero()));
            Assert.False(FrostCoordinator.VerifySignatureShare(id, shares[id], package, session.PublicKeys));
        }

        FrostProtocolException e = Assert.Throws<FrostProtocolException>(() => FrostCoordinator.Aggregate(package, shares, session.PublicKeys));
        Assert.Equal(corrupted.Order(), e.Culprits);
        foreach (FrostIdentifier id in shares.Keys.Except(corrupted))
        {
            Assert.True(FrostCoordinator.VerifySignatureShare(id, shares[id], package, session.PublicKeys));
        }
    }

    [Property(MaxTest = 10)]
    public void Nonces_CannotBeReused(byte suiteSelector, int seed)
    {
        FrostCiphersuite suite = SuiteFor(suiteSelector);
        (int n, int t, int[] signers) = Shape(3, 0, seed, exactlyThreshold: true);
        using var session = new Session(suite, n, t, derivedIdentifiers: false);
        (FrostSigningPackage package, Dictionary<FrostIdentifier, FrostSigningNonces> nonces) = session.RoundOne(signers, [1]);
        FrostKeyPackage first = session.KeyPackages[signers[0]];
        FrostSigningNonces firstNonces = nonces[first.Identifier];

        Assert.False(firstNonces.IsConsumed);
        FrostParticipant.Sign(package, firstNonces, first);
        Assert.True(firstNonces.IsConsumed);
        Assert.Throws<InvalidOperationException>(() => FrostParticipant.Sign(package, firstNonces, first));

        // A second package for another message with the same nonces: still refused.
        var other = new FrostSigningPackage(package.Identifiers.Select(id => KeyValuePair.Create(id, package.GetCommitments(id)!)), [2]);
        Assert.Throws<InvalidOperationException>(() => FrostParticipant.Sign(other, firstNonces, first));

        // Disposed nonces are spent too.
        FrostKeyPackage second = session.KeyPackages[signers[1]];
        nonces[second.Identifier].Dispose();
        Assert.Throws<InvalidOperationException>(() => FrostParticipant.Sign(package, nonces[second.Identifier], second));
    }
}
