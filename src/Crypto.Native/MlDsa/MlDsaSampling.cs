using System;

namespace FintechCrypto.Native.MlDsa;

/// <summary>The ML-DSA sampling kernels, dispatched between the AVX2 twin and the scalar reference (see Dispatch).</summary>
internal static class MlDsaSampling
{
    /// <inheritdoc cref="MlDsaSamplingScalar.RejectUniformVartime"/>
    internal static int RejectUniformVartime(ReadOnlySpan<byte> buffer, Span<int> a, int count) =>
        Dispatch.UseAvx2 ? MlDsaSamplingAvx2.RejectUniformVartime(buffer, a, count) : MlDsaSamplingScalar.RejectUniformVartime(buffer, a, count);

    /// <inheritdoc cref="MlDsaSamplingScalar.RejectBounded"/>
    internal static int RejectBounded(ReadOnlySpan<byte> buffer, int eta, Span<int> a, int count) =>
        Dispatch.UseAvx2 ? MlDsaSamplingAvx2.RejectBounded(buffer, eta, a, count) : MlDsaSamplingScalar.RejectBounded(buffer, eta, a, count);
}
