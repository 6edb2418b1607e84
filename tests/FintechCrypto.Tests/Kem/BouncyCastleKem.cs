using System;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace FintechCrypto.Tests.Kem;

/// <summary>BouncyCastle 2.7.0's ML-KEM, driven with given seeds and randomness: the independent oracle.</summary>
internal static class BouncyCastleKem
{
    internal static MLKemParameters Parameters(KemAlgorithm algorithm) => algorithm.Name switch
    {
        "ML-KEM-512" => MLKemParameters.ml_kem_512,
        "ML-KEM-768" => MLKemParameters.ml_kem_768,
        _ => MLKemParameters.ml_kem_1024,
    };

    internal static (byte[] Ek, byte[] Dk) KeyGen(KemAlgorithm algorithm, byte[] seed)
    {
        MLKemPrivateKeyParameters sk = MLKemPrivateKeyParameters.FromSeed(Parameters(algorithm), seed);
        return (sk.GetPublicKeyEncoded(), sk.WithPreferredFormat(MLKemPrivateKeyParameters.Format.EncodingOnly).GetEncoded());
    }

    internal static (byte[] Ciphertext, byte[] SharedSecret) Encapsulate(KemAlgorithm algorithm, byte[] ek, byte[] m)
    {
        var encapsulator = new MLKemEncapsulator(Parameters(algorithm));
        encapsulator.Init(new ParametersWithRandom(MLKemPublicKeyParameters.FromEncoding(Parameters(algorithm), ek), new FixedRandom(m)));
        byte[] ct = new byte[encapsulator.EncapsulationLength];
        byte[] ss = new byte[encapsulator.SecretLength];
        encapsulator.Encapsulate(ct, 0, ct.Length, ss, 0, ss.Length);
        return (ct, ss);
    }

    internal static byte[] Decapsulate(KemAlgorithm algorithm, byte[] seed, byte[] ct)
    {
        var decapsulator = new MLKemDecapsulator(Parameters(algorithm));
        decapsulator.Init(MLKemPrivateKeyParameters.FromSeed(Parameters(algorithm), seed));
        byte[] ss = new byte[decapsulator.SecretLength];
        decapsulator.Decapsulate(ct, 0, ct.Length, ss, 0, ss.Length);
        return ss;
    }

    /// <summary>A SecureRandom that returns exactly the given bytes once (ML-KEM encapsulation draws its 32-byte m).</summary>
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
