// KeyStreamState: what the KMS side of ETSI GS QKD 004 keeps per Key_stream_ID (KeySourceKeyStreamService).

using System;
using System.Collections.Generic;
using System.Threading;
using FintechCrypto.Qkd.Etsi004;

namespace FintechCrypto.Internal.Qkd.Etsi004;

/// <summary>One key stream: its two applications, QoS, per-application cursors, and the key_ID behind each chunk index.</summary>
internal sealed class KeyStreamState(Guid id, string source, string destination, QkdQos qos)
{
    internal Guid Id { get; } = id;

    internal string Source { get; } = source;

    internal string Destination { get; } = destination;

    internal QkdQos Qos { get; } = qos;

    internal bool DestinationOpen { get; set; }

    internal bool SourceClosed { get; private set; }

    internal bool DestinationClosed { get; private set; }

    /// <summary>Serialises chunk creation, so both applications never obtain two different keys for one index.</summary>
    internal SemaphoreSlim Lock { get; } = new(1, 1);

    /// <summary>Chunk index → the key behind it, kept after both reads so an index is never reissued; guarded by <see cref="Lock"/>.</summary>
    internal Dictionary<long, Chunk> Chunks { get; } = new();

    /// <summary>The next index of each application when it asks for "the next chunk"; guarded by <see cref="Lock"/>.</summary>
    internal long SourceCursor { get; set; }

    /// <summary>See <see cref="SourceCursor"/>.</summary>
    internal long DestinationCursor { get; set; }

    internal bool IsParty(string sae) =>
        string.Equals(sae, Source, StringComparison.Ordinal) || string.Equals(sae, Destination, StringComparison.Ordinal);

    internal bool IsSource(string sae) => string.Equals(sae, Source, StringComparison.Ordinal);

    internal string PeerOf(string sae) => IsSource(sae) ? Destination : Source;

    internal bool IsClosedFor(string sae) => IsSource(sae) ? SourceClosed : DestinationClosed;

    internal void CloseFor(string sae)
    {
        if (IsSource(sae))
        {
            SourceClosed = true;
        }
        else
        {
            DestinationClosed = true;
        }
    }

    /// <summary>The key behind one chunk index: its key_ID, which application obtained it as master, who has read it.</summary>
    internal sealed class Chunk(Guid keyId, string master, DateTimeOffset created)
    {
        internal Guid KeyId { get; } = keyId;

        internal string Master { get; } = master;

        internal DateTimeOffset Created { get; } = created;

        internal bool ReadBySource { get; set; }

        internal bool ReadByDestination { get; set; }
    }
}
