/// A small seeded random generator so that shuffles and splits are reproducible on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// Returns a uniform integer in `0..<upperBound` by rejection sampling, identical on every platform.
    public mutating func uniform(below upperBound: Int) -> Int {
        precondition(upperBound > 0)
        let bound = UInt64(upperBound)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let value = next()
            if value < limit { return Int(value % bound) }
        }
    }

    /// Shuffles `array` in place (Fisher–Yates from the last element down).
    public mutating func shuffle<T>(_ array: inout [T]) {
        var index = array.count - 1
        while index > 0 {
            array.swapAt(index, uniform(below: index + 1))
            index -= 1
        }
    }

    /// The SplitMix64 finaliser, also used to spread feature hashes.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
