// NttPairs: the last three NTT layers, the ones that butterfly inside a pair of 256-bit vectors: how the pair is
// regrouped before and after each layer, and which ζ each lane needs. Shared by ML-KEM's (16-bit coefficients,
// 16 lanes: layers len = 8, 4, 2) and ML-DSA's (32-bit coefficients, 8 lanes: layers len = 4, 2, 1) AVX2 NTTs,
// whose regroupings are the same bit movements whatever the coefficient width.
//
// A pair holds coefficients x = pairStart .. pairStart + W − 1 and y = pairStart + W .. pairStart + 2W − 1 (W lanes
// per vector). Before the butterflies of a layer the pair is regrouped into (L, H) so that lane i of L and lane i of
// H are the two inputs of one butterfly:
//     layer 0 (len W/2), Regroup128:  L = (x.lo128, y.lo128),   H = (x.hi128, y.hi128)   (vperm2i128)
//     layer 1 (len W/4), Regroup64:   L = unpacklo64(x, y),     H = unpackhi64(x, y)     (vpunpcklqdq, vpunpckhqdq)
//     layer 2 (len W/8), Regroup32:   L = blend32(x, y << 32),  H = blend32(x >> 32, y)  (vpsllq, vpsrlq, vpblendd)
// Each regrouping is its own inverse: applied to (L, H) after the butterflies it gives back (x, y).
// The ζ of lane i is the one the scalar NTT (FIPS 203 Algorithm 9 / FIPS 204 Algorithm 41) uses for the butterfly
// whose low coefficient lane i of L holds: block b = low / (2·len) of the layer takes ζ index blocks + b forward and
// 2·blocks − 1 − b inverse (the scalar inverse walks k downward), with blocks = 256 / (2·len).
// The ζ tables are built once at start-up; the regroupings are inlined into the NTT loops. Caller contract for the
// regroupings: Dispatch.UseAvx2.

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FintechCrypto.Native.Simd;

/// <summary>The in-vector NTT layers on pairs of 256-bit vectors (ML-KEM and ML-DSA AVX2 NTTs): regroupings and ζ layout.</summary>
internal static class NttPairs
{
    /// <summary>
    /// The butterflies of one field on a regrouped pair (lane i of l with lane i of h), taking ζ from per-lane tables
    /// at <c>offset</c> = layer · 128 + pair · W (see <see cref="ZetaIndex"/>): <c>zetas</c>, and for fields whose
    /// Montgomery multiplication wants it, ζ · q^-1 in <c>zetasQinv</c> (others ignore it).
    /// </summary>
    internal interface IPairButterflies<T>
    {
        /// <summary>The forward (Cooley–Tukey) butterflies of one in-vector layer.</summary>
        static abstract void Forward(ref Vector256<T> l, ref Vector256<T> h, ref T zetas, ref T zetasQinv, int offset);

        /// <summary>The inverse (Gentleman–Sande) butterflies of one in-vector layer.</summary>
        static abstract void Inverse(ref Vector256<T> l, ref Vector256<T> h, ref T zetas, ref T zetasQinv, int offset);

        /// <summary>What the forward transform does to each vector after its last layer (a reduction, or nothing).</summary>
        static abstract Vector256<T> FinishForward(Vector256<T> v);
    }

    /// <summary>
    /// The forward layers len = W/2, W/4, W/8 on the 256 coefficients at <paramref name="coefficients"/>, pair of
    /// vectors by pair of vectors, after the whole-vector layers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Forward<T, TButterflies>(ref T coefficients, ref T zetas, ref T zetasQinv)
        where TButterflies : struct, IPairButterflies<T>
    {
        int w = Vector256<T>.Count;
        for (int at = 0; at < 128; at += w)
        {
            ref T pair = ref Unsafe.Add(ref coefficients, 2 * at);
            Vector256<T> x = Vector256.LoadUnsafe(ref pair);
            Vector256<T> y = Vector256.LoadUnsafe(ref pair, (nuint)w);
            Regroup128(x, y, out Vector256<T> l, out Vector256<T> h);
            TButterflies.Forward(ref l, ref h, ref zetas, ref zetasQinv, (0 * 128) + at);
            Regroup128(l, h, out x, out y);
            Regroup64(x, y, out l, out h);
            TButterflies.Forward(ref l, ref h, ref zetas, ref zetasQinv, (1 * 128) + at);
            Regroup64(l, h, out x, out y);
            Regroup32(x, y, out l, out h);
            TButterflies.Forward(ref l, ref h, ref zetas, ref zetasQinv, (2 * 128) + at);
            Regroup32(l, h, out x, out y);
            TButterflies.FinishForward(x).StoreUnsafe(ref pair);
            TButterflies.FinishForward(y).StoreUnsafe(ref pair, (nuint)w);
        }
    }

    /// <summary>
    /// The inverse layers len = W/8, W/4, W/2 on the 256 coefficients at <paramref name="coefficients"/>, before the
    /// whole-vector layers: the mirror of <see cref="Forward"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Inverse<T, TButterflies>(ref T coefficients, ref T zetas, ref T zetasQinv)
        where TButterflies : struct, IPairButterflies<T>
    {
        int w = Vector256<T>.Count;
        for (int at = 0; at < 128; at += w)
        {
            ref T pair = ref Unsafe.Add(ref coefficients, 2 * at);
            Vector256<T> x = Vector256.LoadUnsafe(ref pair);
            Vector256<T> y = Vector256.LoadUnsafe(ref pair, (nuint)w);
            Regroup32(x, y, out Vector256<T> l, out Vector256<T> h);
            TButterflies.Inverse(ref l, ref h, ref zetas, ref zetasQinv, (2 * 128) + at);
            Regroup32(l, h, out x, out y);
            Regroup64(x, y, out l, out h);
            TButterflies.Inverse(ref l, ref h, ref zetas, ref zetasQinv, (1 * 128) + at);
            Regroup64(l, h, out x, out y);
            Regroup128(x, y, out l, out h);
            TButterflies.Inverse(ref l, ref h, ref zetas, ref zetasQinv, (0 * 128) + at);
            Regroup128(l, h, out x, out y);
            x.StoreUnsafe(ref pair);
            y.StoreUnsafe(ref pair, (nuint)w);
        }
    }

    /// <summary>Layer 0: (L, H) = ((x.lo128, y.lo128), (x.hi128, y.hi128)); its own inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Regroup128<T>(Vector256<T> x, Vector256<T> y, out Vector256<T> l, out Vector256<T> h)
    {
        l = Avx2.Permute2x128(x.AsUInt64(), y.AsUInt64(), 0x20).As<ulong, T>();
        h = Avx2.Permute2x128(x.AsUInt64(), y.AsUInt64(), 0x31).As<ulong, T>();
    }

    /// <summary>Layer 1: (L, H) = (unpacklo64(x, y), unpackhi64(x, y)); its own inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Regroup64<T>(Vector256<T> x, Vector256<T> y, out Vector256<T> l, out Vector256<T> h)
    {
        l = Avx2.UnpackLow(x.AsUInt64(), y.AsUInt64()).As<ulong, T>();
        h = Avx2.UnpackHigh(x.AsUInt64(), y.AsUInt64()).As<ulong, T>();
    }

    /// <summary>Layer 2: (L, H) = (blend32(x, y &lt;&lt; 32), blend32(x &gt;&gt; 32, y)); its own inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Regroup32<T>(Vector256<T> x, Vector256<T> y, out Vector256<T> l, out Vector256<T> h)
    {
        l = Avx2.Blend(x.AsInt32(), Avx2.ShiftLeftLogical(y.AsUInt64(), 32).AsInt32(), 0xAA).As<int, T>();
        h = Avx2.Blend(Avx2.ShiftRightLogical(x.AsUInt64(), 32).AsInt32(), y.AsInt32(), 0xAA).As<int, T>();
    }

    /// <summary>Entries in a per-lane ζ table: three layers of 128 butterflies.</summary>
    internal const int TableLength = 3 * 128;

    /// <summary>
    /// The index into the standard's ζ table for entry <paramref name="slot"/> of a per-lane table, whose layout is
    /// layer · 128 + pair · W + lane (pair = 0 .. 128/W − 1 over the polynomial, lane = 0 .. W − 1).
    /// </summary>
    /// <param name="lanesPerVector">W: 16 for 16-bit coefficients, 8 for 32-bit ones.</param>
    /// <param name="slot">0 .. <see cref="TableLength"/> − 1.</param>
    /// <param name="inverse">False for the forward NTT, true for the inverse.</param>
    internal static int ZetaIndex(int lanesPerVector, int slot, bool inverse)
    {
        int layer = slot / 128;
        int pair = (slot % 128) / lanesPerVector;
        int lane = slot % lanesPerVector;
        int len = lanesPerVector >> (layer + 1);
        int blocks = 256 / (2 * len);
        int block = LowCoefficientOfLane(lanesPerVector, layer, lane, pair * 2 * lanesPerVector) / (2 * len);
        return inverse ? (2 * blocks) - 1 - block : blocks + block;
    }

    // The coefficient that lane `lane` of L holds after the regrouping of `layer` (see the file header).
    private static int LowCoefficientOfLane(int w, int layer, int lane, int pairStart)
    {
        switch (layer)
        {
            case 0:
                return lane < w / 2 ? pairStart + lane : pairStart + w + (lane - (w / 2));
            case 1:
            {
                // Per 128-bit half h: (x[(w/2)·h .. + w/4), y[(w/2)·h .. + w/4)).
                int half = lane / (w / 2);
                int within = lane % (w / 2);
                int source = within < w / 4 ? pairStart : pairStart + w;
                return source + ((w / 2) * half) + (within % (w / 4));
            }

            default:
            {
                // 32-bit slot s (e = w/8 coefficients each) holds x's slot s (s even) or y's slot s − 1 (s odd).
                int e = w / 8;
                int slot = lane / e;
                int within = lane % e;
                return slot % 2 == 0 ? pairStart + (e * slot) + within : pairStart + w + (e * (slot - 1)) + within;
            }
        }
    }
}
