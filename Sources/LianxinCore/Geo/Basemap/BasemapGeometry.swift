import Foundation

/// A base-layer item's shape as GeoJSON geometry text (how it is stored) and back.
public enum BasemapGeometry {
    /// The GeoJSON geometry of `shape`, e.g. `{"type":"Point","coordinates":[117.9,28.4]}`.
    public static func text(_ shape: BasemapItem.Shape) -> String {
        let value: GeoJSONValue
        switch shape {
        case .point(let point):
            value = .object(["type": .string("Point"), "coordinates": position(point)])
        case .lines(let lines):
            value = .object(["type": .string("MultiLineString"), "coordinates": .array(lines.map { .array($0.map(position)) })])
        }
        var output = ""
        GeoJSONWriter.writeValue(value, to: &output)
        return output
    }

    /// The shape stored as `text`, nil when it is not a geometry this layer draws.
    public static func shape(text: String) -> BasemapItem.Shape? {
        (try? JSONByteParser.parse(Array(text.utf8))).flatMap { shape($0) }
    }

    /// The shape of a GeoJSON geometry value: Point, LineString or MultiLineString with valid positions.
    static func shape(_ geometry: GeoJSONValue?) -> BasemapItem.Shape? {
        guard case .object(let object)? = geometry, case .string(let type)? = object["type"] else { return nil }
        switch (type, object["coordinates"]) {
        case ("Point", let coordinates?): return point(coordinates).map { .point($0) }
        case ("LineString", let coordinates?): return line(coordinates).map { .lines([$0]) }
        case ("MultiLineString", .array(let parts)?):
            let lines = parts.compactMap(line)
            return lines.count == parts.count && !lines.isEmpty ? .lines(lines) : nil
        default: return nil
        }
    }

    private static func line(_ value: GeoJSONValue) -> [GeoPoint]? {
        guard case .array(let positions) = value, positions.count >= 2 else { return nil }
        let points = positions.compactMap(point)
        return points.count == positions.count ? points : nil
    }

    private static func point(_ value: GeoJSONValue) -> GeoPoint? {
        guard case .array(let numbers) = value, numbers.count >= 2, case .number(let lon) = numbers[0], case .number(let lat) = numbers[1]
        else { return nil }
        let point = GeoPoint(lon: lon, lat: lat)
        return point.isValidWGS84 ? point : nil
    }

    private static func position(_ point: GeoPoint) -> GeoJSONValue { .array([.number(point.lon), .number(point.lat)]) }
}
