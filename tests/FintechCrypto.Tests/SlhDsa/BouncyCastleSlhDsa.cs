using System;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Tests.SlhDsa;

/// <summary>
/// BouncyCastle 2.7.0's SLH-DSA (Org.BouncyCastle.Crypto.Signers.SlhDsaSigner / HashSlhDsaSigner), driven with given
/// seeds: the independent oracle. Its key generator draws SK.seed, SK.prf and PK.seed from the SecureRandom in that
/// order; its deterministic signers use opt_rand = PK.seed; HashSLH-DSA is fixed per parameter set (SHA-256 for
/// SHA2-128*, SHA-512 for SHA2-192*/256*, SHAKE128 for SHAKE-128*, SHAKE256 for SHAKE-192*/256*).
/// </summary>
internal static class BouncyCastleSlhDsa
{
    internal static SlhDsaParameters Parameters(string name) => Field(name.ToLowerInvariant().Replace('-', '_'));

    /// <summary>The HashSLH-DSA parameters of a set, and the .NET name of its pre-hash.</summary>
    internal static (SlhDsaParameters Parameters, string Hash) PreHashParameters(string name)
    {
        string field = name.ToLowerInvariant().Replace('-', '_');
        (string suffix, string hash) = name switch
        {
            _ when name.StartsWith("SLH-DSA-SHA2-128", StringComparison.Ordinal) => ("_with_sha256", "SHA256"),
            _ when name.StartsWith("SLH-DSA-SHA2-", StringComparison.Ordinal) => ("_with_sha512", "SHA512"),
            _ when name.StartsWith("SLH-DSA-SHAKE-128", StringComparison.Ordinal) => ("_with_shake128", "SHAKE128"),
            _ => ("_with_shake256", "SHAKE256"),
        };
        return (Field(field + suffix), hash);
    }

    internal static (byte[] PublicKey, byte[] PrivateKey) KeyGen(string name, byte[] seed)
    {
        var generator = new SlhDsaKeyPairGenerator();
        generator.Init(new SlhDsaKeyGenerationParameters(new FixedRandom(seed), Parameters(name)));
        AsymmetricCipherKeyPair pair = generator.GenerateKeyPair();
        return (((SlhDsaPublicKeyParameters)pair.Public).GetEncoded(), ((SlhDsaPrivateKeyParameters)pair.Private).GetEncoded());
    }

    /// <summary>Pure SLH-DSA (slh_sign), deterministic (opt_rand = PK.seed) or randomized.</summary>
    internal static byte[] Sign(string name, byte[] sk, byte[] message, byte[] context, bool deterministic)
    {
        var signer = new SlhDsaSigner(Parameters(name), deterministic);
        signer.Init(true, new ParametersWithContext(SlhDsaPrivateKeyParameters.FromEncoding(Parameters(name), sk), context));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    internal static bool Verify(string name, byte[] pk, byte[] message, byte[] context, byte[] signature)
    {
        var verifier = new SlhDsaSigner(Parameters(name), deterministic: false);
        verifier.Init(false, new ParametersWithContext(SlhDsaPublicKeyParameters.FromEncoding(Parameters(name), pk), context));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature);
    }

    /// <summary>HashSLH-DSA (hash_slh_sign) over the whole message, deterministic.</summary>
    internal static byte[] SignPreHash(string name, byte[] sk, byte[] message, byte[] context)
    {
        (SlhDsaParameters parameters, _) = PreHashParameters(name);
        var signer = new HashSlhDsaSigner(parameters, deterministic: true);
        signer.Init(true, new ParametersWithContext(SlhDsaPrivateKeyParameters.FromEncoding(Parameters(name), sk), context));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    internal static bool VerifyPreHash(string name, byte[] pk, byte[] message, byte[] context, byte[] signature)
    {
        (SlhDsaParameters parameters, _) = PreHashParameters(name);
        var verifier = new HashSlhDsaSigner(parameters, deterministic: false);
        verifier.Init(false, new ParametersWithContext(SlhDsaPublicKeyParameters.FromEncoding(Parameters(name), pk), context));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature);
    }

    private static SlhDsaParameters Field(string field) =>
        (SlhDsaParameters)(typeof(SlhDsaParameters).GetField(field)?.GetValue(null)
            ?? throw new ArgumentException($"BouncyCastle has no SlhDsaParameters.{field}", nameof(field)));

    /// <summary>A SecureRandom that returns exactly the given bytes, in order.</summary>
    private sealed class FixedRandom : SecureRandom
    {
        private readonly byte[] _bytes;
        private int _offset;

        internal FixedRandom(byte[] bytes)
        {
            _bytes = bytes;
        }

        public override void NextBytes(byte[] buf) => NextBytes(buf.AsSpan());

        public override void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

        public override void NextBytes(Span<byte> buffer)
        {
            if (_offset + buffer.Length > _bytes.Length)
            {
                throw new InvalidOperationException("The fixed randomness is exhausted.");
            }

            _bytes.AsSpan(_offset, buffer.Length).CopyTo(buffer);
            _offset += buffer.Length;
        }
    }
}
