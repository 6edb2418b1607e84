// The test side of issue 11 defect 4 (use racing Dispose): a hook that disposes a key at the exact point between an
// operation's disposed check (its lease) and its read of the secret, on the test's own thread, so the interleaving
// the race produced 5 times in 20,000 is forced every time.

using System;
using FintechCrypto.Internal.Memory;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

/// <summary>
/// Arms <see cref="SecretLifetime.AfterLeaseForTesting"/> for the current thread: the first time an operation takes a
/// lease (for <c>owner</c> when one is given, else for any object), <c>target</c> is disposed right there, as if
/// another thread had called Dispose at that instant. Dispose this object to disarm.
/// </summary>
internal sealed class DisposeDuringUse : IDisposable
{
    private readonly IDisposable _target;
    private readonly object? _owner;

    private DisposeDuringUse(IDisposable target, object? owner)
    {
        _target = target;
        _owner = owner;
        Assert.Null(SecretLifetime.AfterLeaseForTesting);
        SecretLifetime.AfterLeaseForTesting = OnLease;
    }

    /// <summary>True once the hook disposed the target.</summary>
    public bool Fired { get; private set; }

    /// <summary>Disposes <paramref name="target"/> inside the next operation's lease (on <paramref name="owner"/>, if given).</summary>
    public static DisposeDuringUse Arm(IDisposable target, object? owner = null) => new(target, owner);

    public void Dispose() => SecretLifetime.AfterLeaseForTesting = null;

    private void OnLease(object leased)
    {
        if (Fired || (_owner is not null && !ReferenceEquals(leased, _owner)))
        {
            return;
        }

        Fired = true;
        _target.Dispose();
    }
}
