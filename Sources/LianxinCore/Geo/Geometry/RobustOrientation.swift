/// Exact orientation test for three points given as doubles.
///
/// A floating-point filter answers almost every call; when the result is too close to zero to trust,
/// the determinant is re-evaluated exactly with error-free transformations (after Shewchuk's
/// "Adaptive Precision Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997).
/// Exactness is what lets the boundary rule of point-in-polygon put a point on a shared edge in
/// exactly one of the two grids.
enum RobustOrientation {
    /// Relative error bound of the filtered determinant: (3 + 16ε)ε with ε = 2⁻⁵³.
    private static let filterBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// +1 when c lies to the left of the directed line a→b, −1 to the right, 0 on it.
    @inline(__always)
    static func sign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let left = (bx - ax) * (cy - ay)
        let right = (by - ay) * (cx - ax)
        let determinant = left - right
        let bound = filterBound * (abs(left) + abs(right))
        if determinant > bound { return 1 }
        if -determinant > bound { return -1 }
        return exactSign(ax, ay, bx, by, cx, cy)
    }

    /// The sign of ax·by − ay·bx + bx·cy − by·cx + cx·ay − cy·ax, computed without rounding.
    private static func exactSign(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let products: [(Double, Double)] = [(ax, by), (bx, cy), (cx, ay)]
        let negatedProducts: [(Double, Double)] = [(ay, bx), (by, cx), (cy, ax)]
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 13) { expansion in
            var count = 0
            func add(_ value: Double) {
                // Grow-Expansion: adds one double to a nonoverlapping expansion, exactly.
                var carry = value
                for index in 0..<count {
                    let (sum, error) = twoSum(carry, expansion[index])
                    expansion[index] = error
                    carry = sum
                }
                expansion[count] = carry
                count += 1
            }
            for (x, y) in products {
                let (high, low) = twoProduct(x, y)
                add(low)
                add(high)
            }
            for (x, y) in negatedProducts {
                let (high, low) = twoProduct(x, y)
                add(-low)
                add(-high)
            }
            for index in stride(from: count - 1, through: 0, by: -1) where expansion[index] != 0 {
                return expansion[index] > 0 ? 1 : -1
            }
            return 0
        }
    }

    @inline(__always)
    private static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let sum = a + b
        let bVirtual = sum - a
        let aVirtual = sum - bVirtual
        return (sum, (a - aVirtual) + (b - bVirtual))
    }

    @inline(__always)
    private static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let product = a * b
        return (product, (-product).addingProduct(a, b))
    }
}
