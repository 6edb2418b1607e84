// ReplayWindow: the anti-replay sliding window of RFC 4303 §3.4.3 over 64-bit sequence numbers, as a circular bitmap.

using System;

namespace FintechCrypto.Internal.Qkd;

/// <summary>The outcome of <see cref="ReplayWindow.Check"/>.</summary>
internal enum ReplayCheck
{
    Fresh,
    Replayed,
    TooOld,
}

/// <summary>
/// A sliding receive window (RFC 4303 §3.4.3): a record is checked before its integrity check, and the window moves only
/// after the record authenticated, so forged records cannot advance it. Bit <c>seq mod size</c> of the bitmap is set
/// once <c>seq</c> was received; bits are cleared as the right edge advances past them.
/// </summary>
internal sealed class ReplayWindow
{
    private readonly ulong[] _bits;
    private readonly int _size;
    private ulong _highest;
    private bool _any;

    internal ReplayWindow(int size)
    {
        _size = size;
        _bits = new ulong[size / 64];
    }

    internal ReplayCheck Check(ulong sequence)
    {
        if (!_any || sequence > _highest)
        {
            return ReplayCheck.Fresh;
        }

        if (_highest - sequence >= (ulong)_size)
        {
            return ReplayCheck.TooOld;
        }

        return IsSet(sequence) ? ReplayCheck.Replayed : ReplayCheck.Fresh;
    }

    /// <summary>Records an authenticated <paramref name="sequence"/> that <see cref="Check"/> found fresh.</summary>
    internal void Mark(ulong sequence)
    {
        if (!_any || (sequence > _highest && sequence - _highest >= (ulong)_size))
        {
            Array.Clear(_bits);
            _highest = sequence;
            _any = true;
        }
        else if (sequence > _highest)
        {
            for (ulong s = _highest + 1; s <= sequence; s++)
            {
                Clear(s);
            }

            _highest = sequence;
        }

        Set(sequence);
    }

    private bool IsSet(ulong sequence)
    {
        int bit = (int)(sequence % (ulong)_size);
        return (_bits[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private void Set(ulong sequence)
    {
        int bit = (int)(sequence % (ulong)_size);
        _bits[bit >> 6] |= 1UL << (bit & 63);
    }

    private void Clear(ulong sequence)
    {
        int bit = (int)(sequence % (ulong)_size);
        _bits[bit >> 6] &= ~(1UL << (bit & 63));
    }
}
