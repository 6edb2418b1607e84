// KmeFaults: fault injection for tests of ETSI GS QKD 014 clients (replication lag, 503s, slow answers, a proxy's
// HTML 401, a KME that dies mid-session). Shared by the HTTPS simulator and the in-process key source of a link.

using System;
using System.Threading;
using System.Threading.Tasks;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>
/// Faults a <see cref="SimulatedQkdLink"/> injects into requests at either of its KMEs, over HTTPS
/// (<see cref="KmeSimulator"/>) and in process (<see cref="SimulatedQkdLink.CreateKeySource"/>) alike. Thread-safe:
/// tests may change the faults while requests run.
/// </summary>
public sealed class KmeFaults
{
    private readonly object _gate = new();
    private TimeSpan _replicationLag;
    private TimeSpan _responseDelay;
    private int _fail503Count;
    private int _html401Count;
    private Func<KmeRequestInfo, bool>? _html401When;
    private bool _stopped;

    internal KmeFaults()
    {
    }

    /// <summary>
    /// How long after a key is issued at one KME it becomes fetchable at the other KME of the link (keys not yet
    /// replicated are "not found", ETSI GS QKD 014 §1.5 of qkd.md's digest). Measured with the link's clock. Default zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ReplicationLag
    {
        get => Read(ref _replicationLag);
        set => Write(ref _replicationLag, NotNegative(value));
    }

    /// <summary>A delay (real time) before every answer, to model a slow KME. Default zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ResponseDelay
    {
        get => Read(ref _responseDelay);
        set => Write(ref _responseDelay, NotNegative(value));
    }

    /// <summary>A predicate: requests it matches are answered 401 with an HTML page (as a proxy would); null for none.</summary>
    public Func<KmeRequestInfo, bool>? Html401When
    {
        get => Read(ref _html401When);
        set => Write(ref _html401When, value);
    }

    /// <summary>Whether the KMEs have stopped serving (see <see cref="StopServing"/>).</summary>
    public bool IsStopped => Read(ref _stopped);

    /// <summary>Answers the next <paramref name="count"/> requests with 503 and an Error object.</summary>
    /// <param name="count">How many requests, at least 0 (0 cancels an earlier call).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void FailNextRequests(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Write(ref _fail503Count, count);
    }

    /// <summary>Answers the next <paramref name="count"/> requests with 401 and an HTML page, as a proxy would.</summary>
    /// <param name="count">How many requests, at least 0 (0 cancels an earlier call).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public void Html401NextRequests(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Write(ref _html401Count, count);
    }

    /// <summary>
    /// Stops serving: from now on every request is dropped without an answer (the HTTPS connection is aborted; the
    /// in-process source reports the KME unreachable), as a KME that dies mid-session.
    /// </summary>
    public void StopServing() => Write(ref _stopped, true);

    /// <summary>Serves again after <see cref="StopServing"/>.</summary>
    public void ResumeServing() => Write(ref _stopped, false);

    /// <summary>Decides the fault for one request, consuming a counted fault if one applies.</summary>
    internal KmeFault Next(KmeRequestInfo request, out TimeSpan delay)
    {
        Func<KmeRequestInfo, bool>? predicate;
        lock (_gate)
        {
            delay = _responseDelay;
            if (_stopped)
            {
                return KmeFault.Stopped;
            }

            if (_html401Count > 0)
            {
                _html401Count--;
                return KmeFault.Html401;
            }

            if (_fail503Count > 0)
            {
                _fail503Count--;
                return KmeFault.ServiceUnavailable;
            }

            predicate = _html401When;
        }

        // The predicate is the test's code: call it outside the lock, so that it can never deadlock with us.
        return predicate is not null && predicate(request) ? KmeFault.Html401 : KmeFault.None;
    }

    private static TimeSpan NotNegative(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return value;
    }

    /// <summary>Reads a fault setting under the lock (tests change them while requests run).</summary>
    private T Read<T>(ref T field)
    {
        lock (_gate)
        {
            return field;
        }
    }

    /// <summary>Changes a fault setting under the lock.</summary>
    private void Write<T>(ref T field, T value)
    {
        lock (_gate)
        {
            field = value;
        }
    }

    /// <summary>Sleeps for the response delay, if any (real time, cancellable).</summary>
    internal static Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, cancellationToken) : Task.CompletedTask;
}
