/// The n-gram hashes a model knows, each with a dense index, looked up by open addressing.
///
/// Each slot packs the hash's top 36 bits with `index + 1` in the low 28 bits, so one probe reads one
/// 8-byte word; 0 marks an empty slot. Two different n-grams would have to agree on 36 bits and on
/// their probe run to be confused, which at a few hundred thousand features does not happen in practice.
struct FeatureVocabulary: Sendable {
    /// The most features a vocabulary can hold.
    static let capacity = 1 << 28 - 1
    private static let indexMask: UInt64 = 1 << 28 - 1

    /// The known hashes; a hash's position is its feature index.
    let hashes: [UInt64]
    private let slots: [UInt64]
    private let mask: Int

    /// Builds the lookup table for `hashes`, which must be distinct and at most `capacity` many.
    init(hashes: [UInt64]) {
        precondition(hashes.count <= Self.capacity)
        self.hashes = hashes
        var size = 16
        while size < hashes.count * 2 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (hash & ~Self.indexMask) | UInt64(index + 1)
        }
        self.slots = slots
        self.mask = mask
    }

    /// The number of features.
    var count: Int { hashes.count }

    /// Returns the feature index of `hash`, or nil when the model has never seen it.
    @inline(__always)
    func index(of hash: UInt64) -> Int32? {
        let fingerprint = hash & ~Self.indexMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & ~Self.indexMask == fingerprint { return Int32(truncatingIfNeeded: entry & Self.indexMask) - 1 }
            slot = (slot + 1) & mask
        }
    }
}
