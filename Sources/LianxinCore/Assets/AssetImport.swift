import Foundation

/// One asset as an import file gives it, checked: what the registry stores.
public struct AssetRecord: Sendable, Hashable {
    public let code: AssetCode
    public let assetClass: AssetClass
    public let name: String
    public let position: GeoPoint
    /// The code of the unit that owns and maintains the asset (权属单位), which orders about it are routed to.
    public let ownerUnitCode: String
    public let status: AssetStatus
    public let address: String?

    public init(
        code: AssetCode, assetClass: AssetClass, name: String, position: GeoPoint, ownerUnitCode: String, status: AssetStatus,
        address: String?
    ) {
        self.code = code
        self.assetClass = assetClass
        self.name = name
        self.position = position
        self.ownerUnitCode = ownerUnitCode
        self.status = status
        self.address = address
    }
}

/// What is wrong with one row or feature of an import file.
public struct AssetImportProblem: Sendable, Hashable {
    /// Why the value was refused.
    public enum Reason: String, Sendable, Hashable {
        case missing, badCode, unknownClass, classMismatch, badPosition, unknownUnit, badStatus, duplicateCode, outsideScope
        case tooLong, unreadableFile, noRows, tooManyRows

        /// The reason for the person importing, in Chinese or English.
        public func message(english: Bool) -> String {
            switch self {
            case .missing: english ? "is required" : "必填"
            case .badCode: english ? "must be 16 digits: county code, class code, serial number" : "须为 16 位数字：区县代码＋部件小类代码＋流水号"
            case .unknownClass: english ? "is not a known asset class" : "不是已知的部件小类"
            case .classMismatch: english ? "differs from the class in the asset's code" : "与部件编码中的小类不一致"
            case .badPosition: english ? "must be a WGS84 longitude and latitude" : "须为有效的经纬度（WGS84）"
            case .unknownUnit: english ? "is not an active unit that may serve this place" : "不是可承办此处的在用单位"
            case .badStatus: english ? "must be one of intact, damaged, missing, retired" : "须为 完好、破损、丢失、停用 之一"
            case .duplicateCode: english ? "appears more than once in the file" : "在文件中重复出现"
            case .outsideScope: english ? "is outside your division" : "不在您的辖区内"
            case .tooLong: english ? "is too long" : "过长"
            case .unreadableFile: english ? "cannot be read as CSV or GeoJSON" : "无法按 CSV 或 GeoJSON 读取"
            case .noRows: english ? "holds no assets" : "没有部件数据"
            case .tooManyRows: english ? "holds more assets than one import may take" : "部件数量超过单次导入上限"
            }
        }
    }

    /// The 1-based row (CSV, after the header) or feature number; 0 for the file as a whole.
    public let row: Int
    /// The column or property at fault.
    public let field: String
    public let reason: Reason

    public init(row: Int, field: String, reason: Reason) {
        self.row = row
        self.field = field
        self.reason = reason
    }
}

/// Reads an asset file (CSV with a header, or a GeoJSON FeatureCollection of points) and checks every row. The
/// import is all or nothing: the server writes the records only when `problems` is empty, and otherwise answers with
/// every problem, row by row (the validation report).
public struct AssetImport: Sendable {
    public private(set) var records: [AssetRecord] = []
    public private(set) var problems: [AssetImportProblem] = []

    /// Rows one import may take.
    public static let maximumRows = 20_000

    /// The text fields of one row, by the registry's field names.
    struct Row {
        let number: Int
        let values: [String: String]
        let position: (lon: String, lat: String)?
    }

    /// Reads `data`: GeoJSON when it starts with `{`, CSV otherwise. `isKnownUnit` says whether a unit code may own
    /// assets of the county; `inScope` whether the importer may register assets of a county code.
    public init(data: Data, isKnownUnit: (String) -> Bool, inScope: (String) -> Bool) {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"]))
        let rows: [Row]?
        if text.hasPrefix("{") { rows = Self.geoJSONRows(data) } else { rows = Self.csvRows(text) }
        guard let rows else {
            problems = [AssetImportProblem(row: 0, field: "file", reason: .unreadableFile)]
            return
        }
        guard !rows.isEmpty else {
            problems = [AssetImportProblem(row: 0, field: "file", reason: .noRows)]
            return
        }
        guard rows.count <= Self.maximumRows else {
            problems = [AssetImportProblem(row: 0, field: "file", reason: .tooManyRows)]
            return
        }
        var seen: Set<String> = []
        for row in rows {
            if let record = check(row, seen: &seen, isKnownUnit: isKnownUnit, inScope: inScope) { records.append(record) }
        }
        if !problems.isEmpty { records = [] }
    }

    private mutating func check(
        _ row: Row, seen: inout Set<String>, isKnownUnit: (String) -> Bool, inScope: (String) -> Bool
    ) -> AssetRecord? {
        let before = problems.count
        func fail(_ field: String, _ reason: AssetImportProblem.Reason) {
            problems.append(AssetImportProblem(row: row.number, field: field, reason: reason))
        }
        func value(_ field: String) -> String {
            (row.values[field] ?? "").trimmingCharacters(in: .whitespaces)
        }
        let codeText = value("code")
        let code = AssetCode(codeText)
        if codeText.isEmpty {
            fail("code", .missing)
        } else if code == nil {
            fail("code", .badCode)
        } else if let code, !seen.insert(code.value).inserted {
            fail("code", .duplicateCode)
        } else if let code, !inScope(code.countyCode) {
            fail("code", .outsideScope)
        }
        let classText = value("class")
        let assetClass = AssetClasses.named(classText.isEmpty ? (code?.classCode ?? "") : classText)
        if assetClass == nil {
            fail("class", classText.isEmpty && code == nil ? .missing : .unknownClass)
        } else if let code, let assetClass, code.classCode != assetClass.code {
            fail("class", .classMismatch)
        }
        let name = value("name")
        if name.count > 100 { fail("name", .tooLong) }
        let address = value("address")
        if address.count > 200 { fail("address", .tooLong) }
        var position: GeoPoint?
        if let lon = Double(row.position?.lon ?? ""), let lat = Double(row.position?.lat ?? ""), GeoPoint(lon: lon, lat: lat).isValidWGS84 {
            position = GeoPoint(lon: lon, lat: lat)
        } else {
            fail("position", row.position == nil ? .missing : .badPosition)
        }
        let owner = value("ownerUnit")
        if owner.isEmpty { fail("ownerUnit", .missing) } else if !isKnownUnit(owner) { fail("ownerUnit", .unknownUnit) }
        let statusText = value("status")
        let status = statusText.isEmpty ? AssetStatus.intact : AssetStatus(text: statusText)
        if status == nil { fail("status", .badStatus) }
        guard problems.count == before, let code, let assetClass, let position, let status else { return nil }
        return AssetRecord(
            code: code, assetClass: assetClass, name: name.isEmpty ? assetClass.name : name, position: position, ownerUnitCode: owner,
            status: status, address: address.isEmpty ? nil : address)
    }

    /// The file's column names (English or the Chinese of county spreadsheets) for each field.
    static let columns: [(field: String, names: [String])] = [
        ("code", ["code", "编码", "部件编码"]), ("class", ["class", "class_code", "小类", "小类代码"]), ("name", ["name", "名称"]),
        ("lon", ["longitude", "lon", "经度"]), ("lat", ["latitude", "lat", "纬度"]),
        ("ownerUnit", ["owner_unit", "ownerUnit", "权属单位", "权属单位编码"]), ("status", ["status", "状态"]), ("address", ["address", "地址"]),
    ]

    static func csvRows(_ text: String) -> [Row]? {
        guard let table = try? CSVTable(parsing: text) else { return nil }
        let index = Dictionary(uniqueKeysWithValues: columns.map { ($0.field, $0.names.lazy.compactMap { table.column($0) }.first) })
        return table.rows.enumerated().map { number, row in
            var values: [String: String] = [:]
            for (field, column) in index { if let column, column < row.fields.count { values[field] = row.fields[column] } }
            let lon = values["lon"] ?? "", lat = values["lat"] ?? ""
            return Row(number: number + 1, values: values, position: lon.isEmpty && lat.isEmpty ? nil : (lon, lat))
        }
    }

    static func geoJSONRows(_ data: Data) -> [Row]? {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], root["type"] as? String == "FeatureCollection",
            let features = root["features"] as? [Any]
        else { return nil }
        return features.enumerated().map { number, item in
            let feature = item as? [String: Any] ?? [:]
            let properties = feature["properties"] as? [String: Any] ?? [:]
            var values: [String: String] = [:]
            for (field, names) in columns {
                for name in names {
                    if let text = properties[name] as? String {
                        values[field] = text
                    } else if let number = properties[name] as? NSNumber {
                        values[field] = number.stringValue
                    }
                    if values[field] != nil { break }
                }
            }
            var position: (String, String)?
            if let geometry = feature["geometry"] as? [String: Any], geometry["type"] as? String == "Point",
                let coordinates = geometry["coordinates"] as? [Any], coordinates.count >= 2
            {
                position = ("\(coordinates[0])", "\(coordinates[1])")
            }
            return Row(number: number + 1, values: values, position: position)
        }
    }
}
