import Foundation

/// A WGS84 position in decimal degrees: longitude east, latitude north.
public struct GeoPoint: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Longitude in degrees, east positive.
    public var lon: Double
    /// Latitude in degrees, north positive.
    public var lat: Double

    /// Creates a position from longitude and latitude in degrees.
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    /// Whether both coordinates are finite and inside the WGS84 ranges.
    public var isValidWGS84: Bool {
        lon.isFinite && lat.isFinite && (-180...180).contains(lon) && (-90...90).contains(lat)
    }

    public var description: String { "(\(lon), \(lat))" }
}

extension GeoPoint {
    /// Mean Earth radius (IUGG) in metres, used for distances.
    public static let meanEarthRadius = 6_371_008.8

    /// Great-circle distance to another position in metres (haversine formula on the mean sphere).
    public func distance(to other: GeoPoint) -> Double {
        let phi1 = lat * .pi / 180
        let phi2 = other.lat * .pi / 180
        let dPhi = phi2 - phi1
        let dLambda = (other.lon - lon) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * GeoPoint.meanEarthRadius * asin(min(1, h.squareRoot()))
    }
}
