// The multi-threaded half of the use-versus-Dispose tests: workers run one operation in a loop while another thread
// disposes the key; every success must be the real key's result and every failure ObjectDisposedException.
// No timing: the disposer waits until every worker has started, and workers stop at their first failure.

using System;
using System.Collections.Concurrent;
using System.Threading;
using Xunit;

namespace FintechCrypto.Tests.Lifetime;

internal static class DisposeRace
{
    /// <summary>
    /// Runs <paramref name="rounds"/> rounds. In each, a fresh key from <paramref name="create"/> is used by
    /// <paramref name="workers"/> threads calling <paramref name="operation"/> until it throws, while one more thread
    /// disposes the key once every worker has begun. <paramref name="isRealResult"/> judges each success.
    /// </summary>
    /// <returns>The number of successful operations (each checked) and of ObjectDisposedExceptions seen.</returns>
    internal static (long Successes, long Disposed) Run<TKey, TResult>(
        int rounds,
        int workers,
        Func<TKey> create,
        Func<TKey, TResult> operation,
        Func<TResult, bool> isRealResult,
        int maxOperationsPerWorker = 1000)
        where TKey : IDisposable
    {
        long successes = 0;
        long disposed = 0;
        var failures = new ConcurrentQueue<string>();
        for (int round = 0; round < rounds; round++)
        {
            TKey key = create();
            int started = 0;
            var threads = new Thread[workers + 1];
            for (int w = 0; w < workers; w++)
            {
                threads[w] = new Thread(() =>
                {
                    bool counted = false;
                    try
                    {
                        for (int i = 0; i < maxOperationsPerWorker; i++)
                        {
                            try
                            {
                                TResult result = operation(key);
                                if (!isRealResult(result))
                                {
                                    failures.Enqueue("an operation racing Dispose returned a result other than the real key's");
                                }

                                Interlocked.Increment(ref successes);
                            }
                            catch (ObjectDisposedException)
                            {
                                Interlocked.Increment(ref disposed);
                                return;
                            }
                            catch (Exception e)
                            {
                                failures.Enqueue($"an operation racing Dispose threw {e.GetType().Name}: {e.Message}");
                                return;
                            }
                            finally
                            {
                                if (!counted)
                                {
                                    counted = true;
                                    Interlocked.Increment(ref started); // the disposer waits for every worker's first operation
                                }
                            }
                        }
                    }
                    finally
                    {
                        if (!counted)
                        {
                            Interlocked.Increment(ref started);
                        }
                    }
                })
                { IsBackground = true };
            }

            threads[workers] = new Thread(() =>
            {
                var spin = new SpinWait();
                while (Volatile.Read(ref started) < workers)
                {
                    spin.SpinOnce();
                }

                key.Dispose();
            })
            { IsBackground = true };

            foreach (Thread t in threads)
            {
                t.Start();
            }

            foreach (Thread t in threads)
            {
                t.Join();
            }

            Assert.Throws<ObjectDisposedException>(() => operation(key));
        }

        Assert.Empty(failures);

        // Dispose waits for every worker's first operation, so at least those succeeded.
        Assert.True(successes >= (long)rounds * workers);
        return (successes, disposed);
    }
}
