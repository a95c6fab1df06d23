/// The department *role* (城管, 住建, 供水…) a category is handled by, per division level: one role
/// for every level, with overrides for some levels ("住建;township=村镇建设" — 住建 everywhere, but a
/// township's order goes to the township's 村镇建设 unit). Roles are data: a county names them.
public struct DepartmentRoles: Sendable, Hashable, Codable {
    /// The role at every level without an override; nil when the category names none.
    public var common: String?
    /// The role at a given level, replacing `common` there.
    public var byLevel: [UnitLevel: String]

    public init(common: String?, byLevel: [UnitLevel: String] = [:]) {
        self.common = common
        self.byLevel = byLevel
    }

    /// No role at any level.
    public static let empty = DepartmentRoles(common: nil)

    public var isEmpty: Bool { common == nil && byLevel.isEmpty }

    /// The role a unit at `level` plays for this category.
    public func role(at level: UnitLevel) -> String? { byLevel[level] ?? common }

    /// Every role named, sorted.
    public var names: [String] { Array(Set([common].compactMap { $0 } + byLevel.values)).sorted() }

    /// 1–20 characters, no separators (`;`, `=`, `,`) and no control characters.
    public static func isRoleName(_ text: String) -> Bool {
        (1...20).contains(text.count)
            && !text.unicodeScalars.contains { ";=,:".unicodeScalars.contains($0) || $0.properties.generalCategory == .control }
    }

    /// Reads "城管" or "住建;township=村镇建设;county=住建" (levels city, county, township, community).
    public init(parsing text: String) throws(DepartmentRolesError) {
        var common: String?
        var byLevel: [UnitLevel: String] = [:]
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pieces.count == 2 {
                guard let level = UnitLevel(rawValue: pieces[0]) else { throw .unknownLevel(pieces[0]) }
                guard Self.isRoleName(pieces[1]) else { throw .badRole(pieces[1]) }
                guard byLevel[level] == nil else { throw .repeatedLevel(level) }
                byLevel[level] = pieces[1]
            } else {
                guard Self.isRoleName(part) else { throw .badRole(part) }
                guard common == nil else { throw .twoCommonRoles }
                common = part
            }
        }
        self.init(common: common, byLevel: byLevel)
    }

    /// The text `init(parsing:)` reads back.
    public var text: String {
        ([common].compactMap { $0 } + UnitLevel.allCases.compactMap { level in byLevel[level].map { "\(level.rawValue)=\($0)" } })
            .joined(separator: ";")
    }
}

/// Why a roles text was refused.
public enum DepartmentRolesError: Error, Sendable, Hashable {
    case unknownLevel(String)
    case badRole(String)
    case repeatedLevel(UnitLevel)
    case twoCommonRoles
}
