import Foundation

/// Writes grid features as a GeoJSON FeatureCollection, one feature per line, keys sorted.
public struct GeoJSONWriter: Sendable {
    /// Property names to write (the first name of each list).
    public var keys: GridPropertyKeys
    /// The system to write coordinates in.
    public var coordinateSystem: CoordinateSystem

    /// Creates a writer.
    public init(keys: GridPropertyKeys = GridPropertyKeys(), coordinateSystem: CoordinateSystem = .wgs84) {
        self.keys = keys
        self.coordinateSystem = coordinateSystem
    }

    /// The document as UTF-8 bytes.
    public func write(_ features: [GridFeature]) -> Data {
        var output = "{\"type\":\"FeatureCollection\",\"features\":[\n"
        for (index, feature) in features.enumerated() {
            if index > 0 { output += ",\n" }
            writeFeature(feature, to: &output)
        }
        output += "\n]}\n"
        return Data(output.utf8)
    }

    private func writeFeature(_ feature: GridFeature, to output: inout String) {
        var properties = feature.properties
        properties[keys.code.first ?? "code"] = .string(feature.code)
        if let name = feature.name { properties[keys.name.first ?? "name"] = .string(name) }
        if let parent = feature.parentCode { properties[keys.parent.first ?? "parent"] = .string(parent) }
        output += "{\"type\":\"Feature\",\"properties\":"
        GeoJSONWriter.writeValue(.object(properties), to: &output)
        output += ",\"geometry\":"
        let geometry =
            coordinateSystem == .wgs84
            ? feature.geometry
            : feature.geometry.mapPositions { [coordinateSystem] in ChinaCoordinates.convert($0, from: .wgs84, to: coordinateSystem) }
        switch geometry {
        case .polygon(let polygon):
            output += "{\"type\":\"Polygon\",\"coordinates\":"
            writePolygon(polygon, to: &output)
        case .multiPolygon(let multi):
            output += "{\"type\":\"MultiPolygon\",\"coordinates\":["
            for (index, polygon) in multi.polygons.enumerated() {
                if index > 0 { output += "," }
                writePolygon(polygon, to: &output)
            }
            output += "]"
        }
        output += "}}"
    }

    private func writePolygon(_ polygon: Polygon, to output: inout String) {
        output += "["
        for (ringIndex, ring) in polygon.rings.enumerated() {
            if ringIndex > 0 { output += "," }
            output += "["
            for (index, point) in ring.positions.enumerated() {
                if index > 0 { output += "," }
                output += "[\(point.lon),\(point.lat)]"
            }
            output += "]"
        }
        output += "]"
    }

    /// Appends a JSON value; object keys are sorted so that output is reproducible.
    static func writeValue(_ value: GeoJSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number):
            output += number.rounded() == number && abs(number) < 0x1p53 ? String(Int64(number)) : "\(number)"
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                writeValue(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                writeString(key, to: &output)
                output += ":"
                writeValue(members[key] ?? .null, to: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
