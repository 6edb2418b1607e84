// The status codes of the ETSI GS QKD 004 V2.1.1 application interface (clause 6: OPEN_CONNECT, GET_KEY, CLOSE).

namespace FintechCrypto.Qkd.Etsi004;

/// <summary>The result status of an ETSI GS QKD 004 call (V2.1.1, clause 6), with the standard's numeric values.</summary>
public enum Etsi004Status
{
    /// <summary>0: successful.</summary>
    Successful = 0,

    /// <summary>1: OPEN_CONNECT succeeded, but the peer application has not connected yet.</summary>
    PeerNotConnected = 1,

    /// <summary>2: GET_KEY failed because not enough key is available.</summary>
    InsufficientKeyAvailable = 2,

    /// <summary>3: GET_KEY failed because the peer application is not connected.</summary>
    GetKeyPeerNotConnected = 3,

    /// <summary>4: no QKD connection is available (the key source cannot be reached or refuses).</summary>
    NoQkdConnectionAvailable = 4,

    /// <summary>5: OPEN_CONNECT failed because the Key_stream_ID is already in use.</summary>
    KeyStreamIdInUse = 5,

    /// <summary>6: the call timed out (QoS <c>Timeout</c>).</summary>
    TimeoutError = 6,

    /// <summary>7: OPEN_CONNECT failed because the QoS cannot be met; a counter-proposal is returned.</summary>
    QosNotSatisfied = 7,

    /// <summary>8: GET_KEY failed because the metadata buffer is too small; the size needed is returned.</summary>
    MetadataBufferTooSmall = 8,
}
