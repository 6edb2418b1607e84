// SecretLifetime: use and disposal of a secret made mutually exclusive, the way SafeHandle does it with
// DangerousAddRef / DangerousRelease (issue 11, defect 4). Every operation that reads a secret holds a lease for the
// whole read; Dispose only marks the object disposed, and the secret is cleared when the last lease is released
// (by Dispose itself when no lease is out). An operation therefore either runs on the real secret or throws
// ObjectDisposedException; it never sees bytes that Dispose is clearing or has cleared.

using System;
using System.Threading;

namespace FintechCrypto.Internal.Memory;

/// <summary>
/// A reference count of the operations using a secret, and a disposed flag, in one integer
/// (<c>(leases &lt;&lt; 1) | disposed</c>). <see cref="Lease"/> fails once <see cref="Dispose"/> was called;
/// <see cref="Free"/> runs exactly once, when the object is disposed and no lease is out.
/// </summary>
internal abstract class SecretLifetime : IDisposable
{
    private const int DisposeRequested = 1;
    private const int OneLease = 2;

    // Test hook (FintechCrypto.Tests, through InternalsVisibleTo): runs on the leasing thread right after a lease was
    // taken and before the caller reads the secret, so a test can call Dispose exactly there. Thread-static, so a
    // test arms it for its own thread only; internal, so no code outside this assembly and its friends can set it.
    [ThreadStatic]
    private static Action<object>? t_afterLease;

    private int _state;

    /// <summary>
    /// Test hook: called with the owner after every lease taken on this thread, between the disposed check and the
    /// read of the secret. Null (one thread-static read and a null check) except in tests.
    /// </summary>
    internal static Action<object>? AfterLeaseForTesting
    {
        get => t_afterLease;
        set => t_afterLease = value;
    }

    /// <summary>True once <see cref="Dispose"/> was called (the secret may still be in use by a leaseholder).</summary>
    internal bool IsDisposed => (Volatile.Read(ref _state) & DisposeRequested) != 0;

    /// <summary>True once the secret was released (disposed, and no lease out): it is cleared or being cleared.</summary>
    internal bool IsFreed => Volatile.Read(ref _state) == DisposeRequested;

    /// <summary>
    /// Takes a lease for one operation: until the lease is disposed, <see cref="Free"/> cannot run.
    /// Use it as <c>using SecretLease lease = x.Lease(this);</c> around every read of the secret.
    /// </summary>
    /// <param name="owner">The public object the caller used: named in the exception, and passed to the test hook.</param>
    /// <exception cref="ObjectDisposedException">The object was disposed.</exception>
    internal SecretLease Lease(object owner)
    {
        int state = Volatile.Read(ref _state);
        while (true)
        {
            if ((state & DisposeRequested) != 0)
            {
                ObjectDisposedException.ThrowIf(true, owner);
            }

            if (state > int.MaxValue - OneLease)
            {
                // About 2^30 leases at once: only a leak of leases gets here.
                throw new InvalidOperationException("Too many concurrent operations on one key.");
            }

            int seen = Interlocked.CompareExchange(ref _state, state + OneLease, state);
            if (seen == state)
            {
                break;
            }

            state = seen;
        }

        Action<object>? hook = t_afterLease;
        if (hook is not null)
        {
            try
            {
                hook(owner);
            }
            catch
            {
                Release();
                throw;
            }
        }

        return new SecretLease(this);
    }

    /// <summary>
    /// Marks the object disposed: no new lease is granted. The secret is released now if no lease is out, otherwise
    /// by the last leaseholder. Calling it again has no effect. Never blocks.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Or(ref _state, DisposeRequested) == 0)
        {
            Free();
        }
    }

    /// <summary>Releases a lease taken by <see cref="Lease"/>; only <see cref="SecretLease.Dispose"/> calls it.</summary>
    internal void Release()
    {
        if (Interlocked.Add(ref _state, -OneLease) == DisposeRequested)
        {
            Free();
        }
    }

    /// <summary>Clears the secret (and frees what holds it). Runs exactly once, with no lease out.</summary>
    protected abstract void Free();
}

/// <summary>
/// One operation's lease on a <see cref="SecretLifetime"/>; dispose it exactly once (<c>using</c>). A ref struct, so it
/// cannot outlive the method that took it.
/// </summary>
internal readonly ref struct SecretLease
{
    private readonly SecretLifetime? _lifetime;

    internal SecretLease(SecretLifetime lifetime)
    {
        _lifetime = lifetime;
    }

    /// <summary>Releases the lease; the last one out of a disposed object clears its secret.</summary>
    public void Dispose() => _lifetime?.Release();
}

/// <summary>
/// The lifetime of a key object whose secrets live in other objects (a backend core, an OS key handle, pinned arrays):
/// <paramref name="free"/> disposes them once Dispose was called and the last operation has finished.
/// </summary>
/// <param name="free">Clears and disposes the key's secrets; called exactly once.</param>
internal sealed class KeyLifetime(Action free) : SecretLifetime
{
    protected override void Free() => free();
}
