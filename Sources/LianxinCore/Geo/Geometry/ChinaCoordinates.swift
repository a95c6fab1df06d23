import Foundation

/// The coordinate reference systems that grid files arrive in.
public enum CoordinateSystem: String, Sendable, Hashable, Codable, CaseIterable {
    /// WGS84 (GPS, EPSG:4326; CGCS2000 / EPSG:4490 agrees with it to centimetres).
    case wgs84
    /// GCJ-02, the obfuscated "火星坐标" that mainland web maps (Amap, Tencent) publish.
    case gcj02
}

/// The published GCJ-02 ("火星坐标") transform and its iterative inverse.
///
/// The forward formula is the widely reproduced one on the Krasovsky ellipsoid; it is the identity
/// outside mainland China. The inverse has no closed form and is found by fixed-point iteration,
/// which converges to well below a millimetre.
public enum ChinaCoordinates {
    private static let semiMajorAxis = 6_378_245.0
    private static let eccentricitySquared = 0.006_693_421_622_965_943_23

    /// Whether the transform applies at this position (a rough box around mainland China).
    public static func isInsideChina(_ point: GeoPoint) -> Bool {
        (72.004...137.8347).contains(point.lon) && (0.8293...55.8271).contains(point.lat)
    }

    /// Converts a WGS84 position to GCJ-02.
    public static func gcj02(fromWGS84 point: GeoPoint) -> GeoPoint {
        guard isInsideChina(point) else { return point }
        let (dLon, dLat) = offset(point)
        return GeoPoint(lon: point.lon + dLon, lat: point.lat + dLat)
    }

    /// Converts a GCJ-02 position back to WGS84 by iterating the forward transform.
    public static func wgs84(fromGCJ02 point: GeoPoint) -> GeoPoint {
        guard isInsideChina(point) else { return point }
        var guess = point
        for _ in 0..<30 {
            let forward = gcj02(fromWGS84: guess)
            let errorLon = forward.lon - point.lon
            let errorLat = forward.lat - point.lat
            guess = GeoPoint(lon: guess.lon - errorLon, lat: guess.lat - errorLat)
            if abs(errorLon) < 1e-11 && abs(errorLat) < 1e-11 { break }
        }
        return guess
    }

    /// Converts a position between two systems.
    public static func convert(_ point: GeoPoint, from source: CoordinateSystem, to target: CoordinateSystem) -> GeoPoint {
        switch (source, target) {
        case (.wgs84, .wgs84), (.gcj02, .gcj02): point
        case (.wgs84, .gcj02): gcj02(fromWGS84: point)
        case (.gcj02, .wgs84): wgs84(fromGCJ02: point)
        }
    }

    /// The GCJ-02 shift in degrees (longitude, latitude) at a WGS84 position.
    private static func offset(_ point: GeoPoint) -> (Double, Double) {
        let x = point.lon - 105.0
        let y = point.lat - 35.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLat += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        dLat += (160.0 * sin(y / 12.0 * .pi) + 320 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        dLon += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        dLon += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        let radLat = point.lat / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - eccentricitySquared * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (semiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return (dLon, dLat)
    }
}
