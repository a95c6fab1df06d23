import Foundation

extension SVGMapProjection {
    /// SVG path data for open polylines (roads, rivers): one subpath per line, not closed.
    public func linePath(_ lines: [[GeoPoint]]) -> String {
        var out = ""
        for line in lines {
            for (index, vertex) in line.enumerated() {
                let (x, y) = project(vertex)
                out += (index == 0 ? "M" : "L") + Self.number(x) + " " + Self.number(y)
            }
        }
        return out
    }

    /// Where a line's name is written: the middle of its longest segment on the map, turned along it
    /// (in degrees, kept between −90 and 90 so the text never reads upside down).
    public func labelAnchor(_ lines: [[GeoPoint]]) -> (x: Double, y: Double, angle: Double)? {
        var best: (length: Double, x: Double, y: Double, angle: Double)?
        for line in lines {
            for (a, b) in zip(line, line.dropFirst()) {
                let p = project(a), q = project(b)
                let dx = q.x - p.x, dy = q.y - p.y
                let length = (dx * dx + dy * dy).squareRoot()
                guard length > (best?.length ?? 0) else { continue }
                var angle = atan2(dy, dx) * 180 / .pi
                if angle > 90 { angle -= 180 } else if angle < -90 { angle += 180 }
                best = (length, (p.x + q.x) / 2, (p.y + q.y) / 2, angle)
            }
        }
        return best.map { ($0.x, $0.y, $0.angle) }
    }
}
