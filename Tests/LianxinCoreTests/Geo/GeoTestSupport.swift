import Foundation
@testable import LianxinCore

/// Shared fixtures for the Geo tests.
enum GeoTestSupport {
    /// A rectangle polygon from its corners.
    static func box(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double, holes: [LinearRing] = []) -> Polygon {
        Polygon(
            outer: LinearRing(closing: [
                GeoPoint(lon: minLon, lat: minLat), GeoPoint(lon: maxLon, lat: minLat),
                GeoPoint(lon: maxLon, lat: maxLat), GeoPoint(lon: minLon, lat: maxLat),
            ]), holes: holes)
    }

    /// A clockwise rectangular ring, for holes.
    static func holeRing(_ minLon: Double, _ minLat: Double, _ maxLon: Double, _ maxLat: Double) -> LinearRing {
        box(minLon, minLat, maxLon, maxLat).outer.reversed
    }

    /// The file under the shared data folder beside the repository, when present (tests using it are skipped otherwise).
    static func sharedData(_ relativePath: String) -> URL? {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/" + relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// 信州区 (Shangrao) from the shared Jiangxi county boundaries, when the shared data is present.
    static func xinzhouDistrict() throws -> AreaGeometry? {
        guard let url = sharedData("boundaries/jiangxi_district.geojson") else { return nil }
        let features = try GeoJSONReader(keys: GridPropertyKeys(code: ["adcode"])).read(Data(contentsOf: url))
        return features.first { $0.code == "361102" }?.geometry
    }

    /// Linear scan: the first area containing the point, as the index must answer.
    struct LinearScan {
        let geometries: [AreaGeometry]
        let boxes: [BoundingBox?]

        init(_ geometries: [AreaGeometry]) {
            self.geometries = geometries
            boxes = geometries.map(\.boundingBox)
        }

        /// Indices of all areas containing the point.
        func all(_ point: GeoPoint) -> [Int] {
            geometries.indices.filter { boxes[$0]?.contains(point) == true && geometries[$0].contains(point) }
        }

        /// The first area containing the point.
        func first(_ point: GeoPoint) -> Int? {
            geometries.indices.first { boxes[$0]?.contains(point) == true && geometries[$0].contains(point) }
        }
    }

    /// Synthetic 12-digit community codes.
    static func communities(_ count: Int) -> [String] {
        (1...count).map { String(format: "361102001%03d", $0) }
    }
}
