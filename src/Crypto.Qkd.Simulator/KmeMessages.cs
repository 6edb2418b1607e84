// KmeMessages: the simulator's own Error object messages; ETSI GS QKD 014 V1.1.1's standard ones are the library's
// (Etsi014ErrorMapper), so the client and the simulator cannot drift apart.

namespace FintechCrypto.Qkd.Simulator;

/// <summary>The <c>message</c> strings of the simulator's Error objects beyond the standard ones (ETSI GS QKD 014 §6.4 Error, §7 status codes).</summary>
internal static class KmeMessages
{
    /// <summary>The <c>details</c> member naming an unsupported mandatory extension (014's own example).</summary>
    public const string MandatoryExtensionUnsupportedDetail = "extension_mandatory_unsupported";

    /// <summary>401 for a key requested by an SAE that is not among its slaves (014 §7: unauthorized).</summary>
    public const string NotTheSlave = "unauthorized: one or more keys specified were not issued to this SAE";

    /// <summary>401 for a client certificate without a subject CN (the SAE ID).</summary>
    public const string NoSaeId = "unauthorized: the client certificate has no subject CN to take the SAE ID from";

    /// <summary>503 for a link whose buffer holds too little key material.</summary>
    public const string KeysExhausted = "not enough key material: the key buffer holds fewer keys than requested; try again later";

    /// <summary>503 injected by <see cref="KmeFaults.FailNextRequests"/>.</summary>
    public const string InjectedServiceUnavailable = "service unavailable (simulated fault)";
}
