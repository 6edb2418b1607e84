using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>The AES-256-GCM record channel: format, tampering, replay window, epochs, sequence exhaustion.</summary>
public sealed class QkdSessionRecordTests
{
    [Fact]
    public async Task TheRecordCarriesVersionEpochAndSequenceAndTheNoncesDiffer()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        byte[] plaintext = new byte[64];
        byte[] first = pair.Initiator.Protect(plaintext);
        byte[] second = pair.Initiator.Protect(plaintext);
        Assert.Equal(64 + QkdSession.RecordOverhead, first.Length);
        Assert.Equal(QkdSession.RecordVersion, first[0]);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(first.AsSpan(1)));
        Assert.Equal(0ul, BinaryPrimitives.ReadUInt64BigEndian(first.AsSpan(5)));
        Assert.Equal(1ul, BinaryPrimitives.ReadUInt64BigEndian(second.AsSpan(5)));
        Assert.NotEqual(first[QkdSession.RecordHeaderSize..], second[QkdSession.RecordHeaderSize..]); // same plaintext, fresh nonce
        Assert.True(pair.Responder.TryUnprotect(first, out byte[]? a));
        Assert.True(pair.Responder.TryUnprotect(second, out byte[]? b));
        Assert.Equal(plaintext, a);
        Assert.Equal(plaintext, b);

        byte[] empty = pair.Responder.Protect([]);
        Assert.Equal(QkdSession.RecordOverhead, empty.Length);
        Assert.True(pair.Initiator.TryUnprotect(empty, out byte[]? none));
        Assert.Empty(none);
    }

    [Fact]
    public async Task EveryFlippedBitAndEveryTruncationOfARecordIsRefusedWithoutWritingPlaintext()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        byte[] plaintext = Enumerable.Range(0, 48).Select(i => (byte)(i + 1)).ToArray();
        byte[] record = pair.Initiator.Protect(plaintext);
        byte[] output = new byte[plaintext.Length];
        for (int bit = 0; bit < record.Length * 8; bit++)
        {
            byte[] tampered = (byte[])record.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            Array.Fill(output, (byte)0);
            Assert.False(pair.Responder.TryUnprotect(tampered, output, out int written));
            Assert.Equal(0, written);
            Assert.All(output, b => Assert.Equal(0, b));
        }

        for (int length = 0; length < record.Length; length++)
        {
            Assert.False(pair.Responder.TryUnprotect(record.AsSpan(0, length), output, out int written));
            Assert.Equal(0, written);
        }

        Assert.True(pair.Responder.TryUnprotect(record, output, out int ok)); // the forgeries did not move the window
        Assert.Equal(plaintext.Length, ok);
        Assert.Equal(plaintext, output);
    }

    [Fact]
    public async Task ReplaysAreRefusedAndReorderingWithinTheWindowIsAccepted()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureResponder: o => o.ReplayWindowSize = 64);
        await pair.EstablishAsync();
        byte[][] records = [.. Enumerable.Range(0, 200).Select(i => pair.Initiator.Protect(BitConverter.GetBytes(i)))];

        Assert.True(pair.Responder.TryUnprotect(records[0], out _));
        Assert.False(pair.Responder.TryUnprotect(records[0], out _));                  // replay

        // Out of order inside the 64-record window: 100, then 99 .. 37 (all within 64 of 100).
        Assert.True(pair.Responder.TryUnprotect(records[100], out _));
        for (int i = 99; i >= 37; i--)
        {
            Assert.True(pair.Responder.TryUnprotect(records[i], out byte[]? p));
            Assert.Equal(i, BitConverter.ToInt32(p));
        }

        Assert.False(pair.Responder.TryUnprotect(records[36], out _));                 // too old: 100 - 36 = 64
        Assert.False(pair.Responder.TryUnprotect(records[1], out _));                  // too old
        foreach (int i in new[] { 100, 99, 37 })
        {
            Assert.False(pair.Responder.TryUnprotect(records[i], out _));              // replays
        }

        for (int i = 101; i < 200; i++)
        {
            Assert.True(pair.Responder.TryUnprotect(records[i], out _));
        }

        Assert.All(records, r => Assert.False(pair.Responder.TryUnprotect(r, out _)));
    }

    [Fact]
    public async Task AJumpBeyondTheWindowForgetsOnlyWhatFellOutOfIt()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768, configureResponder: o => o.ReplayWindowSize = 128);
        await pair.EstablishAsync();
        byte[][] records = [.. Enumerable.Range(0, 1000).Select(_ => pair.Initiator.Protect(new byte[1]))];
        Assert.True(pair.Responder.TryUnprotect(records[5], out _));
        Assert.True(pair.Responder.TryUnprotect(records[900], out _));
        Assert.False(pair.Responder.TryUnprotect(records[5], out _));
        Assert.False(pair.Responder.TryUnprotect(records[772], out _));  // 900 - 772 = 128: outside
        Assert.True(pair.Responder.TryUnprotect(records[773], out _));
        Assert.True(pair.Responder.TryUnprotect(records[899], out _));
        Assert.False(pair.Responder.TryUnprotect(records[899], out _));
        Assert.True(pair.Responder.TryUnprotect(records[999], out _));
        Assert.False(pair.Responder.TryUnprotect(records[871], out _));  // 999 - 871 = 128
        Assert.True(pair.Responder.TryUnprotect(records[872], out _));
    }

    [Fact]
    public async Task ARecordOfAnotherEpochOrSessionIsRefused()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        using var other = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        await other.EstablishAsync();
        byte[] record = pair.Initiator.Protect(new byte[10]);
        Assert.False(other.Responder.TryUnprotect(record, out _));

        byte[] wrongEpoch = (byte[])record.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(wrongEpoch.AsSpan(1), 7);
        Assert.False(pair.Responder.TryUnprotect(wrongEpoch, out _));
        byte[] wrongVersion = (byte[])record.Clone();
        wrongVersion[0] = 2;
        Assert.False(pair.Responder.TryUnprotect(wrongVersion, out _));
        Assert.True(pair.Responder.TryUnprotect(record, out _));
    }

    [Fact]
    public async Task SequenceExhaustionIsRefused()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        pair.Initiator.SetNextSendSequenceForTesting(ulong.MaxValue - 1);
        byte[] last = pair.Initiator.Protect(new byte[3]);
        Assert.Equal(ulong.MaxValue - 1, BinaryPrimitives.ReadUInt64BigEndian(last.AsSpan(5)));
        Assert.True(pair.Responder.TryUnprotect(last, out _));
        var e = Assert.Throws<QkdSessionException>(() => pair.Initiator.Protect(new byte[3]));
        Assert.Equal(QkdSessionError.SequenceExhausted, e.Error);
        Assert.Equal(QkdSessionState.RekeyRequired, pair.Initiator.State);

        // A rekey starts a new epoch with new keys and sequence 0.
        await pair.Responder.AcceptAsync((await pair.Initiator.RekeyAsync())!);
        byte[] fresh = pair.Initiator.Protect(new byte[3]);
        Assert.Equal(0ul, BinaryPrimitives.ReadUInt64BigEndian(fresh.AsSpan(5)));
        Assert.True(pair.Responder.TryUnprotect(fresh, out _));
    }

    [Fact]
    public async Task ArgumentsAreChecked()
    {
        using var pair = new QkdSessionPair(KemAlgorithm.MlKem768);
        await pair.EstablishAsync();
        byte[] buffer = new byte[100];
        Assert.Throws<ArgumentException>(() => pair.Initiator.Protect(new byte[10], new byte[10 + QkdSession.RecordOverhead - 1]));
        Assert.Throws<ArgumentException>(() => pair.Initiator.Protect(buffer.AsSpan(0, 10), buffer.AsSpan(5)));
        byte[] record = pair.Initiator.Protect(new byte[10]);
        Assert.Throws<ArgumentException>(() => pair.Responder.TryUnprotect(record, new byte[9], out _));
        Assert.Throws<ArgumentNullException>(() => pair.Initiator.Protect(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => QkdSession.GetRecordLength(-1));
        Assert.True(pair.Responder.TryUnprotect(record, new byte[10], out _));
    }
}
