using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FintechCrypto.Qkd;
using Xunit;

namespace FintechCrypto.Tests.Qkd;

/// <summary>Builds initiator/responder pairs over an <see cref="InMemoryQkdLink"/> and checks that they talk.</summary>
internal sealed class QkdSessionPair : IDisposable
{
    internal QkdSessionPair(KemAlgorithm kem, InMemoryQkdLink? link = null, Action<QkdSessionOptions>? configureInitiator = null, Action<QkdSessionOptions>? configureResponder = null, TimeProvider? time = null)
    {
        Link = link ?? new InMemoryQkdLink();
        string suffix = Guid.NewGuid().ToString("N")[..12];
        InitiatorSaeId = "SAE-A-" + suffix;
        ResponderSaeId = "SAE-B-" + suffix;
        DecapsulationKey = DecapsulationKey.Generate(kem);
        InitiatorOptions = new QkdSessionOptions
        {
            LocalSaeId = InitiatorSaeId,
            PeerSaeId = ResponderSaeId,
            KeySource = Link.EndOf(InitiatorSaeId, "KME-A"),
            Kem = kem,
            TimeProvider = time ?? TimeProvider.System,
        };
        ResponderOptions = new QkdSessionOptions
        {
            LocalSaeId = ResponderSaeId,
            PeerSaeId = InitiatorSaeId,
            KeySource = Link.EndOf(ResponderSaeId, "KME-B"),
            Kem = kem,
            TimeProvider = time ?? TimeProvider.System,
        };
        configureInitiator?.Invoke(InitiatorOptions);
        configureResponder?.Invoke(ResponderOptions);
        ResponderKey = QkdResponderKey.Pinned(kem, DecapsulationKey.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey));
        Initiator = QkdSession.CreateInitiator(InitiatorOptions, ResponderKey);
        Responder = QkdSession.CreateResponder(ResponderOptions, DecapsulationKey);
        Initiator.SessionEvent += (_, e) => InitiatorEvents.Add(e);
        Responder.SessionEvent += (_, e) => ResponderEvents.Add(e);
    }

    internal InMemoryQkdLink Link { get; }

    internal string InitiatorSaeId { get; }

    internal string ResponderSaeId { get; }

    internal DecapsulationKey DecapsulationKey { get; }

    internal QkdResponderKey ResponderKey { get; }

    internal QkdSessionOptions InitiatorOptions { get; }

    internal QkdSessionOptions ResponderOptions { get; }

    internal QkdSession Initiator { get; }

    internal QkdSession Responder { get; }

    internal List<QkdSessionEventArgs> InitiatorEvents { get; } = [];

    internal List<QkdSessionEventArgs> ResponderEvents { get; } = [];

    /// <summary>Runs the first handshake and returns the message.</summary>
    internal async Task<byte[]> EstablishAsync()
    {
        byte[] handshake = await Initiator.InitiateAsync();
        await Responder.AcceptAsync(handshake);
        return handshake;
    }

    /// <summary>Both ends hold matching directional keys, and a record each way opens on the other side only.</summary>
    internal void AssertKeysMatchAndRecordsFlow(int size = 100)
    {
        var i = Initiator.CurrentKeyFingerprintsForTesting();
        var r = Responder.CurrentKeyFingerprintsForTesting();
        Assert.Equal(i.Epoch, r.Epoch);
        Assert.Equal(i.Send, r.Receive);
        Assert.Equal(i.Receive, r.Send);
        Assert.NotEqual(i.Send, i.Receive);

        byte[] message = new byte[size];
        Random.Shared.NextBytes(message);
        byte[] toResponder = Initiator.Protect(message);
        Assert.True(Responder.TryUnprotect(toResponder, out byte[]? opened));
        Assert.Equal(message, opened);
        Assert.False(Initiator.TryUnprotect(toResponder, out _)); // the other direction's key does not open it

        byte[] toInitiator = Responder.Protect(message);
        Assert.True(Initiator.TryUnprotect(toInitiator, out opened));
        Assert.Equal(message, opened);
    }

    public void Dispose()
    {
        Initiator.Dispose();
        Responder.Dispose();
        DecapsulationKey.Dispose();
    }
}
