using System;

namespace FintechCrypto.Native.MlKem;

/// <summary>The ML-KEM codecs, dispatched between the AVX2 twin and the scalar reference (see Dispatch).</summary>
internal static class MlKemCodec
{
    /// <inheritdoc cref="MlKemCodecScalar.CompressEncode"/>
    internal static void CompressEncode(ReadOnlySpan<short> f, int d, Span<byte> output)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemCodecAvx2.CompressEncode(f, d, output);
        }
        else
        {
            MlKemCodecScalar.CompressEncode(f, d, output);
        }
    }

    /// <inheritdoc cref="MlKemCodecScalar.DecodeDecompress"/>
    internal static void DecodeDecompress(ReadOnlySpan<byte> input, int d, Span<short> f)
    {
        if (Dispatch.UseAvx2)
        {
            MlKemCodecAvx2.DecodeDecompress(input, d, f);
        }
        else
        {
            MlKemCodecScalar.DecodeDecompress(input, d, f);
        }
    }

    /// <inheritdoc cref="MlKemCodecScalar.Encode12"/>
    internal static void Encode12(ReadOnlySpan<short> f, Span<byte> output) => MlKemCodecScalar.Encode12(f, output);

    /// <inheritdoc cref="MlKemCodecScalar.Decode12"/>
    internal static bool Decode12(ReadOnlySpan<byte> input, Span<short> f) => MlKemCodecScalar.Decode12(input, f);
}
