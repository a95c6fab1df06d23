import Foundation

/// A QR code symbol (ISO/IEC 18004, model 2) that holds its payload in byte mode, encoded entirely
/// by Lianxin: no online service and no third-party library. The smallest version (1…40) that fits
/// the payload at the chosen error-correction level is used, and of the eight data masks the one
/// with the lowest penalty score (rules N1–N4) is applied.
///
/// ```swift
/// let code = try QRCode(encoding: "https://lianxin.example/p/checkin/R7K2Q9")
/// let png = code.png(scale: 8)
/// let svg = code.svg()
/// ```
public struct QRCode: Sendable, Hashable {
    /// The symbol version, 1…40; the symbol is `17 + 4 × version` modules wide.
    public let version: Int
    /// The error-correction level the data was encoded at.
    public let correction: Correction
    /// The data mask pattern applied, 0…7.
    public let mask: Int
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Whether the payload is preceded by an ECI designator 26 (the payload is UTF-8).
    public let declaresUTF8: Bool
    /// Row-major module colours, `true` for dark.
    let modules: [Bool]

    /// Whether the module in column `x`, row `y` (both 0 ..< `size`, origin top left) is dark.
    public subscript(x: Int, y: Int) -> Bool {
        precondition(x >= 0 && x < size && y >= 0 && y < size, "module (\(x), \(y)) is outside the symbol")
        return modules[y * size + x]
    }

    /// The number of dark modules in the symbol.
    public var darkModuleCount: Int { modules.lazy.filter { $0 }.count }

    /// Encodes `text` as UTF-8 bytes. Text outside ASCII is marked as UTF-8 with an ECI designator so
    /// that readers do not guess another character set.
    /// - Throws: ``QRCodeError/dataTooLong(bytes:capacity:)`` when the text does not fit in version 40.
    public init(encoding text: String, correction: Correction = .medium, minimumVersion: Int = 1) throws {
        let bytes = Data(text.utf8)
        try self.init(
            encoding: bytes, correction: correction, minimumVersion: minimumVersion,
            declaringUTF8: bytes.contains { $0 >= 0x80 })
    }

    /// Encodes `data` as it is in byte mode.
    /// - Parameters:
    ///   - correction: the error-correction level; medium (M) recovers about 15 % of the codewords.
    ///   - minimumVersion: the smallest version to use, for codes that should all print the same size.
    ///   - declaringUTF8: whether to precede the data with ECI designator 26 (UTF-8); costs 12 bits.
    /// - Throws: ``QRCodeError/dataTooLong(bytes:capacity:)`` when `data` does not fit in version 40.
    public init(
        encoding data: Data, correction: Correction = .medium, minimumVersion: Int = 1,
        declaringUTF8: Bool = false
    ) throws {
        try self.init(
            bytes: [UInt8](data), correction: correction, minimumVersion: minimumVersion,
            declaringUTF8: declaringUTF8, forcedMask: nil)
    }

    /// The designated initialiser; `forcedMask` skips the penalty evaluation (for tests).
    init(bytes: [UInt8], correction: Correction, minimumVersion: Int, declaringUTF8: Bool, forcedMask: Int?) throws {
        precondition((1...40).contains(minimumVersion), "QR code versions run from 1 to 40")
        precondition(forcedMask.map { (0..<8).contains($0) } ?? true, "masks run from 0 to 7")
        let headerBits = declaringUTF8 ? 4 + 8 + 4 : 4
        guard
            let version = (minimumVersion...40).first(where: {
                bytes.count <= QRCodeCapacity.byteCapacity(version: $0, correction: correction, headerBits: headerBits)
            })
        else {
            throw QRCodeError.dataTooLong(
                bytes: bytes.count,
                capacity: QRCodeCapacity.byteCapacity(version: 40, correction: correction, headerBits: headerBits))
        }
        let data = Self.dataCodewords(bytes, version: version, correction: correction, declaringUTF8: declaringUTF8)
        let codewords = Self.interleavedCodewords(data, version: version, correction: correction)
        var matrix = QRMatrix(version: version)
        matrix.place(codewords)
        let mask = forcedMask ?? matrix.bestMask(correction: correction)
        matrix.apply(mask: mask, correction: correction)

        self.version = version
        self.correction = correction
        self.mask = mask
        self.size = matrix.size
        self.declaresUTF8 = declaringUTF8
        self.modules = matrix.dark
    }

    /// The data codewords: optional ECI header, byte-mode indicator, character count, the bytes,
    /// terminator, zero bits up to a byte boundary, and the pad codewords 0xEC 0x11 alternately.
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: Correction, declaringUTF8: Bool) -> [UInt8] {
        let capacityBits = QRCodeCapacity.dataCodewords(version: version, correction: correction) * 8
        var buffer = QRBitBuffer()
        if declaringUTF8 {
            buffer.append(0b0111, length: 4)  // ECI mode
            buffer.append(26, length: 8)  // designator 26: UTF-8
        }
        buffer.append(0b0100, length: 4)  // byte mode
        buffer.append(bytes.count, length: QRCodeCapacity.byteCountBits(version: version))
        for byte in bytes { buffer.append(Int(byte), length: 8) }
        precondition(buffer.count <= capacityBits, "the version was chosen too small")
        buffer.append(0, length: min(4, capacityBits - buffer.count))
        buffer.append(0, length: (8 - buffer.count % 8) % 8)
        var codewords = buffer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count * 8 < capacityBits {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits `data` into the blocks of the version's structure, appends each block's Reed–Solomon
    /// codewords, and interleaves: the first data codeword of every block, then the second, …, then
    /// the error-correction codewords the same way (ISO/IEC 18004 §7.6).
    static func interleavedCodewords(_ data: [UInt8], version: Int, correction: Correction) -> [UInt8] {
        let blockCount = QRCodeCapacity.blocks(version: version, correction: correction)
        let eccLength = QRCodeCapacity.eccPerBlock(version: version, correction: correction)
        let total = QRCodeCapacity.totalCodewords(version: version)
        let shortBlocks = blockCount - total % blockCount
        let shortDataLength = total / blockCount - eccLength
        let generator = QRReedSolomon.generator(degree: eccLength)

        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var offset = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlocks ? 0 : 1)
            let chunk = Array(data[offset..<offset + length])
            offset += length
            dataBlocks.append(chunk)
            eccBlocks.append(QRReedSolomon.remainder(of: chunk, generator: generator))
        }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...shortDataLength {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<eccLength {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }
}
