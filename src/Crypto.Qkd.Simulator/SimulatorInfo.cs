namespace FintechCrypto.Qkd.Simulator;

/// <summary>Facts about the simulator assembly.</summary>
public static class SimulatorInfo
{
    /// <summary>The ETSI GS QKD 014 version the simulator speaks.</summary>
    public const string Etsi014Version = "1.1.1";
}
