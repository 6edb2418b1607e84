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
using System.Text.Json;

namespace FintechCrypto.Testing;

internal sealed class MlKemAcvpHandler : IAcvpHandler
{
    public string? GroupSkipReason(AcvpVectorSet set, AcvpGroup group)
    {
        if (group.ParameterSet is not ("ML-KEM-512" or "ML-KEM-768" or "ML-KEM-1024"))
        {
            return $"the ML-KEM parameter set '{group.ParameterSet}' is not supported";
        }

        switch (set.Mode)
        {
            case "keyGen":
                return null;
            case "encapDecap":
                string? function = group.GetString("function");
                return function switch
                {
                    "encapsulation" or "encapsulationKeyCheck" or "decapsulationKeyCheck" => null,
                    "decapsulation" => group.GetString("keyFormat") is "seed" or "expanded" or null
                        ? null
                        : $"the decapsulation key format '{group.GetString("keyFormat")}' is not supported",
                    _ => $"the ML-KEM encapDecap function '{function}' is not supported",
                };
            default:
                return $"the ML-KEM mode '{set.Mode}' is not supported";
        }
    }

    public CaseOutcome Run(AcvpVectorSet set, AcvpGroup group, AcvpTest test)
    {
        KemAlgorithm algorithm = KemAlgorithm.FromName(group.ParameterSet!);
        if (set.Mode == "keyGen")
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
        CaseOutcome ek = CaseOutcome.Compare("ek", key.EncapsulationKey.Export(KeyBlobFormat.RawPublicKey), test.GetHex("ek"));
        return ek.Verdict != CaseVerdict.Accepted ? ek
            : CaseOutcome.Compare("dk", key.Export(KeyBlobFormat.RawPrivateKey), test.GetHex("dk"));
    }

    private static CaseOutcome Encapsulation(KemAlgorithm algorithm, AcvpTest test)
    {
        using EncapsulationKey ek = EncapsulationKey.Import(algorithm, test.GetHex("ek"), KeyBlobFormat.RawPublicKey);
        byte[] c = KemTesting.EncapsulateDeterministicForTesting(ek, test.GetHex("m"), out byte[] k);
        byte[] expectedK = test.GetHex("k");
        CaseOutcome outcome = CaseOutcome.Compare("c", c, test.GetHex("c"));
        if (outcome.Verdict == CaseVerdict.Accepted)
        {
            outcome = CaseOutcome.Compare("k", k, expectedK);
        }

        if (outcome.Verdict == CaseVerdict.Accepted && test.TryGet("dk", out _))
        {
            // internalProjection.json also gives the matching dk: the round trip must give k back.
            using DecapsulationKey dk = DecapsulationKey.Import(algorithm, test.GetHex("dk"), KeyBlobFormat.RawPrivateKey);
            outcome = CaseOutcome.Compare("k from Decaps(dk, c)", dk.Decapsulate(c), expectedK);
        }

        return outcome;
    }

    private static CaseOutcome Decapsulation(KemAlgorithm algorithm, AcvpGroup group, AcvpTest test)
    {
        // The "seed" groups give only d and z (SOURCES.md): the key is expanded from them, as the standard's
        // KeyGen_internal does; "expanded" groups (and groups without a keyFormat) give the FIPS 203 dk.
        bool fromSeed = group.GetString("keyFormat") == "seed";
        using DecapsulationKey key = fromSeed
            ? DecapsulationKey.Import(algorithm, Seed(test), KeyBlobFormat.PrivateKeySeed)
            : DecapsulationKey.Import(algorithm, test.GetHex("dk"), KeyBlobFormat.RawPrivateKey);
        if (fromSeed && test.TryGet("dk", out _))
        {
            CaseOutcome dk = CaseOutcome.Compare("dk generated from d || z", key.Export(KeyBlobFormat.RawPrivateKey), test.GetHex("dk"));
            if (dk.Verdict != CaseVerdict.Accepted)
            {
                return dk;
            }
        }

        return CaseOutcome.Compare("k", key.Decapsulate(test.GetHex("c")), test.GetHex("k"));
    }

    /// <summary>The import must succeed exactly when the case says testPassed; a refusal must be of the library's contract.</summary>
    private static CaseOutcome KeyCheck(AcvpTest test, Action import)
    {
        bool expected = TestPassed(test);
        bool accepted;
        string refusal = string.Empty;
        try
        {
            import();
            accepted = true;
        }
        catch (Exception e) when (e is FintechCryptoException or ArgumentException)
        {
            accepted = false;
            refusal = $"{e.GetType().Name}: {e.Message}";
        }

        if (accepted == expected)
        {
            return CaseOutcome.Accepted;
        }

        return accepted
            ? CaseOutcome.WrongOutput("the key was accepted, but testPassed is false")
            : CaseOutcome.Rejected($"the key was refused ({refusal}), but testPassed is true");
    }

    private static bool TestPassed(AcvpTest test)
    {
        if (test.TryGet("testPassed", out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        throw new VectorFileException($"{test.Where}: the field 'testPassed' is missing or not a boolean.");
    }

    /// <summary>FIPS 203's 64-byte seed d || z (the order of ML-KEM.KeyGen_internal's inputs).</summary>
    private static byte[] Seed(AcvpTest test)
    {
        byte[] d = test.GetHex("d");
        byte[] z = test.GetHex("z");
        byte[] seed = new byte[d.Length + z.Length];
        d.CopyTo(seed, 0);
        z.CopyTo(seed, d.Length);
        return seed;
    }
}
