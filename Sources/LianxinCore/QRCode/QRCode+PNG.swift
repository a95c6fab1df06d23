import Foundation

extension QRCode {
    /// The symbol as a 1-bit greyscale PNG: black modules on white, each module `scale` × `scale`
    /// pixels, surrounded by a light quiet zone of `quietZone` modules (the standard asks for 4).
    public func png(scale: Int = 8, quietZone: Int = 4) -> Data {
        precondition(scale >= 1 && quietZone >= 0, "scale must be positive and the quiet zone not negative")
        let side = (size + 2 * quietZone) * scale
        return GrayscalePNG.encode(width: side, height: side) { px, py in
            let x = px / scale - quietZone, y = py / scale - quietZone
            guard x >= 0, x < size, y >= 0, y < size else { return true }
            return !modules[y * size + x]
        }
    }
}
