import Foundation

/// Reads a GeoJSON FeatureCollection of Polygon and MultiPolygon grid features, strictly.
public struct GeoJSONReader: Sendable {
    /// Property names to read.
    public var keys: GridPropertyKeys
    /// The system the file's coordinates are in; GCJ-02 input is converted to WGS84.
    public var coordinateSystem: CoordinateSystem

    /// Creates a reader.
    public init(keys: GridPropertyKeys = GridPropertyKeys(), coordinateSystem: CoordinateSystem = .wgs84) {
        self.keys = keys
        self.coordinateSystem = coordinateSystem
    }

    /// Parses the document; the first problem found is thrown and nothing is returned.
    public func read(_ data: Data) throws(GeoJSONError) -> [GridFeature] {
        let root: GeoJSONValue
        do {
            root = try JSONByteParser.parse(Array(data))
        } catch {
            throw GeoJSONError(.invalidJSON("\(error.message) at line \(error.line), column \(error.column)"), featureIndex: nil, path: "$")
        }
        guard case .object(let collection) = root, collection["type"] == .string("FeatureCollection"),
            case .array(let features)? = collection["features"]
        else {
            throw GeoJSONError(.notAFeatureCollection, featureIndex: nil, path: "$")
        }
        var result: [GridFeature] = []
        result.reserveCapacity(features.count)
        for (index, feature) in features.enumerated() {
            result.append(try readFeature(feature, index: index))
        }
        return result
    }

    private func readFeature(_ value: GeoJSONValue, index: Int) throws(GeoJSONError) -> GridFeature {
        let path = "$.features[\(index)]"
        guard case .object(let feature) = value, feature["type"] == .string("Feature") else {
            throw GeoJSONError(.notAFeature, featureIndex: index, path: path)
        }
        guard case .object(let geometryObject)? = feature["geometry"] else {
            throw GeoJSONError(.missingGeometry, featureIndex: index, path: path + ".geometry")
        }
        var geometry = try readGeometry(geometryObject, index: index, path: path + ".geometry")
        if coordinateSystem != .wgs84 {
            let source = coordinateSystem
            geometry = geometry.mapPositions { ChinaCoordinates.convert($0, from: source, to: .wgs84) }
        }
        var properties: [String: GeoJSONValue] = [:]
        if case .object(let object)? = feature["properties"] { properties = object }
        func take(_ names: [String]) -> String? {
            for name in names {
                if let text = properties[name]?.codeText {
                    properties[name] = nil
                    return text
                }
            }
            return nil
        }
        guard let code = take(keys.code) else {
            throw GeoJSONError(.missingProperty(keys.code.first ?? "code"), featureIndex: index, path: path + ".properties")
        }
        return GridFeature(code: code, name: take(keys.name), parentCode: take(keys.parent), geometry: geometry, properties: properties)
    }

    private func readGeometry(_ object: [String: GeoJSONValue], index: Int, path: String) throws(GeoJSONError) -> AreaGeometry {
        guard case .string(let type)? = object["type"] else {
            throw GeoJSONError(.unknownGeometryType(""), featureIndex: index, path: path + ".type")
        }
        let coordinatesPath = path + ".coordinates"
        switch type {
        case "Polygon":
            return .polygon(try readPolygon(object["coordinates"], index: index, path: coordinatesPath))
        case "MultiPolygon":
            guard case .array(let parts)? = object["coordinates"], !parts.isEmpty else {
                throw GeoJSONError(.badStructure, featureIndex: index, path: coordinatesPath)
            }
            var polygons: [Polygon] = []
            for (partIndex, part) in parts.enumerated() {
                polygons.append(try readPolygon(part, index: index, path: "\(coordinatesPath)[\(partIndex)]"))
            }
            return .multiPolygon(MultiPolygon(polygons))
        default:
            throw GeoJSONError(.unknownGeometryType(type), featureIndex: index, path: path + ".type")
        }
    }

    private func readPolygon(_ value: GeoJSONValue?, index: Int, path: String) throws(GeoJSONError) -> Polygon {
        guard case .array(let ringValues)? = value, !ringValues.isEmpty else {
            throw GeoJSONError(.badStructure, featureIndex: index, path: path)
        }
        var rings: [LinearRing] = []
        rings.reserveCapacity(ringValues.count)
        for (ringIndex, ringValue) in ringValues.enumerated() {
            rings.append(try readRing(ringValue, index: index, path: "\(path)[\(ringIndex)]"))
        }
        return Polygon(outer: rings[0], holes: Array(rings.dropFirst()))
    }

    private func readRing(_ value: GeoJSONValue, index: Int, path: String) throws(GeoJSONError) -> LinearRing {
        guard case .array(let positionValues) = value else {
            throw GeoJSONError(.badStructure, featureIndex: index, path: path)
        }
        var positions: [GeoPoint] = []
        positions.reserveCapacity(positionValues.count)
        for (positionIndex, positionValue) in positionValues.enumerated() {
            guard case .array(let numbers) = positionValue, numbers.count >= 2,
                case .number(let lon) = numbers[0], case .number(let lat) = numbers[1]
            else {
                throw GeoJSONError(.badCoordinate, featureIndex: index, path: "\(path)[\(positionIndex)]")
            }
            let point = GeoPoint(lon: lon, lat: lat)
            guard point.isValidWGS84 else {
                throw GeoJSONError(.badCoordinate, featureIndex: index, path: "\(path)[\(positionIndex)]")
            }
            positions.append(point)
        }
        guard positions.count >= 4 else {
            throw GeoJSONError(.tooFewPositions(count: positions.count), featureIndex: index, path: path)
        }
        guard positions.first == positions.last else {
            throw GeoJSONError(.unclosedRing, featureIndex: index, path: path)
        }
        return LinearRing(positions)
    }
}
