// Inline storage for Keccak-f[1600] states, so that sponges live on the stack or inside their owner.
//
// References: FIPS 202, §3.1 (the state: 25 lanes of 64 bits; lane (x, y) at index x + 5y).

using System.Runtime.CompilerServices;

namespace FintechCrypto.Internal.Sha3;

/// <summary>One Keccak-f[1600] state: 25 lanes, lane (x, y) at index x + 5y (FIPS 202 §3.1).</summary>
[InlineArray(25)]
internal struct KeccakState
{
    private ulong _lane0;
}

/// <summary>Four interleaved Keccak-f[1600] states: lane i of instance j at index 4i + j (KeccakF1600x4's layout).</summary>
[InlineArray(100)]
internal struct KeccakStateX4
{
    private ulong _lane0;
}
