// The backend contract every key family shares (NSec's Key/PublicKey split, Go's internal core behind a thin public
// wrapper): a private core holds the secrets and exports them in the algorithm's raw forms only; a public core exports
// its raw form. Wrapping in PKCS#8, SubjectPublicKeyInfo and PEM is the encoding layer's (Internal/Encodings/KeyFormats).

using System;

namespace FintechCrypto.Internal.Keys;

/// <summary>The secret half of a key, as one backend holds it.</summary>
internal abstract class PrivateKeyCore : IDisposable
{
    /// <summary>
    /// True when the key knows the seed it was generated from, so that it exports <see cref="KeyBlobFormat.PrivateKeySeed"/>
    /// and its PKCS#8 form holds the seed. False for keys imported in an expanded form, and for algorithms without seeds.
    /// </summary>
    internal virtual bool HasSeed => false;

    /// <summary>The algorithm's raw private-key encoding (<see cref="KeyBlobFormat.RawPrivateKey"/>); the caller clears it.</summary>
    internal abstract byte[] ExportRawPrivateKey();

    /// <summary>The seed (<see cref="KeyBlobFormat.PrivateKeySeed"/>); called only when <see cref="HasSeed"/>. The caller clears it.</summary>
    internal virtual byte[] ExportSeed() => throw Error.Crypto_InternalError("seed export from a key without a seed");

    /// <summary>
    /// The raw public key, for PKCS#8 forms that store it beside the private key (RFC 5915 ECPrivateKey); only the cores
    /// of those algorithms override it.
    /// </summary>
    internal virtual byte[] ExportRawPublicKey() => throw Error.Crypto_InternalError("public key export from a private core that does not store it");

    /// <summary>Clears the secrets and frees what holds them. Runs once, when no operation uses the key any more.</summary>
    public abstract void Dispose();
}

/// <summary>The secret half of a key that has a public half.</summary>
/// <typeparam name="TPublicCore">The backend type of the public half.</typeparam>
internal abstract class PrivateKeyCore<TPublicCore> : PrivateKeyCore
    where TPublicCore : PublicKeyCore
{
    /// <summary>The public half. Cores may return an object they keep, so the caller never disposes it on its own.</summary>
    internal abstract TPublicCore CreatePublicKey();
}

/// <summary>The public half of a key, as one backend holds it.</summary>
internal abstract class PublicKeyCore : IDisposable
{
    /// <summary>The algorithm's raw public-key encoding (<see cref="KeyBlobFormat.RawPublicKey"/>).</summary>
    internal abstract byte[] ExportRawPublicKey();

    /// <summary>Frees OS objects, if the backend holds any.</summary>
    public virtual void Dispose()
    {
    }
}
