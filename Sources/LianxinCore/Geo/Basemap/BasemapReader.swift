import Foundation

/// Reads the county's base layer from GeoJSON: a FeatureCollection of LineString/MultiLineString
/// (roads, rivers) and Point (landmarks) features, each with a `name` and an optional `kind`
/// (`road`/`river`/`landmark`, or 道路/河流/地标). Every problem of the file is collected, so an
/// admin fixes them all in one pass; a file with any problem yields nothing.
public struct BasemapReader: Sendable {
    /// The most characters a name may have (it is drawn on the map).
    public static let maximumNameLength = 30

    public init() {}

    /// The items of the file, or every problem in it.
    public func read(_ data: Data) throws(BasemapProblems) -> [BasemapItem] {
        let root: GeoJSONValue
        do {
            root = try JSONByteParser.parse(Array(data))
        } catch {
            throw BasemapProblems(problems: [
                BasemapProblem(
                    feature: nil, chinese: "文件不是有效的 JSON（第 \(error.line) 行第 \(error.column) 列）",
                    english: "The file is not valid JSON (line \(error.line), column \(error.column)).")
            ])
        }
        guard case .object(let collection) = root, collection["type"] == .string("FeatureCollection"),
            case .array(let features)? = collection["features"]
        else {
            throw BasemapProblems(problems: [
                BasemapProblem(
                    feature: nil, chinese: "文件应为含 features 数组的 GeoJSON 要素集（FeatureCollection）",
                    english: "The file must be a GeoJSON FeatureCollection with a features array.")
            ])
        }
        var items: [BasemapItem] = [], problems: [BasemapProblem] = []
        if features.isEmpty {
            problems.append(BasemapProblem(feature: nil, chinese: "文件中没有任何道路或地标", english: "The file holds no road or landmark."))
        }
        for (index, feature) in features.enumerated() {
            switch Self.item(feature, number: index + 1) {
            case .success(let item): items.append(item)
            case .failure(let found): problems.append(contentsOf: found.problems)
            }
        }
        guard problems.isEmpty else { throw BasemapProblems(problems: problems) }
        return items
    }

    private static func item(_ value: GeoJSONValue, number: Int) -> Result<BasemapItem, BasemapProblems> {
        func problem(_ chinese: String, _ english: String) -> BasemapProblem {
            BasemapProblem(feature: number, chinese: "第 \(number) 个要素：" + chinese, english: "Feature \(number): " + english)
        }
        guard case .object(let feature) = value else {
            return .failure(BasemapProblems(problems: [problem("不是 GeoJSON 要素（Feature）", "it is not a GeoJSON Feature.")]))
        }
        var problems: [BasemapProblem] = []
        var properties: [String: GeoJSONValue] = [:]
        if case .object(let found)? = feature["properties"] { properties = found }
        let name = (properties["name"]?.codeText ?? properties["名称"]?.codeText ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.append(problem("缺少名称（name）", "it has no name.")) }
        if name.count > maximumNameLength {
            problems.append(problem("名称超过 \(maximumNameLength) 个字", "its name is longer than \(maximumNameLength) characters."))
        }
        let shape = BasemapGeometry.shape(feature["geometry"])
        if shape == nil {
            problems.append(
                problem(
                    "形状应为线（LineString、MultiLineString，至少两个点）或点（Point），经纬度须有效",
                    "its geometry must be a LineString, MultiLineString (two points or more) or Point with valid longitude and latitude."))
        }
        var kind: BasemapItem.Kind?
        if let text = properties["kind"]?.codeText ?? properties["类型"]?.codeText {
            kind = BasemapItem.Kind(rawValue: text) ?? ["道路": .road, "河流": .river, "地标": .landmark][text]
            if kind == nil { problems.append(problem("类型只能是道路、河流或地标", "its kind must be road, river or landmark.")) }
        }
        if let shape, let chosen = kind {
            let isPoint = if case .point = shape { true } else { false }
            if isPoint != (chosen == .landmark) {
                problems.append(problem("地标须为点，道路和河流须为线", "a landmark must be a point, roads and rivers lines."))
            }
        }
        guard problems.isEmpty, let shape else { return .failure(BasemapProblems(problems: problems)) }
        let isPoint = if case .point = shape { true } else { false }
        return .success(BasemapItem(kind: kind ?? (isPoint ? .landmark : .road), name: name, shape: shape))
    }
}
