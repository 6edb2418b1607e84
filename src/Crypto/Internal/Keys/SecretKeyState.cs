// The key lifecycle, written once for every family (issue 12): a key object holds one SecretKeyState, which owns the
// backend core and the use-versus-Dispose guarantee of SecretLifetime (issue 11, defect 4). Every operation on the core
// holds a lease (using SecretLease lease = _key.Lease(this)); Dispose marks the key disposed, and the core is cleared
// when the last lease is released, so an operation racing Dispose completes on the real key or throws
// ObjectDisposedException. One lease per operation: code called under a lease does not take another.

using System;
using FintechCrypto.Internal.Encodings;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Keys;

/// <summary>The lifecycle of a key's secret half, as <see cref="Key{TAlgorithm}"/> sees it: a lease count, export, disposal.</summary>
internal abstract class SecretKeyState : SecretLifetime
{
    /// <summary>Exports the key in any format its algorithm supports; public formats export the public half.</summary>
    /// <param name="owner">The key object, named in <see cref="ObjectDisposedException"/>.</param>
    /// <param name="format">The format.</param>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not supported.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal abstract byte[] Export(object owner, KeyBlobFormat format);
}

/// <summary>The lifetime, export and disposal of a key's secret core (alone for a key without a public half: <see cref="AeadKey"/>).</summary>
/// <typeparam name="TCore">The family's private-core type.</typeparam>
internal class SecretKeyState<TCore> : SecretKeyState
    where TCore : PrivateKeyCore
{
    internal SecretKeyState(IKeyAlgorithm algorithm, TCore core)
    {
        KeyAlgorithm = algorithm;
        Core = core;
    }

    /// <summary>The algorithm, as the encoding layer sees it.</summary>
    internal IKeyAlgorithm KeyAlgorithm { get; }

    /// <summary>The backend; read it only under a lease.</summary>
    internal TCore Core { get; }

    internal sealed override byte[] Export(object owner, KeyBlobFormat format)
    {
        using SecretLease lease = Lease(owner);
        return KeyFormats.IsPublic(format) ? ExportPublicUnderLease(format) : KeyFormats.ExportPrivate(KeyAlgorithm, Core, format);
    }

    /// <summary>
    /// The core outside a lease, for FintechCrypto.Testing's derandomized and internal-interface entry points: those
    /// callers must not dispose the key while they use it.
    /// </summary>
    internal TCore CoreForTesting(object owner)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, owner);
        return Core;
    }

    /// <summary>Public formats; a key without a public half has none. The caller holds a lease.</summary>
    private protected virtual byte[] ExportPublicUnderLease(KeyBlobFormat format) =>
        throw Error.Argument_FormatNotSupported(nameof(format), format, KeyAlgorithm.Name);

    /// <summary>Runs once, when the key is disposed and no operation holds a lease.</summary>
    protected override void Free() => Core.Dispose();
}
