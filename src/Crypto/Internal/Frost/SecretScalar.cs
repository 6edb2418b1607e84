// SecretScalar: a secret scalar (a signing share, a nonce) held encoded in a pinned array that Dispose clears.

using System;
using FintechCrypto.Groups;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Frost;

/// <summary>
/// A secret scalar kept as its Ns-byte encoding in pinned memory (the GC never copies it), cleared on
/// <see cref="Dispose"/>. <see cref="Get"/> decodes a copy that the caller clears with <see cref="Scalar.Clear"/>.
/// </summary>
internal sealed class SecretScalar : IDisposable
{
    private readonly ScalarField _field;
    private readonly SecretBytes _bytes;

    internal SecretScalar(ScalarField field, in Scalar value)
    {
        _field = field;
        _bytes = new SecretBytes(field.Length);
        field.Encode(value, _bytes.Span);
    }

    internal bool IsDisposed => _bytes.IsDisposed;

    /// <summary>Ns, the length of the encoding.</summary>
    internal int Length => _bytes.Length;

    /// <summary>The scalar; the caller clears the copy.</summary>
    /// <exception cref="ObjectDisposedException">The scalar was cleared.</exception>
    internal Scalar Get() => _field.Decode(_bytes.Span, "secret scalar");

    /// <summary>Writes the Ns-byte encoding.</summary>
    internal void CopyTo(Span<byte> destination) => _bytes.Span.CopyTo(destination);

    public void Dispose() => _bytes.Dispose();

    public override string ToString() => "<redacted>";
}
