/// Positions along a Hilbert curve, which keep neighbouring cells close in the numbering.
enum HilbertCurve {
    /// The curve index of cell (x, y) in a square of `side` cells, `side` a power of two.
    static func index(x: Int, y: Int, side: Int) -> Int {
        var x = x, y = y, index = 0
        var s = side / 2
        while s > 0 {
            let rx = (x & s) > 0 ? 1 : 0
            let ry = (y & s) > 0 ? 1 : 0
            index += s * s * ((3 * rx) ^ ry)
            if ry == 0 {
                if rx == 1 {
                    x = side - 1 - x
                    y = side - 1 - y
                }
                swap(&x, &y)
            }
            s /= 2
        }
        return index
    }
}
