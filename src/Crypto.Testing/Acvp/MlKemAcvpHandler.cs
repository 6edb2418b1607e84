// NIST ACVP ML-KEM (FIPS 203), modes keyGen and encapDecap (ACVP-Server gen-val, "ML-KEM" JSON specification):
//   keyGen:                (d, z) -> ML-KEM.KeyGen_internal (Algorithm 16) -> ek, dk, both compared exactly;
//   encapsulation:         (ek, m) -> ML-KEM.Encaps_internal (Algorithm 17) -> c, k; when the case also gives dk,
//                          Decaps_internal(dk, c) must give k back;
//   decapsulation:         keyFormat "seed": the key is generated from d || z; "expanded": imported from dk (with the
//                          §7.3 checks); Decaps_internal (Algorithm 18) on c -> k (the VAL cases include modified
//                          ciphertexts, whose k is the implicit-rejection secret);
//   encapsulationKeyCheck: importing ek (the §7.2 length and modulus checks) succeeds iff testPassed;
//   decapsulationKeyCheck: importing dk (the §7.3 length and hash checks) succeeds iff testPassed.

using System;

namespace FintechCrypto.Testing;

internal sealed class MlKemAcvpHandler(string? mode) : AcvpHandler("ML-KEM", mode, "keyGen", "encapDecap")
{
    protected override bool IsKnownParameterSet(string? name) => name is "ML-KEM-512" or "ML-KEM-768" or "ML-KEM-1024";

    protected override string? ModeSkipReason(AcvpGroup group)
    {
        if (Mode == "keyGen")
        {
            return null;
        }

        string? function = group.GetString("function");
        return function switch
        {
            "encapsulation" or "encapsulationKeyCheck" or "decapsulationKeyCheck" => null,
            "decapsulation" => group.GetString("keyFormat") is "seed" or "expanded" or null
                ? null
                : $"the decapsulation key format '{group.GetString("keyFormat")}' is not supported",
            _ => $"the ML-KEM encapDecap function '{function}' is not supported",
        };
    }

    public override CaseOutcome Run(AcvpGroup group, AcvpTest test)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(group.ParameterSet!);
        if (Mode == "keyGen")
        {
            return KeyGen(algorithm, test);
        }

        return group.GetString("function") switch
        {
            "encapsulation" => Encapsulation(algorithm, test),
            "decapsulation" => Decapsulation(algorithm, group, test),
            "encapsulationKeyCheck" => KeyCheck(test, () => EncapsulationKey.Import(algorithm, test.GetHex("ek"), KeyBlobFormat.RawPublicKey).Dispose()),
            _ => KeyCheck(test, () => DecapsulationKey.Import(algorithm, test.GetHex("dk"), KeyBlobFormat.RawPrivateKey).Dispose()),
        };
    }

    private static CaseOutcome KeyGen(KemAlgorithm algorithm, AcvpTest test)
    {
        using DecapsulationKey key = DecapsulationKey.Import(algorithm, Seed(test), KeyBlobFormat.PrivateKeySeed);
        return CompareKeyPair(test, "ek", key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), "dk", () => key.Export(KeyBlobFormat.RawPrivateKey));
    }

    private static CaseOutcome Encapsulation(KemAlgorithm algorithm, AcvpTest test)
    {
        using EncapsulationKey ek = EncapsulationKey.Import(algorithm, test.GetHex("ek"), KeyBlobFormat.RawPublicKey);
        byte[] c = KemTesting.EncapsulateDeterministicForTesting(ek, test.GetHex("m"), out byte[] k);
        byte[] expectedK = test.GetHex("k");
        return CaseOutcome.Compare("c", c, test.GetHex("c"))
            .Then(() => CaseOutcome.Compare("k", k, expectedK))
            .Then(() =>
            {
                if (!test.TryGet("dk", out _))
                {
                    return CaseOutcome.Accepted;
                }

                // internalProjection.json also gives the matching dk: the round trip must give k back.
                using DecapsulationKey dk = DecapsulationKey.Import(algorithm, test.GetHex("dk"), KeyBlobFormat.RawPrivateKey);
                return CaseOutcome.Compare("k from Decaps(dk, c)", dk.Decapsulate(c), expectedK);
            });
    }

    private static CaseOutcome Decapsulation(KemAlgorithm algorithm, AcvpGroup group, AcvpTest test)
    {
        // The "seed" groups give only d and z (SOURCES.md): the key is expanded from them, as the standard's
        // KeyGen_internal does; "expanded" groups (and groups without a keyFormat) give the FIPS 203 dk.
        bool fromSeed = group.GetString("keyFormat") == "seed";
        using DecapsulationKey key = fromSeed
            ? DecapsulationKey.Import(algorithm, Seed(test), KeyBlobFormat.PrivateKeySeed)
            : DecapsulationKey.Import(algorithm, test.GetHex("dk"), KeyBlobFormat.RawPrivateKey);
        CaseOutcome dk = fromSeed && test.TryGet("dk", out _)
            ? CaseOutcome.Compare("dk generated from d || z", key.Export(KeyBlobFormat.RawPrivateKey), test.GetHex("dk"))
            : CaseOutcome.Accepted;
        return dk.Then(() => CaseOutcome.Compare("k", key.Decapsulate(test.GetHex("c")), test.GetHex("k")));
    }

    /// <summary>The import must succeed exactly when the case says testPassed; a refusal must be of the library's contract.</summary>
    private static CaseOutcome KeyCheck(AcvpTest test, Action import)
    {
        bool expected = test.GetBoolean("testPassed");
        try
        {
            import();
        }
        catch (Exception e) when (e is FintechCryptoException or ArgumentException)
        {
            return Decision(test, expected, accepted: false, "the key was accepted", $"the key was refused ({e.GetType().Name}: {e.Message})");
        }

        return Decision(test, expected, accepted: true, "the key was accepted", "the key was refused");
    }

    /// <summary>FIPS 203's 64-byte seed d || z (the order of ML-KEM.KeyGen_internal's inputs).</summary>
    private static byte[] Seed(AcvpTest test) => [.. test.GetHex("d"), .. test.GetHex("z")];
}
