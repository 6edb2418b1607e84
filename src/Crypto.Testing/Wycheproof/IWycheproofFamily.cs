namespace FintechCrypto.Testing;

/// <summary>
/// Runs the cases of one Wycheproof algorithm family through the public API. A new family (ML-KEM, ML-DSA…) is a
/// class implementing this interface plus one line in <see cref="WycheproofFamilies"/>. Run returns Accepted only
/// when the output matches the file; verify/decrypt false is Rejected.
/// </summary>
internal interface IWycheproofFamily : IVectorFamily<WycheproofGroup, WycheproofTest>
{
}
