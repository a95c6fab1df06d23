/// The error-correction block structure of every symbol version (ISO/IEC 18004 Table 9) and the
/// capacities that follow from it.
enum QRCodeCapacity {
    /// Error-correction codewords in each block, by level (L, M, Q, H) and version 1…40.
    static let eccCodewordsPerBlock: [[Int]] = [
        [
            7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Number of error-correction blocks, by level (L, M, Q, H) and version 1…40.
    static let blockCounts: [[Int]] = [
        [
            1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        [
            1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        [
            1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]

    /// Modules of a `version` symbol left for codewords once the function patterns and the
    /// format and version information are placed (may include up to 7 remainder bits).
    static func dataModules(version: Int) -> Int {
        let size = 17 + 4 * version
        var modules = size * size
        modules -= 3 * 64  // finder patterns with their separators
        modules -= 2 * (size - 16)  // timing patterns between the separators
        modules -= 31  // both copies of the format information and the dark module
        if version >= 2 {
            let count = version / 7 + 2
            modules -= 25 * (count * count - 3)  // alignment patterns not under a finder
            modules += 10 * (count - 2)  // … less the ones sitting on a timing pattern
        }
        if version >= 7 { modules -= 36 }  // both copies of the version information
        return modules
    }

    /// All codewords (data and error correction) of a `version` symbol.
    static func totalCodewords(version: Int) -> Int { dataModules(version: version) / 8 }

    /// Error-correction codewords per block for `version` at `correction`.
    static func eccPerBlock(version: Int, correction: QRCode.Correction) -> Int {
        eccCodewordsPerBlock[correction.tableIndex][version - 1]
    }

    /// Number of blocks the codewords are split into for `version` at `correction`.
    static func blocks(version: Int, correction: QRCode.Correction) -> Int {
        blockCounts[correction.tableIndex][version - 1]
    }

    /// Data codewords a `version` symbol holds at `correction`.
    static func dataCodewords(version: Int, correction: QRCode.Correction) -> Int {
        totalCodewords(version: version)
            - eccPerBlock(version: version, correction: correction) * blocks(version: version, correction: correction)
    }

    /// Bits of the character-count indicator in byte mode: 8 for versions 1…9, 16 above.
    static func byteCountBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// The most payload bytes a `version` symbol holds at `correction` in byte mode, with
    /// `headerBits` of mode indicators (4 for plain byte mode, 16 with a one-byte ECI designator).
    static func byteCapacity(version: Int, correction: QRCode.Correction, headerBits: Int = 4) -> Int {
        let bits = dataCodewords(version: version, correction: correction) * 8 - headerBits - byteCountBits(version: version)
        return min(bits / 8, (1 << byteCountBits(version: version)) - 1)
    }
}
