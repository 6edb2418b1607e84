// QkdLinkOptions: the parameters of a simulated QKD link and of the ETSI GS QKD 014 Status its KMEs report (§6.1).

using System;

namespace FintechCrypto.Qkd.Simulator;

/// <summary>
/// How a <see cref="SimulatedQkdLink"/> produces key material and which limits its KMEs report in the ETSI GS QKD 014
/// Status (<c>key_size</c>, <c>max_key_count</c>, <c>max_key_per_request</c>, <c>min_key_size</c>, <c>max_key_size</c>,
/// <c>max_SAE_ID_count</c>). Sizes are in bits.
/// </summary>
public sealed class QkdLinkOptions
{
    /// <summary>
    /// The secret key rate of the link in bits per second; 0 (the default) means unlimited: the buffer is always full,
    /// for tests that must never wait.
    /// </summary>
    public double KeyRateBitsPerSecond { get; set; }

    /// <summary>The buffer bound in keys of <see cref="KeySize"/> bits (014 <c>max_key_count</c>). Default 1000.</summary>
    public int MaxKeyCount { get; set; } = 1000;

    /// <summary>The default key size in bits (014 <c>key_size</c>), a multiple of 8. Default 256.</summary>
    public int KeySize { get; set; } = 256;

    /// <summary>The smallest key size in bits (014 <c>min_key_size</c>), a multiple of 8. Default 64.</summary>
    public int MinKeySize { get; set; } = 64;

    /// <summary>The largest key size in bits (014 <c>max_key_size</c>), a multiple of 8. Default 4096.</summary>
    public int MaxKeySize { get; set; } = 4096;

    /// <summary>The most keys one request may ask for (014 <c>max_key_per_request</c>). Default 128.</summary>
    public int MaxKeyPerRequest { get; set; } = 128;

    /// <summary>The most additional slave SAEs one request may name (014 <c>max_SAE_ID_count</c>; 0: no multicast). Default 2.</summary>
    public int MaxSaeIdCount { get; set; } = 2;

    /// <summary>Whether the buffer starts full (a link that has been running) rather than empty. Default true.</summary>
    public bool StartFull { get; set; } = true;

    /// <summary>The clock the key stream accrues by and replication lag is measured with. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The buffer capacity in bits: <see cref="MaxKeyCount"/> keys of <see cref="KeySize"/> bits.</summary>
    internal long CapacityBits => (long)MaxKeyCount * KeySize;

    /// <summary>A copy, so that a running link cannot be changed under its lock.</summary>
    internal QkdLinkOptions Snapshot() => (QkdLinkOptions)MemberwiseClone();

    /// <summary>Checks that the options are consistent.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Validate()
    {
        if (double.IsNaN(KeyRateBitsPerSecond) || KeyRateBitsPerSecond < 0)
        {
            throw new ArgumentException("The key rate must be 0 (unlimited) or a positive number of bits per second.", nameof(KeyRateBitsPerSecond));
        }

        if (MinKeySize <= 0 || MinKeySize % 8 != 0 || MaxKeySize % 8 != 0 || KeySize % 8 != 0)
        {
            throw new ArgumentException("Key sizes must be positive multiples of 8 bits.", nameof(KeySize));
        }

        if (KeySize < MinKeySize || KeySize > MaxKeySize)
        {
            throw new ArgumentException("The key size must lie between the minimum and the maximum key size.", nameof(KeySize));
        }

        if (MaxKeyCount < 1 || MaxKeyPerRequest < 1 || MaxSaeIdCount < 0)
        {
            throw new ArgumentException("max_key_count and max_key_per_request must be at least 1, max_SAE_ID_count at least 0.", nameof(MaxKeyCount));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
