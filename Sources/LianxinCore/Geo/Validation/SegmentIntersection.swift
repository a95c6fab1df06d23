/// Exact intersection tests for closed segments.
enum SegmentIntersection {
    /// A point where closed segments a–b and c–d meet, or nil when they do not.
    static func contact(_ a: GeoPoint, _ b: GeoPoint, _ c: GeoPoint, _ d: GeoPoint) -> GeoPoint? {
        let d1 = RobustOrientation.sign(c.lon, c.lat, d.lon, d.lat, a.lon, a.lat)
        let d2 = RobustOrientation.sign(c.lon, c.lat, d.lon, d.lat, b.lon, b.lat)
        let d3 = RobustOrientation.sign(a.lon, a.lat, b.lon, b.lat, c.lon, c.lat)
        let d4 = RobustOrientation.sign(a.lon, a.lat, b.lon, b.lat, d.lon, d.lat)
        if d1 * d2 < 0 && d3 * d4 < 0 {
            let denominator = (b.lon - a.lon) * (d.lat - c.lat) - (b.lat - a.lat) * (d.lon - c.lon)
            let t = ((c.lon - a.lon) * (d.lat - c.lat) - (c.lat - a.lat) * (d.lon - c.lon)) / denominator
            return GeoPoint(lon: a.lon + t * (b.lon - a.lon), lat: a.lat + t * (b.lat - a.lat))
        }
        if d1 == 0 && within(c, d, a) { return a }
        if d2 == 0 && within(c, d, b) { return b }
        if d3 == 0 && within(a, b, c) { return c }
        if d4 == 0 && within(a, b, d) { return d }
        return nil
    }

    /// Whether r, collinear with p–q, lies on the closed segment.
    private static func within(_ p: GeoPoint, _ q: GeoPoint, _ r: GeoPoint) -> Bool {
        r.lon >= min(p.lon, q.lon) && r.lon <= max(p.lon, q.lon) && r.lat >= min(p.lat, q.lat) && r.lat <= max(p.lat, q.lat)
    }
}
