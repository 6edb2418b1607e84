using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FintechCrypto.Internal.Encodings;

namespace FintechCrypto;

/// <summary>
/// A public signature key of one <see cref="SignatureAlgorithm"/>. A signature that does not verify, including one
/// of the wrong length, makes <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> return false.
/// </summary>
public sealed class VerificationKey : PublicKey<SignatureAlgorithm>
{
    private readonly VerificationKeyCore _core;

    internal VerificationKey(SignatureAlgorithm algorithm, VerificationKeyCore core)
        : base(algorithm, algorithm.Keys, core)
    {
        _core = core;
    }

    /// <summary>Imports a public key.</summary>
    /// <param name="algorithm">The parameter set the key must belong to.</param>
    /// <param name="blob">The encoded key.</param>
    /// <param name="format"><see cref="KeyBlobFormat.RawPublicKey"/>, <see cref="KeyBlobFormat.SubjectPublicKeyInfo"/> or <see cref="KeyBlobFormat.PemSubjectPublicKeyInfo"/>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="algorithm"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is not a public-key format.</exception>
    /// <exception cref="InvalidKeyEncodingException">The blob is malformed or is not a key of <paramref name="algorithm"/>.</exception>
    public static VerificationKey Import(SignatureAlgorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format) =>
        new(algorithm, KeyFormats.ImportPublic(algorithm?.Keys, blob, format));

    /// <summary>Verifies <paramref name="signature"/> on <paramref name="data"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="signature">The signature; any length (a wrong length is simply invalid).</param>
    /// <param name="context">The context string, for algorithms where <see cref="SignatureAlgorithm.SupportsContext"/>; otherwise empty.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentException">The algorithm takes no context and <paramref name="context"/> is not empty.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        ThrowIfDisposed();
        Algorithm.ValidateSignArguments(context, SigningMode.Default);
        return _core.Verify(data, signature, context);
    }

    /// <summary>Verifies <paramref name="signature"/> on <paramref name="data"/>.</summary>
    /// <param name="data">The message.</param>
    /// <param name="signature">The signature.</param>
    /// <param name="context">The context string, or null.</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="signature"/> is null.</exception>
    /// <exception cref="ArgumentException">The algorithm takes no context and <paramref name="context"/> is not empty.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool Verify(byte[] data, byte[] signature, byte[]? context = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(signature);
        return Verify(data.AsSpan(), signature.AsSpan(), context.AsSpan());
    }

    /// <summary>Verifies a pre-hashed signature (HashML-DSA, HashSLH-DSA); see <see cref="SigningKey.SignPreHash"/>.</summary>
    /// <param name="hash">PH(M), exactly the output length of <paramref name="hashAlgorithm"/>.</param>
    /// <param name="hashAlgorithm">The pre-hash function the signer used.</param>
    /// <param name="signature">The signature; any length (a wrong length is simply invalid).</param>
    /// <param name="context">The context string (0-255 bytes).</param>
    /// <returns>True only for a valid signature.</returns>
    /// <exception cref="ArgumentException">The algorithm has no pre-hash variant, the hash is not supported or has the wrong length, or the context is too long.</exception>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public bool VerifyPreHash(ReadOnlySpan<byte> hash, HashAlgorithmName hashAlgorithm, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> context = default)
    {
        ThrowIfDisposed();
        string oid = Algorithm.ValidatePreHashArguments(hash, hashAlgorithm, context, SigningMode.Default);
        return _core.VerifyPreHash(hash, oid, signature, context);
    }

    /// <summary>
    /// Verifies many signatures at once: true exactly when every item's <see cref="Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    /// (with an empty context) would return true. Items may mix keys and algorithms.
    /// </summary>
    /// <remarks>
    /// Ed25519 items are checked together by a random linear combination of their verification equations (the
    /// cofactored equation of RFC 8032 §5.1.7, with fresh 128-bit random weights, as curve25519-dalek and
    /// ed25519-zebra do): one multi-scalar multiplication instead of one per signature, so a batch of 64 costs well
    /// under half of 64 single verifications. An invalid item makes the combination fail except with probability at
    /// most 2^-128. Items of other algorithms are verified one by one. Use
    /// <see cref="VerifyBatch(ReadOnlySpan{BatchVerificationItem}, out int[])"/> to learn which items failed.
    /// </remarks>
    /// <param name="items">The (key, message, signature) triples; an empty batch is valid.</param>
    /// <returns>True when every signature is valid.</returns>
    /// <exception cref="ArgumentException">An item is default-constructed (it has no key).</exception>
    /// <exception cref="ObjectDisposedException">An item's key was disposed.</exception>
    public static bool VerifyBatch(ReadOnlySpan<BatchVerificationItem> items)
    {
        CheckBatch(items);
        return VerifyGroups(items, invalid: null);
    }

    /// <summary>
    /// Verifies many signatures at once, as <see cref="VerifyBatch(ReadOnlySpan{BatchVerificationItem})"/>, and names the
    /// items that fail: when a combined check fails, its items are verified one by one.
    /// </summary>
    /// <param name="items">The (key, message, signature) triples.</param>
    /// <param name="invalidIndices">The indices in <paramref name="items"/> of the invalid signatures, ascending; empty when all are valid.</param>
    /// <returns>True when every signature is valid.</returns>
    /// <exception cref="ArgumentException">An item is default-constructed (it has no key).</exception>
    /// <exception cref="ObjectDisposedException">An item's key was disposed.</exception>
    public static bool VerifyBatch(ReadOnlySpan<BatchVerificationItem> items, out int[] invalidIndices)
    {
        CheckBatch(items);
        var invalid = new List<int>();
        bool valid = VerifyGroups(items, invalid);
        invalid.Sort();
        invalidIndices = invalid.ToArray();
        return valid;
    }

    /// <summary>The backend, for the algorithms' batch verification.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    internal VerificationKeyCore Core
    {
        get
        {
            ThrowIfDisposed();
            return _core;
        }
    }

    // Every item has a live key (throws before any verification runs).
    private static void CheckBatch(ReadOnlySpan<BatchVerificationItem> items)
    {
        for (int i = 0; i < items.Length; i++)
        {
            if (items[i].Key is not { } key)
            {
                throw Error.Argument_BatchItemWithoutKey(nameof(items), i);
            }

            key.ThrowIfDisposed();
        }
    }

    // Splits the batch by algorithm and lets each algorithm verify its group; with invalid, collects failing indices.
    private static bool VerifyGroups(ReadOnlySpan<BatchVerificationItem> items, List<int>? invalid)
    {
        bool valid = true;
        var seen = new List<SignatureAlgorithm>();
        for (int i = 0; i < items.Length; i++)
        {
            SignatureAlgorithm algorithm = items[i].Key.Algorithm;
            if (seen.Contains(algorithm))
            {
                continue;
            }

            seen.Add(algorithm);
            var indices = new List<int>();
            var group = new List<BatchVerificationItem>();
            for (int j = i; j < items.Length; j++)
            {
                if (items[j].Key.Algorithm.Equals(algorithm))
                {
                    indices.Add(j);
                    group.Add(items[j]);
                }
            }

            if (algorithm.VerifyBatch(CollectionsMarshal.AsSpan(group)))
            {
                continue;
            }

            valid = false;
            if (invalid is null)
            {
                return false;
            }

            foreach (int index in indices)
            {
                BatchVerificationItem item = items[index];
                if (!item.Key.Verify(item.Message.Span, item.Signature.Span))
                {
                    invalid.Add(index);
                }
            }
        }

        return valid;
    }

    /// <summary>The backend, for FintechCrypto.Testing's internal-interface entry points.</summary>
    internal VerificationKeyCore CoreForTesting
    {
        get
        {
            ThrowIfDisposed();
            return _core;
        }
    }
}
