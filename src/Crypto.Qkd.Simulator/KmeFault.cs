// KmeFault: what the fault injection decided for one request.


namespace FintechCrypto.Qkd.Simulator;

/// <summary>The fault <see cref="KmeFaults"/> injects into one request.</summary>
internal enum KmeFault
{
    /// <summary>Serve the request normally.</summary>
    None = 0,

    /// <summary>Answer 503 with an Error object, as a KME with a server-side error does (ETSI GS QKD 014 §7).</summary>
    ServiceUnavailable,

    /// <summary>Answer 401 with an HTML page, as an authenticating proxy in front of a KME does.</summary>
    Html401,

    /// <summary>Drop the request without an answer, as a KME that died does.</summary>
    Stopped,
}
