/// The module grid of a symbol under construction: function patterns, data placement, masking,
/// format and version information (ISO/IEC 18004 §6.3, §7.7–§7.10).
struct QRMatrix {
    let version: Int
    let size: Int
    /// Row-major module colours, `true` for dark.
    private(set) var dark: [Bool]
    /// Modules that belong to a function pattern or to the format/version information; data and
    /// masks leave them alone.
    private(set) var reserved: [Bool]

    /// A symbol of `version` with its function patterns drawn and the format area reserved.
    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        dark = Array(repeating: false, count: size * size)
        reserved = Array(repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    /// Sets a function module.
    private mutating func setFunction(_ x: Int, _ y: Int, _ isDark: Bool) {
        dark[y * size + x] = isDark
        reserved[y * size + x] = true
    }

    /// The centre coordinates of the alignment patterns along each axis (ISO/IEC 18004 Annex E):
    /// 6, then evenly spaced (an even step) up to `size − 7`.
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = 4 * version + 10
        // The step is the smallest even number that spreads count − 1 gaps over (last − 6), except
        // version 32, where the standard uses 26 instead of 28.
        let step = version == 32 ? 26 : ((last - 6) + 2 * (count - 1) - 1) / (2 * (count - 1)) * 2
        return [6] + (0..<count - 1).reversed().map { last - $0 * step }
    }

    private mutating func drawFunctionPatterns() {
        // Timing patterns: alternating modules along row 6 and column 6.
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        // Finder patterns with their light separators.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx, y = cy + dy
                    guard x >= 0, x < size, y >= 0, y < size else { continue }
                    let ring = max(abs(dx), abs(dy))
                    setFunction(x, y, ring != 2 && ring != 4)
                }
            }
        }
        // Alignment patterns, except where they would overlap a finder.
        let centres = Self.alignmentCentres(version: version)
        let lastIndex = centres.count - 1
        for (i, cy) in centres.enumerated() {
            for (j, cx) in centres.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == lastIndex) || (i == lastIndex && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { setFunction(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormat(Self.formatBits(correction: .medium, mask: 0))  // reserves the area; redrawn later
        if version >= 7 {
            let bits = Self.versionBits(version: version)
            for i in 0..<18 {
                let isDark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                setFunction(a, b, isDark)  // top right, 3 wide and 6 tall
                setFunction(b, a, isDark)  // bottom left, 6 wide and 3 tall
            }
        }
    }

    /// The 15 format bits: two level bits and three mask bits, ten BCH(15,5) check bits from the
    /// generator x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1 (0x537), all XORed with 0x5412.
    static func formatBits(correction: QRCode.Correction, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        var remainder = data << 10
        for bit in stride(from: 14, through: 10, by: -1) where (remainder >> bit) & 1 == 1 {
            remainder ^= 0x537 << (bit - 10)
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version bits: six version bits and twelve BCH(18,6) check bits from the generator
    /// x¹² + x¹¹ + x¹⁰ + x⁹ + x⁸ + x⁵ + x² + 1 (0x1F25).
    static func versionBits(version: Int) -> Int {
        var remainder = version << 12
        for bit in stride(from: 17, through: 12, by: -1) where (remainder >> bit) & 1 == 1 {
            remainder ^= 0x1F25 << (bit - 12)
        }
        return version << 12 | remainder
    }

    /// Draws both copies of the format information (bit 0 is the least significant) and the dark module.
    private mutating func drawFormat(_ bits: Int) {
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the top-left finder: down column 8 (skipping the timing row), then left along row 8.
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        // The second copy: along row 8 under the top-right finder, and up column 8 beside the bottom-left one.
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)  // the dark module
    }

    /// Places the codeword bits, most significant first, in two-module columns from the bottom right,
    /// alternately upwards and downwards, skipping function modules and the vertical timing column.
    /// Modules left over (remainder bits) stay light.
    mutating func place(_ codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1) where !reserved[y * size + x] && index < bitCount {
                    dark[y * size + x] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
        assert(index == bitCount, "every codeword bit has a module")
    }

    /// Whether mask pattern `mask` inverts the module in column `x`, row `y` (ISO/IEC 18004 Table 10).
    static func masks(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        default: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        }
    }

    /// Inverts the data modules that `mask` selects; applying the same mask twice restores them.
    private mutating func toggle(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !reserved[y * size + x] && Self.masks(mask, x: x, y: y) {
                dark[y * size + x].toggle()
            }
        }
    }

    /// Applies `mask` to the data and writes the matching format information.
    mutating func apply(mask: Int, correction: QRCode.Correction) {
        toggle(mask: mask)
        drawFormat(Self.formatBits(correction: correction, mask: mask))
    }

    /// The mask with the lowest penalty score, the lowest number winning ties.
    func bestMask(correction: QRCode.Correction) -> Int {
        var best = 0, bestScore = Int.max
        for mask in 0..<8 {
            var trial = self
            trial.apply(mask: mask, correction: correction)
            let score = trial.penalty()
            if score < bestScore { best = mask; bestScore = score }
        }
        return best
    }

    /// The penalty score of the finished symbol (ISO/IEC 18004 §7.8.3): N1 = 3 points for five equal
    /// modules in a row or column plus 1 for each further one; N2 = 3 for each 2×2 block of one colour;
    /// N3 = 40 for each 1:1:3:1:1 finder-like pattern with four light modules on one side (the quiet
    /// zone counting as light); N4 = 10 for each full 5 % the dark share strays from 50 %.
    func penalty() -> Int {
        let size = size
        return dark.withUnsafeBufferPointer { grid in
            var score = 0
            for line in 0..<size {
                score += Self.linePenalty(grid, start: line * size, stride: 1, count: size)  // row
                score += Self.linePenalty(grid, start: line, stride: size, count: size)  // column
            }
            var darkCount = 0
            for y in 0..<size {
                for x in 0..<size {
                    let index = y * size + x
                    let colour = grid[index]
                    if colour { darkCount += 1 }
                    if x < size - 1, y < size - 1, grid[index + 1] == colour, grid[index + size] == colour,
                        grid[index + size + 1] == colour
                    {
                        score += 3
                    }
                }
            }
            let total = size * size
            score += abs(darkCount * 20 - total * 10) / total * 10
            return score
        }
    }

    /// N1 and N3 for the `count` modules of one row or column, `stride` apart from `start`.
    static func linePenalty(_ grid: UnsafeBufferPointer<Bool>, start: Int, stride: Int, count: Int) -> Int {
        var score = 0
        var runColour = false, runLength = 0
        // The last 11 modules seen, newest in the lowest bit, with 4 light quiet-zone modules either side.
        var window = 0
        let finderThenLight = 0b1011101_0000, lightThenFinder = 0b0000_1011101
        for i in 0..<count + 4 {
            let isDark = i < count && grid[start + i * stride]
            if i < count {
                if isDark == runColour && runLength > 0 {
                    runLength += 1
                } else {
                    if runLength >= 5 { score += runLength - 2 }
                    runColour = isDark
                    runLength = 1
                }
            }
            window = (window << 1 | (isDark ? 1 : 0)) & 0x7FF
            if window == finderThenLight || window == lightThenFinder { score += 40 }
        }
        if runLength >= 5 { score += runLength - 2 }
        return score
    }
}
