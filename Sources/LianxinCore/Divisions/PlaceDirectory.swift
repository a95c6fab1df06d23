/// China's provinces, cities and counties as a reference people pick from — a tenant's 户籍地, a new
/// county on its first run — whatever divisions the deployment itself holds. Read from the product's
/// `divisions-china-counties.csv` (`code,level,name,parent_code`).
public struct PlaceDirectory: Sendable {
    public struct Place: Sendable, Equatable {
        public let code: String
        public let level: DivisionLevel
        public let name: String
        public let parent: String?
        /// Province, city and county in one string, without the placeholders (市辖区, 县, 省直辖县级行政区划).
        public let fullName: String
    }

    /// Where the product ships the list, under its resources folder.
    public static let shippedFile = "Data/divisions-china-counties.csv"

    private let places: [String: Place]
    /// The places a person's 户籍地 can be: counties, and cities that have no counties (东莞市).
    private let pickable: [Place]

    /// City rows that are only a grouping of a municipality's or province's counties.
    static let placeholders: Set<String> = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]

    public init(csv text: String) {
        var rows: [String: (level: DivisionLevel, name: String, parent: String?)] = [:]
        if let table = try? CSVTable(parsing: text), let code = table.column("code"), let name = table.column("name") {
            let level = table.column("level"), parent = table.column("parent_code")
            for (_, fields) in table.rows where code < fields.count && name < fields.count {
                guard let division = DivisionCode(fields[code]) else { continue }
                let declared = level.flatMap { $0 < fields.count ? DivisionLevel(name: fields[$0]) : nil } ?? division.level
                let up = parent.flatMap { $0 < fields.count && !fields[$0].isEmpty ? fields[$0] : nil } ?? division.parent?.value
                rows[division.value] = (declared, fields[name], up)
            }
        }
        var places: [String: Place] = [:]
        for (code, row) in rows {
            var names: [String] = []
            var cursor: String? = code
            while let current = cursor, let entry = rows[current] {
                if !Self.placeholders.contains(entry.name) { names.insert(entry.name, at: 0) }
                cursor = entry.parent
            }
            places[code] = Place(code: code, level: row.level, name: row.name, parent: row.parent, fullName: names.joined())
        }
        self.places = places
        let parents = Set(rows.values.compactMap(\.parent))
        pickable = places.values.filter { $0.level == .county || ($0.level == .city && !parents.contains($0.code)) }
            .sorted { $0.code < $1.code }
    }

    public var isEmpty: Bool { places.isEmpty }

    public func place(_ code: String) -> Place? { places[code] }

    /// The county an 18-digit ID number was issued in (its first six digits), when the list has it.
    public func issuingPlace(ofIDNumber id: String) -> Place? {
        guard id.count >= 6 else { return nil }
        return places[String(id.prefix(6))].flatMap { $0.level == .county ? $0 : nil }
    }

    /// The counties a person's words name, best first: "广丰区", "上饶市广丰区", "江西上饶广丰", "广丰".
    /// Only the best-scoring places are returned; several means the person must choose.
    public func matches(_ typed: String) -> [Place] {
        let text = String(typed.filter { !$0.isWhitespace && $0 != "," && $0 != "，" })
        guard text.count >= 2 else { return [] }
        var best: [Place] = []
        var bestScore = 0
        for place in pickable {
            let score: Int
            if place.fullName == text || place.name == text {
                score = 4
            } else if place.fullName.hasSuffix(text) {
                score = 3
            } else if let range = text.range(of: place.name), range.upperBound == text.endIndex,
                text[..<range.lowerBound].allSatisfy({ place.fullName.contains($0) })
            {
                score = 2
            } else if place.name.hasPrefix(text) || (text.count >= 4 && Self.fuzzy(text, place.fullName)) {
                score = 1
            } else {
                continue
            }
            if score > bestScore {
                (best, bestScore) = ([place], score)
            } else if score == bestScore {
                best.append(place)
            }
        }
        return best
    }

    /// Every character of `text` in order in `full`, ending with the start of the county's name ("江西上饶广丰").
    private static func fuzzy(_ text: String, _ full: String) -> Bool {
        var rest = Substring(full)
        for character in text {
            guard let index = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: index)...]
        }
        return true
    }
}
