/// Turns text into 64-bit hashes of its character n-grams, the features of every text model here.
public struct CharacterNGrams: Sendable, Hashable, Codable {
    /// The normaliser applied before n-gramming.
    public var normalizer: TextNormalizer
    /// The shortest n-gram, in characters.
    public var minLength: Int
    /// The longest n-gram, in characters.
    public var maxLength: Int
    /// N-grams inside the first this many characters count again as separate "lead" features,
    /// because an order's opening words (its title) say most about its category; 0 turns this off.
    public var leadLength: Int

    /// Creates an n-gram extractor for lengths `lengths` (for example `1...3`).
    public init(normalizer: TextNormalizer = TextNormalizer(), lengths: ClosedRange<Int> = 1...3, leadLength: Int = 0) {
        precondition(lengths.lowerBound >= 1, "n-grams have at least one character")
        self.normalizer = normalizer
        minLength = lengths.lowerBound
        maxLength = lengths.upperBound
        self.leadLength = leadLength
    }

    /// Returns the hash of every n-gram occurrence in `text`, in text order (with repeats).
    public func hashes(of text: String) -> [UInt64] {
        let scalars = normalizer.scalars(of: text)
        var output: [UInt64] = []
        output.reserveCapacity(scalars.count * (maxLength - minLength + 1))
        scalars.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            for start in 0..<count where buffer[start] != TextNormalizer.separator {
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                var length = 0
                var position = start
                while length < maxLength, position < count {
                    let value = buffer[position]
                    if value == TextNormalizer.separator { break }
                    hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01B3
                    length += 1
                    position += 1
                    if length >= minLength {
                        output.append(SplitMix64.mix(hash))
                        if position <= leadLength { output.append(SplitMix64.mix(hash ^ Self.leadSalt)) }
                    }
                }
            }
        }
        return output
    }

    private static let leadSalt: UInt64 = 0x5A17_1EAD_0000_0000

    /// Returns the distinct n-gram hashes of `text` with how often each occurs, sorted by hash.
    public func counts(of text: String) -> [(hash: UInt64, count: Int)] {
        var hashes = hashes(of: text)
        hashes.sort()
        var output: [(hash: UInt64, count: Int)] = []
        output.reserveCapacity(hashes.count)
        for hash in hashes {
            if let last = output.last, last.hash == hash {
                output[output.count - 1].count += 1
            } else {
                output.append((hash, 1))
            }
        }
        return output
    }
}
