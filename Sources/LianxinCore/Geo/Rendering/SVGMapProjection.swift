import Foundation

/// Draws WGS84 areas as SVG without any map tiles: an equirectangular projection scaled by the
/// cosine of the middle latitude (true shapes at county scale), y pointing down. Pages use the same
/// numbers in the browser to turn a click back into a position, so `inverse` is exact.
public struct SVGMapProjection: Sendable, Hashable, Codable {
    public let minLon: Double
    public let maxLat: Double
    /// SVG units per degree of latitude.
    public let scale: Double
    /// cos(middle latitude): SVG units per degree of longitude are `scale * lonFactor`.
    public let lonFactor: Double
    public let width: Double
    public let height: Double

    /// A projection that fits `box` (with `margin` of its size around it) into `width` SVG units.
    public init(fitting box: BoundingBox, width: Double = 1000, margin: Double = 0.04) {
        let lonFactor = max(0.01, cos((box.minLat + box.maxLat) / 2 * .pi / 180))
        let spanLon = max(box.maxLon - box.minLon, 1e-6), spanLat = max(box.maxLat - box.minLat, 1e-6)
        let padLon = spanLon * margin, padLat = spanLat * margin
        minLon = box.minLon - padLon
        maxLat = box.maxLat + padLat
        self.lonFactor = lonFactor
        scale = width / ((spanLon + 2 * padLon) * lonFactor)
        self.width = width
        height = ((spanLat + 2 * padLat) * scale).rounded(.up)
    }

    /// The projection a page already drew with (its numbers as the page keeps them).
    public init(minLon: Double, maxLat: Double, scale: Double, lonFactor: Double, width: Double, height: Double) {
        self.minLon = minLon
        self.maxLat = maxLat
        self.scale = scale
        self.lonFactor = lonFactor
        self.width = width
        self.height = height
    }

    /// The SVG point of `point`.
    public func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        ((point.lon - minLon) * lonFactor * scale, (maxLat - point.lat) * scale)
    }

    /// The position of an SVG point.
    public func inverse(x: Double, y: Double) -> GeoPoint {
        GeoPoint(lon: minLon + x / (lonFactor * scale), lat: maxLat - y / scale)
    }

    /// SVG path data for the area: one closed subpath per ring (draw with `fill-rule: evenodd` so holes stay empty).
    public func path(_ geometry: AreaGeometry) -> String {
        var out = ""
        for ring in geometry.rings {
            var first = true
            for vertex in ring.vertices {
                let (x, y) = project(vertex)
                out += (first ? "M" : "L") + Self.number(x) + " " + Self.number(y)
                first = false
            }
            if !first { out += "Z" }
        }
        return out
    }

    /// One decimal is a tenth of an SVG unit: well under a metre at county scale.
    public static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + String(whole) + "." + String(fraction)
    }
}
