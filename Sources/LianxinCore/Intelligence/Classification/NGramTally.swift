/// Counts repeated n-gram hashes in a small open-addressing table, faster than sorting them.
struct NGramTally {
    private var keys: [UInt64]
    private var counts: [Int32]

    /// Tallies `hashes`.
    init(_ hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 2 { size <<= 1 }
        let mask = size - 1
        var keys = [UInt64](repeating: 0, count: size)
        var counts = [Int32](repeating: 0, count: size)
        keys.withUnsafeMutableBufferPointer { keys in
            counts.withUnsafeMutableBufferPointer { counts in
                for hash in hashes {
                    var slot = Int(truncatingIfNeeded: hash >> 32) & mask
                    while counts[slot] != 0, keys[slot] != hash { slot = (slot + 1) & mask }
                    keys[slot] = hash
                    counts[slot] += 1
                }
            }
        }
        self.keys = keys
        self.counts = counts
    }

    /// Calls `body` with each distinct hash and its count, in table order.
    func forEach(_ body: (UInt64, Int32) -> Void) {
        for slot in keys.indices where counts[slot] != 0 { body(keys[slot], counts[slot]) }
    }
}
