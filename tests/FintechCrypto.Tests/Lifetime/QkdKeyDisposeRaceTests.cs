// QkdKey read while it is disposed (issue 11 defect 4): CopyTo holds the key for the whole copy, so a copy racing
// Dispose is the real key or ObjectDisposedException, never cleared bytes.

using System;
using System.Collections.Generic;
using System.Linq;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class QkdKeyDisposeRaceTests
{
    private static readonly Guid KeyId = Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    private static readonly byte[] KeyBytes = Enumerable.Range(1, 32).Select(i => (byte)(0xA0 ^ i)).ToArray();

    [Fact]
    public void CopyTo_DisposedBetweenItsCheckAndTheKeyRead_CopiesTheRealKey()
    {
        var key = new QkdKey(KeyId, KeyBytes);
        byte[] copy = new byte[KeyBytes.Length];
        using (var armed = DisposeDuringUse.Arm(key))
        {
            key.CopyTo(copy);
            Assert.True(armed.Fired);
        }

        Assert.Equal(KeyBytes, copy);
        Assert.True(key.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => key.CopyTo(copy));
    }

    [Fact]
    public void CopyTo_OfAKeyInAContainerDisposedMidway_CopiesTheRealKey()
    {
        var container = new QkdKeyContainer(new List<QkdKey> { new(KeyId, KeyBytes), new(Guid.NewGuid(), KeyBytes) });
        byte[] copy = new byte[KeyBytes.Length];
        using (var armed = DisposeDuringUse.Arm(container, owner: container.Keys[0]))
        {
            container.Keys[0].CopyTo(copy);
            Assert.True(armed.Fired);
        }

        Assert.Equal(KeyBytes, copy);
        Assert.All(container.Keys, k => Assert.True(k.IsDisposed));
    }

    [Fact]
    public void CopyTo_ATooShortDestination_IsAnArgumentException()
    {
        using var key = new QkdKey(KeyId, KeyBytes);
        Assert.Throws<ArgumentException>(() => key.CopyTo(new byte[KeyBytes.Length - 1]));
    }

    [Fact]
    public void CopyToOnManyThreads_RacingDispose_EitherCopiesTheRealKeyOrThrowsObjectDisposed()
    {
        DisposeRace.Run(
            rounds: 50,
            workers: 3,
            () => new QkdKey(KeyId, KeyBytes),
            key =>
            {
                byte[] copy = new byte[KeyBytes.Length];
                key.CopyTo(copy);
                return copy;
            },
            copy => copy.AsSpan().SequenceEqual(KeyBytes));
    }
}
