// SecretLifetime, the one lease count behind every key's use-versus-Dispose (issue 11 defect 4).

using System;
using System.Threading;
using FintechCrypto.Internal.Memory;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

public class SecretLifetimeTests
{
    [Fact]
    public void Dispose_WithNoLeaseOut_ClearsAtOnce_AndLeasesThenFail()
    {
        var bytes = new SecretBytes([1, 2, 3, 4]);
        bytes.Dispose();
        Assert.True(bytes.IsDisposed);
        Assert.True(bytes.IsFreed);
        Assert.Throws<ObjectDisposedException>(() => bytes.Span.Length);
        var owner = new object();
        ObjectDisposedException e = Assert.Throws<ObjectDisposedException>(() => { using SecretLease lease = bytes.Lease(owner); });
        Assert.Equal(typeof(object).FullName, e.ObjectName);
        bytes.Dispose(); // a second call does nothing
    }

    [Fact]
    public void Dispose_WithALeaseOut_KeepsTheBytesUntilTheLastLeaseIsReleased()
    {
        var bytes = new SecretBytes([1, 2, 3, 4]);
        SecretLease first = bytes.Lease(bytes);
        SecretLease second = bytes.Lease(bytes);
        bytes.Dispose();
        Assert.True(bytes.IsDisposed);
        Assert.False(bytes.IsFreed);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes.Span.ToArray()); // the leaseholders still read the real bytes
        Assert.Throws<ObjectDisposedException>(() => { using SecretLease late = bytes.Lease(bytes); });

        first.Dispose();
        Assert.False(bytes.IsFreed);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, bytes.Span.ToArray());

        byte[] array = ArrayOf(bytes);
        second.Dispose();
        Assert.True(bytes.IsFreed);
        Assert.All(array, b => Assert.Equal(0, b));
        Assert.Throws<ObjectDisposedException>(() => bytes.Span.Length);
    }

    [Fact]
    public void KeyLifetime_FreesExactlyOnce_WhateverTheOrderOfDisposeAndRelease()
    {
        int frees = 0;
        var lifetime = new KeyLifetime(() => frees++);
        using (lifetime.Lease(lifetime))
        {
            lifetime.Dispose();
            lifetime.Dispose();
            Assert.Equal(0, frees);
        }

        Assert.Equal(1, frees);
        lifetime.Dispose();
        Assert.Equal(1, frees);
    }

    [Fact]
    public void TestHook_ThatThrows_GivesItsLeaseBack()
    {
        int frees = 0;
        var lifetime = new KeyLifetime(() => frees++);
        SecretLifetime.AfterLeaseForTesting = _ => throw new InvalidOperationException("hook");
        try
        {
            Assert.Throws<InvalidOperationException>(() => { using SecretLease lease = lifetime.Lease(lifetime); });
        }
        finally
        {
            SecretLifetime.AfterLeaseForTesting = null;
        }

        lifetime.Dispose();
        Assert.Equal(1, frees);
    }

    [Fact]
    public void TestHook_IsPerThread()
    {
        int calls = 0;
        var lifetime = new KeyLifetime(() => { });
        SecretLifetime.AfterLeaseForTesting = _ => calls++;
        try
        {
            var other = new Thread(() => { using SecretLease lease = lifetime.Lease(lifetime); });
            other.Start();
            other.Join();
            Assert.Equal(0, calls);
            using (lifetime.Lease(lifetime))
            {
            }

            Assert.Equal(1, calls);
        }
        finally
        {
            SecretLifetime.AfterLeaseForTesting = null;
        }
    }

    [Fact]
    public void ManyThreadsLeasingWhileOneDisposes_FreeExactlyOnce_AndNeverWhileALeaseIsOut()
    {
        for (int round = 0; round < 200; round++)
        {
            int frees = 0;
            int inside = 0;
            int freedWhileInside = 0;
            var lifetime = new KeyLifetime(() =>
            {
                if (Volatile.Read(ref inside) != 0)
                {
                    Interlocked.Increment(ref freedWhileInside);
                }

                Interlocked.Increment(ref frees);
            });

            var threads = new Thread[4];
            for (int t = 0; t < threads.Length; t++)
            {
                bool disposer = t == 0;
                threads[t] = new Thread(() =>
                {
                    for (int i = 0; i < 200; i++)
                    {
                        try
                        {
                            using SecretLease lease = lifetime.Lease(lifetime);
                            Interlocked.Increment(ref inside);
                            Thread.SpinWait(20);
                            Interlocked.Decrement(ref inside);
                        }
                        catch (ObjectDisposedException)
                        {
                            return;
                        }

                        if (disposer && i == 50)
                        {
                            lifetime.Dispose();
                        }
                    }
                });
            }

            foreach (Thread t in threads)
            {
                t.Start();
            }

            foreach (Thread t in threads)
            {
                t.Join();
            }

            lifetime.Dispose();
            Assert.Equal(1, frees);
            Assert.Equal(0, freedWhileInside);
        }
    }

    private static byte[] ArrayOf(SecretBytes bytes) =>
        (byte[])typeof(SecretBytes).GetField("_bytes", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(bytes)!;
}
