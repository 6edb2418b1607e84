// KeyGenPurpose: whether a DKG secret package belongs to a key generation (frost-core keys/dkg.rs) or to a
// share refresh (keys/refresh.rs refresh_dkg_*), which share the package types and differ in the constant term.

namespace FintechCrypto.Internal.Frost.Keys;

/// <summary>What a DKG run makes: new keys, or a sharing of zero that refreshes existing shares.</summary>
internal enum KeyGenPurpose : byte
{
    /// <summary>A DKG: the constant term is a random non-zero secret, proven with a proof of knowledge.</summary>
    Dkg = 0,

    /// <summary>A share refresh: the constant term is zero and element 0 of the commitment is the identity.</summary>
    Refresh = 1,
}
