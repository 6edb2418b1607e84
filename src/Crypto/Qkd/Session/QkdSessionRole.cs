// QkdSessionRole: the two ends of a QKD session, in the roles of ETSI GS QKD 014 §5 (master and slave SAE).

namespace FintechCrypto.Qkd;

/// <summary>Which end of a <see cref="QkdSession"/> this is.</summary>
public enum QkdSessionRole
{
    /// <summary>The master SAE of ETSI GS QKD 014: it asks its KME for new keys, encapsulates to the responder's KEM key and sends the handshake messages.</summary>
    Initiator = 1,

    /// <summary>The slave SAE: it fetches the same keys by ID (014 Get key with key IDs) and decapsulates.</summary>
    Responder = 2,
}
