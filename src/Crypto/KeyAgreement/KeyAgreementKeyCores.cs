// The backend contract of the key-agreement family: KeyAgreementKey and KeyAgreementPublicKey validate every argument
// (and hold the lease), the cores compute. Export, disposal and the public half are the shared key lifecycle's.

using System;
using FintechCrypto.Internal.Keys;

namespace FintechCrypto;

/// <summary>The private half of a key-agreement key, as one backend holds it.</summary>
internal abstract class KeyAgreementKeyCore : PrivateKeyCore<KeyAgreementPublicKeyCore>
{
    /// <summary>Writes the shared secret (exactly SharedSecretSize bytes) after the wrapper validated the arguments.</summary>
    internal abstract void Agree(KeyAgreementPublicKeyCore peer, Span<byte> sharedSecret);
}

/// <summary>The public half of a key-agreement key, as one backend holds it.</summary>
internal abstract class KeyAgreementPublicKeyCore : PublicKeyCore
{
}
