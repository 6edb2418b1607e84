// The SLH-DSA hash address ADRS: FIPS 205 §4.2 (structure, Figures 2-8) and §4.3 (member functions, Table 1),
// plus the 22-byte compressed address ADRSc of the SHA2 sets (§11.2).
//
// Layout of the 32-byte ADRS (all words big-endian):
//
//   bytes  0..3   layer address
//   bytes  4..15  tree address (12 bytes; the tree index is below 2^64, so bytes 4..7 are always zero)
//   bytes 16..19  type (WOTS_HASH 0, WOTS_PK 1, TREE 2, FORS_TREE 3, FORS_ROOTS 4, WOTS_PRF 5, FORS_PRF 6)
//   bytes 20..23  key pair address                     (word 1)
//   bytes 24..27  chain address / tree height          (word 2)
//   bytes 28..31  hash address / tree index            (word 3)
//
// ADRSc = ADRS[3] ‖ ADRS[8:16] ‖ ADRS[19] ‖ ADRS[20:32] (§11.2).

using System;
using System.Buffers.Binary;

namespace FintechCrypto.Internal.SlhDsa;

/// <summary>The address types of FIPS 205 §4.2.</summary>
internal enum AddressType : uint
{
    WotsHash = 0,
    WotsPk = 1,
    Tree = 2,
    ForsTree = 3,
    ForsRoots = 4,
    WotsPrf = 5,
    ForsPrf = 6,
}

/// <summary>ADRS (FIPS 205 §4.2), held as its words; a small mutable value type, copied as the spec copies ADRS.</summary>
internal struct Address
{
    /// <summary>The size of ADRS.</summary>
    internal const int Size = 32;

    /// <summary>The size of ADRSc (§11.2).</summary>
    internal const int CompressedSize = 22;

    private uint _layer;
    private ulong _tree;
    private uint _type;
    private uint _word1;
    private uint _word2;
    private uint _word3;

    /// <summary>ADRS.setLayerAddress(l) (Table 1).</summary>
    internal void SetLayerAddress(uint layer) => _layer = layer;

    /// <summary>ADRS.setTreeAddress(t) (Table 1).</summary>
    internal void SetTreeAddress(ulong tree) => _tree = tree;

    /// <summary>ADRS.setTypeAndClear(Y) (Table 1): sets the type and zeroes the last 12 bytes.</summary>
    internal void SetTypeAndClear(AddressType type)
    {
        _type = (uint)type;
        _word1 = 0;
        _word2 = 0;
        _word3 = 0;
    }

    /// <summary>ADRS.setKeyPairAddress(i) (Table 1).</summary>
    internal void SetKeyPairAddress(uint keyPair) => _word1 = keyPair;

    /// <summary>ADRS.getKeyPairAddress() (Table 1).</summary>
    internal readonly uint GetKeyPairAddress() => _word1;

    /// <summary>ADRS.setChainAddress(i) (Table 1).</summary>
    internal void SetChainAddress(uint chain) => _word2 = chain;

    /// <summary>ADRS.setTreeHeight(z) (Table 1).</summary>
    internal void SetTreeHeight(uint height) => _word2 = height;

    /// <summary>ADRS.setHashAddress(i) (Table 1).</summary>
    internal void SetHashAddress(uint hash) => _word3 = hash;

    /// <summary>ADRS.setTreeIndex(i) (Table 1).</summary>
    internal void SetTreeIndex(uint index) => _word3 = index;

    /// <summary>ADRS.getTreeIndex() (Table 1).</summary>
    internal readonly uint GetTreeIndex() => _word3;

    /// <summary>Writes the 32-byte ADRS.</summary>
    internal readonly void Write(Span<byte> destination)
    {
        destination = destination[..Size];
        BinaryPrimitives.WriteUInt32BigEndian(destination, _layer);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], 0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _tree);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _type);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], _word1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], _word2);
        BinaryPrimitives.WriteUInt32BigEndian(destination[28..], _word3);
    }

    /// <summary>Writes the 22-byte ADRSc = ADRS[3] ‖ ADRS[8:16] ‖ ADRS[19] ‖ ADRS[20:32] (§11.2).</summary>
    internal readonly void WriteCompressed(Span<byte> destination)
    {
        destination = destination[..CompressedSize];
        destination[0] = unchecked((byte)_layer);
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], _tree);
        destination[9] = unchecked((byte)_type);
        BinaryPrimitives.WriteUInt32BigEndian(destination[10..], _word1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[14..], _word2);
        BinaryPrimitives.WriteUInt32BigEndian(destination[18..], _word3);
    }

    /// <summary>
    /// The four 64-bit Keccak lanes that hold ADRS when it starts at a multiple of 8 bytes of the sponge input
    /// (FIPS 202 §B.1: byte k of a lane is bits 8k..8k+7, so each lane is the little-endian load of 8 ADRS bytes).
    /// </summary>
    internal readonly void GetLanes(out ulong lane0, out ulong lane1, out ulong lane2, out ulong lane3)
    {
        lane0 = BinaryPrimitives.ReverseEndianness(_layer);                                                   // bytes 0..7: layer, then 4 zero bytes
        lane1 = BinaryPrimitives.ReverseEndianness(_tree);                                                    // bytes 8..15
        lane2 = BinaryPrimitives.ReverseEndianness(_type) | ((ulong)BinaryPrimitives.ReverseEndianness(_word1) << 32);
        lane3 = BinaryPrimitives.ReverseEndianness(_word2) | ((ulong)BinaryPrimitives.ReverseEndianness(_word3) << 32);
    }
}
