using System;
using System.Threading;
using FintechCrypto.Internal.Memory;

namespace FintechCrypto.Internal.Keys;

/// <summary>
/// The lifecycle of a private key that has a public half (<see cref="SigningKey"/>, <see cref="DecapsulationKey"/>,
/// <see cref="KeyAgreementKey"/>): that of <see cref="SecretKeyState{TCore}"/>, plus the public key object, created once
/// on first use and disposed with the private key.
/// </summary>
/// <typeparam name="TAlgorithm">The family's public algorithm type.</typeparam>
/// <typeparam name="TCore">The family's private-core type.</typeparam>
/// <typeparam name="TPublic">The family's public key type.</typeparam>
internal sealed class PrivateKeyState<TAlgorithm, TCore, TPublic> : SecretKeyState<TCore>
    where TAlgorithm : Algorithm
    where TCore : PrivateKeyCore
    where TPublic : PublicKey<TAlgorithm>
{
    private readonly TAlgorithm _algorithm;
    private readonly Func<TAlgorithm, TCore, TPublic> _createPublicKey;
    private TPublic? _publicKey;

    /// <param name="algorithm">The key's algorithm.</param>
    /// <param name="keyAlgorithm">The same algorithm, as the encoding layer sees it.</param>
    /// <param name="core">The backend.</param>
    /// <param name="createPublicKey">Wraps the core's public half in the family's public key type (a static lambda, so no allocation).</param>
    internal PrivateKeyState(TAlgorithm algorithm, IKeyAlgorithm keyAlgorithm, TCore core, Func<TAlgorithm, TCore, TPublic> createPublicKey)
        : base(keyAlgorithm, core)
    {
        _algorithm = algorithm;
        _createPublicKey = createPublicKey;
    }

    /// <summary>The public key, created once; it belongs to the private key and is disposed with it.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal TPublic PublicKey(object owner)
    {
        using SecretLease lease = Lease(owner);
        return PublicKeyUnderLease();
    }

    private protected override byte[] ExportPublicUnderLease(KeyBlobFormat format) => PublicKeyUnderLease().Export(format);

    protected override void Free()
    {
        _publicKey?.Dispose();
        base.Free();
    }

    // The public key, created once; the caller holds a lease (a second lease would fail once Dispose was called).
    private TPublic PublicKeyUnderLease()
    {
        if (_publicKey is null)
        {
            TPublic created = _createPublicKey(_algorithm, Core);
            if (Interlocked.CompareExchange(ref _publicKey, created, null) is not null)
            {
                created.Dispose();
            }
        }

        return _publicKey;
    }
}
