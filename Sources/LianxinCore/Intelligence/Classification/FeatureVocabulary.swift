/// The n-gram hashes a model knows, each with a dense index, looked up by open addressing.
struct FeatureVocabulary: Sendable {
    /// The known hashes; a hash's position is its feature index.
    let hashes: [UInt64]
    private let slotHashes: [UInt64]
    private let slotIndices: [Int32]
    private let mask: Int

    /// Builds the lookup table for `hashes`, which must be distinct.
    init(hashes: [UInt64]) {
        self.hashes = hashes
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        var slotHashes = [UInt64](repeating: 0, count: capacity)
        var slotIndices = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slotIndices[slot] >= 0 { slot = (slot + 1) & mask }
            slotHashes[slot] = hash
            slotIndices[slot] = Int32(index)
        }
        self.slotHashes = slotHashes
        self.slotIndices = slotIndices
        self.mask = mask
    }

    /// The number of features.
    var count: Int { hashes.count }

    /// Returns the feature index of `hash`, or nil when the model has never seen it.
    @inline(__always)
    func index(of hash: UInt64) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slotIndices[slot]
            if index < 0 { return nil }
            if slotHashes[slot] == hash { return index }
            slot = (slot + 1) & mask
        }
    }
}
