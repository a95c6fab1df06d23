/// Reed–Solomon error correction over GF(2⁸) with the field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D)
/// and generator roots α⁰ … αⁿ⁻¹, as QR codes use it (ISO/IEC 18004 §7.5.2).
enum QRReedSolomon {
    /// αⁱ for i in 0…254, repeated once so that sums of two logarithms need no reduction.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            table[i + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// The discrete logarithm of each non-zero field element (index 0 is unused).
    static let log: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(exp[i])] = i }
        return table
    }()

    /// The product of two field elements.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exp[log[Int(a)] + log[Int(b)]]
    }

    /// The coefficients of (x − α⁰)(x − α¹)…(x − αⁿ⁻¹), highest degree first, without the leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            // Multiply by (x + αⁱ); in characteristic 2, subtraction is addition.
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (j, coefficient) in poly.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= multiply(coefficient, exp[i])
            }
            poly = next
        }
        return Array(poly.dropFirst())
    }

    /// The `degree` error-correction codewords for `data`: the remainder of data(x)·xⁿ divided by the
    /// generator polynomial.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        remainder(of: data, generator: generator(degree: degree))
    }

    /// The remainder of data(x)·xⁿ divided by x^n + `generator` (highest degree first, leading 1 left out).
    static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            if factor != 0 {
                for j in 0..<generator.count { result[j] ^= multiply(generator[j], factor) }
            }
        }
        return result
    }
}
