// SecretScalar: a secret scalar (a signing share, a nonce) held encoded in a pinned array that Dispose clears.

using System;
using FintechCrypto.Internal.Groups;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Frost;

/// <summary>
/// A secret scalar kept as its Ns-byte encoding in pinned memory (the GC never copies it), cleared on
/// <see cref="Dispose"/>. <see cref="Get"/> decodes a copy that the caller clears with <see cref="Scalar.Clear"/>.
/// </summary>
/// <remarks>
/// Every read holds a lease on the bytes (<see cref="SecretLifetime"/>): a read racing <see cref="Dispose"/> on another
/// thread returns the real scalar or throws <see cref="ObjectDisposedException"/>, never a partly cleared one.
/// </remarks>
internal sealed class SecretScalar : IDisposable
{
    private readonly ScalarField _field;
    private readonly SecretBytes _bytes;
    private readonly object _owner;

    /// <param name="field">The scalar field.</param>
    /// <param name="value">The scalar; copied.</param>
    /// <param name="owner">The public object holding the scalar: named when it was disposed.</param>
    internal SecretScalar(ScalarField field, in Scalar value, object owner)
    {
        _field = field;
        _owner = owner;
        _bytes = new SecretBytes(field.Length);
        field.Encode(value, _bytes.Span);
    }

    internal bool IsDisposed => _bytes.IsDisposed;

    /// <summary>Ns, the length of the encoding.</summary>
    internal int Length => _bytes.Length;

    /// <summary>The scalar; the caller clears the copy.</summary>
    /// <exception cref="ObjectDisposedException">The scalar was disposed.</exception>
    internal Scalar Get()
    {
        using SecretLease lease = _bytes.Lease(_owner);
        return _field.Decode(_bytes.Span, "secret scalar");
    }

    /// <summary>Writes the Ns-byte encoding.</summary>
    /// <exception cref="ObjectDisposedException">The scalar was disposed.</exception>
    internal void CopyTo(Span<byte> destination)
    {
        using SecretLease lease = _bytes.Lease(_owner);
        _bytes.Span.CopyTo(destination);
    }

    /// <summary>Writes the Ns-byte encoding at the start of <paramref name="destination"/> (at least Ns bytes).</summary>
    /// <returns>Ns, the number of bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than Ns.</exception>
    /// <exception cref="ObjectDisposedException">The scalar was disposed.</exception>
    internal int Export(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw Error.Argument_DestinationTooSmall(nameof(destination), Length, destination.Length);
        }

        CopyTo(destination);
        return Length;
    }

    /// <summary>The Ns-byte encoding in a new pinned array that the caller clears.</summary>
    /// <exception cref="ObjectDisposedException">The scalar was disposed.</exception>
    internal byte[] Export()
    {
        byte[] result = GC.AllocateArray<byte>(Length, pinned: true);
        CopyTo(result);
        return result;
    }

    public void Dispose() => _bytes.Dispose();

    public override string ToString() => "<redacted>";
}
