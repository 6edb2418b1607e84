using System;

namespace FintechCrypto.Native.MlKem;

/// <summary>The ML-KEM sampling kernels, dispatched between the AVX2 twin and the scalar reference (see Dispatch).</summary>
internal static class MlKemSampling
{
    /// <inheritdoc cref="MlKemSamplingScalar.RejectSampleVartime"/>
    internal static int RejectSampleVartime(ReadOnlySpan<byte> buffer, Span<short> a, int count) =>
        Dispatch.UseAvx2 ? MlKemSamplingAvx2.RejectSampleVartime(buffer, a, count) : MlKemSamplingScalar.RejectSampleVartime(buffer, a, count);

    /// <inheritdoc cref="MlKemSamplingScalar.SampleCbd2"/>
    internal static void SampleCbd2(ReadOnlySpan<byte> input, Span<short> f) => MlKemSamplingScalar.SampleCbd2(input, f);

    /// <inheritdoc cref="MlKemSamplingScalar.SampleCbd3"/>
    internal static void SampleCbd3(ReadOnlySpan<byte> input, Span<short> f) => MlKemSamplingScalar.SampleCbd3(input, f);
}
