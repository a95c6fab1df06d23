extension QRCode {
    /// How much of a symbol may be damaged or covered and still be read (ISO/IEC 18004 §7.5.1):
    /// about 7 % (L), 15 % (M), 25 % (Q) or 30 % (H) of the codewords. Each step up costs capacity.
    public enum Correction: String, Sendable, Hashable, Codable, CaseIterable {
        case low, medium, quartile, high

        /// The two bits that stand for the level in the format information: L = 01, M = 00, Q = 11, H = 10.
        var formatBits: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }

        /// The position of the level in the rows of ``QRCodeCapacity``'s tables (L, M, Q, H).
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }
    }
}
