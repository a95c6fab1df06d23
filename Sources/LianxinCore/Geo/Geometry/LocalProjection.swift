import Foundation

/// An equirectangular projection to metres around a reference latitude, accurate at grid and county scale.
struct LocalProjection: Sendable {
    /// Metres per degree of latitude on the mean sphere.
    static let metresPerDegree = GeoPoint.meanEarthRadius * .pi / 180

    let origin: GeoPoint
    let metresPerDegreeLon: Double

    /// A projection centred on the given position.
    init(origin: GeoPoint) {
        self.origin = origin
        self.metresPerDegreeLon = LocalProjection.metresPerDegree * cos(origin.lat * .pi / 180)
    }

    /// Metres east and north of the origin.
    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        ((point.lon - origin.lon) * metresPerDegreeLon, (point.lat - origin.lat) * LocalProjection.metresPerDegree)
    }

    /// The position at the given metres east and north of the origin.
    func unproject(x: Double, y: Double) -> GeoPoint {
        GeoPoint(lon: origin.lon + x / metresPerDegreeLon, lat: origin.lat + y / LocalProjection.metresPerDegree)
    }
}
