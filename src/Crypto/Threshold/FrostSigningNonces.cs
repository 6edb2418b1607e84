// FrostSigningNonces: a signer's secret round-one state, the hiding and binding nonces (RFC 9591 §5.1), with the
// commitments to them. Single use: round two consumes and clears them (RFC 9591 §5.1: "nonces ... MUST NOT be
// reused"; reuse with two different binding factors reveals the signing share).
//
// References: RFC 9591 §4.1 (nonce_generate), §5.1 (commit), §5.2 (sign), §7.1 (nonce reuse attacks);
// frost-core round1.rs SigningNonces (ZeroizeOnDrop, "<redacted>").

using System;
using System.Threading;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Frost;

namespace FintechCrypto.Threshold;

/// <summary>
/// A signer's secret nonces for one signing session. Keep them private and pass them to
/// <see cref="FrostParticipant.Sign"/> exactly once: that call clears them, and any later use throws
/// <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>No serialization is offered on purpose: nonces stored and restored are nonces that can be reused.</remarks>
public sealed class FrostSigningNonces : IDisposable
{
    private readonly SecretScalar _hiding;
    private readonly SecretScalar _binding;
    private int _consumed;

    internal FrostSigningNonces(FrostCiphersuite ciphersuite, in Scalar hiding, in Scalar binding, FrostSigningCommitments commitments)
    {
        Ciphersuite = ciphersuite;
        _hiding = new SecretScalar(ciphersuite.Suite.Scalars, hiding, this);
        _binding = new SecretScalar(ciphersuite.Suite.Scalars, binding, this);
        Commitments = commitments;
    }

    /// <summary>The ciphersuite.</summary>
    public FrostCiphersuite Ciphersuite { get; }

    /// <summary>The public commitments to these nonces, which the signer sends the coordinator.</summary>
    public FrostSigningCommitments Commitments { get; }

    /// <summary>True once round two has used the nonces (or they were disposed).</summary>
    public bool IsConsumed => Volatile.Read(ref _consumed) != 0;

    /// <summary>
    /// Takes the nonces for round two exactly once; clears them from this object. The caller clears the copies.
    /// </summary>
    /// <exception cref="InvalidOperationException">The nonces were already used or disposed.</exception>
    internal (Scalar Hiding, Scalar Binding) Consume()
    {
        if (Interlocked.Exchange(ref _consumed, 1) != 0)
        {
            throw new InvalidOperationException("These FROST signing nonces were already used (or disposed); nonces are single-use (RFC 9591 §5.1). Run round one again.");
        }

        // Each Get holds a lease (SecretScalar): a Dispose racing this call makes it throw ObjectDisposedException,
        // never return a cleared nonce; the hiding copy is then cleared here.
        Scalar hiding = default;
        bool haveHiding = false;
        try
        {
            hiding = _hiding.Get();
            haveHiding = true;
            return (hiding, _binding.Get());
        }
        catch
        {
            if (haveHiding)
            {
                hiding.Clear();
            }

            throw;
        }
        finally
        {
            _hiding.Dispose();
            _binding.Dispose();
        }
    }

    /// <summary>Clears the nonces; they can no longer be used.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _consumed, 1);
        _hiding.Dispose();
        _binding.Dispose();
    }

    /// <summary>A description without the secrets.</summary>
    /// <returns>The type and suite.</returns>
    public override string ToString() => $"FrostSigningNonces({Ciphersuite.Name}, <redacted>)";
}
