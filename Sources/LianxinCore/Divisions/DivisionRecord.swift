import Foundation

/// One division as read from a file: code, name, parent and validity dates.
public struct DivisionRecord: Sendable, Equatable, Codable {
    public var code: DivisionCode
    public var name: String
    public var parent: DivisionCode?
    public var validFrom: Date?
    public var validTo: Date?

    public init(code: DivisionCode, name: String, parent: DivisionCode?, validFrom: Date? = nil, validTo: Date? = nil) {
        self.code = code
        self.name = name
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public var level: DivisionLevel { code.level }
}

/// One problem found in a division file, with the line it is on.
public struct DivisionImportIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case missingColumn, badCode, levelMismatch, emptyName, unknownParent, notUnderParent, duplicate, badDate
    }
    public var line: Int
    public var kind: Kind
    public var code: String
    public var message: String

    public var description: String { "line \(line) [\(kind.rawValue)] \(code): \(message)" }
}

/// A division file that was refused, with every issue found in it.
public struct DivisionFileRejected: Error, Sendable, Equatable {
    public let issues: [DivisionImportIssue]
}

/// Reads and checks a division CSV shaped like the public files: `code,level,name,parent_code,…`
/// (2023 townships) or `code,parent,name,level,…` (2016 villages); optional `valid_from`, `valid_to`.
/// Nothing is accepted unless the whole file is clean.
public enum DivisionFile {
    /// The parsed records in file order, or every issue found.
    public static func read(_ text: String, existing: Set<DivisionCode> = []) -> Result<[DivisionRecord], DivisionFileRejected> {
        let table: CSVTable
        do { table = try CSVTable(parsing: text) } catch {
            return .failure(DivisionFileRejected(issues: [.init(line: 1, kind: .missingColumn, code: "", message: error.description)]))
        }
        guard let codeColumn = table.column("code"), let nameColumn = table.column("name") else {
            return .failure(
                DivisionFileRejected(issues: [
                    .init(
                        line: 1, kind: .missingColumn, code: "",
                        message: "the header needs `code` and `name` columns / 表头须包含“code”（区划代码）与“name”（名称）两列")
                ]))
        }
        let levelColumn = table.column("level")
        let parentColumn = table.column("parent_code", "parent")
        let fromColumn = table.column("valid_from")
        let toColumn = table.column("valid_to")

        var issues: [DivisionImportIssue] = []
        var records: [DivisionRecord] = []
        var seen: [DivisionCode: Int] = [:]
        for (line, fields) in table.rows {
            let rawCode = fields[codeColumn]
            guard let code = DivisionCode(rawCode) else {
                issues.append(
                    .init(
                        line: line, kind: .badCode, code: rawCode,
                        message: "not a 2/4/6/9/12-digit division code / 不是有效的区划代码"))
                continue
            }
            if let levelColumn, !fields[levelColumn].isEmpty {
                let declared = DivisionLevel(name: fields[levelColumn])
                if declared != code.level {
                    issues.append(
                        .init(
                            line: line, kind: .levelMismatch, code: rawCode,
                            message: "level `\(fields[levelColumn])` does not match a \(code.level.rawValue) code / 层级与代码不符"))
                    continue
                }
            }
            let name = fields[nameColumn].trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                issues.append(.init(line: line, kind: .emptyName, code: rawCode, message: "name is empty / 名称为空"))
            }
            if let first = seen[code] {
                issues.append(
                    .init(
                        line: line, kind: .duplicate, code: rawCode,
                        message: "duplicate of line \(first) / 与第 \(first) 行重复"))
                continue
            }
            seen[code] = line
            var parent: DivisionCode? = code.parent
            if let parentColumn, !fields[parentColumn].isEmpty, code.level != .province {
                let rawParent = fields[parentColumn]
                guard let declared = DivisionCode(rawParent) else {
                    issues.append(
                        .init(
                            line: line, kind: .badCode, code: rawCode,
                            message: "parent `\(rawParent)` is not a division code / 上级代码无效"))
                    continue
                }
                if declared != parent {
                    issues.append(
                        .init(
                            line: line, kind: .notUnderParent, code: rawCode,
                            message: "code does not lie under parent \(declared) / 代码不在上级 \(declared) 之下"))
                    continue
                }
                parent = declared
            }
            var validFrom: Date?, validTo: Date?
            for (column, target) in [(fromColumn, 0), (toColumn, 1)] {
                guard let column, !fields[column].isEmpty else { continue }
                guard let date = ISODay.parse(fields[column]) else {
                    issues.append(
                        .init(
                            line: line, kind: .badDate, code: rawCode,
                            message: "`\(fields[column])` is not a YYYY-MM-DD date / 日期格式应为 YYYY-MM-DD"))
                    continue
                }
                if target == 0 { validFrom = date } else { validTo = date }
            }
            records.append(DivisionRecord(code: code, name: name, parent: parent, validFrom: validFrom, validTo: validTo))
        }
        let known = existing.union(records.map(\.code))
        for record in records {
            if let parent = record.parent, !known.contains(parent) {
                issues.append(
                    .init(
                        line: seen[record.code] ?? 0, kind: .unknownParent, code: record.code.value,
                        message: "parent \(parent) is neither in the file nor in the database / 上级 \(parent) 不存在"))
            }
        }
        if !issues.isEmpty { return .failure(DivisionFileRejected(issues: issues.sorted { $0.line < $1.line })) }
        // Parents first, so that a loader can insert in order.
        return .success(records.sorted { ($0.level, $0.code) < ($1.level, $1.code) })
    }
}

/// Calendar days written as `YYYY-MM-DD`, read in China Standard Time.
public enum ISODay {
    public static let chinaTimeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// The start of that day in China, or nil when the text is not a real date.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chinaTimeZone
        let components = DateComponents(year: y, month: m, day: d)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == y, back.month == m, back.day == d else { return nil }
        return date
    }

    /// The day in China as `YYYY-MM-DD`.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = chinaTimeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}

extension DivisionFile {
    /// The rows of a division file that a deployment for `county` keeps: the county's line up to the
    /// province and everything under it (a whole province's file → one county's tree), as a file of
    /// the same columns; a row whose code cannot be read is kept for the file's check to report. Nil when the file does not name the county itself.
    public static func select(_ text: String, for county: DivisionCode) throws(CSVTable.ParseError) -> String? {
        let table = try CSVTable(parsing: text)
        guard let codeColumn = table.column("code") else { return nil }
        let line = Set(county.lineage)
        var named = false
        var kept = CSVWriter.line(table.header)
        for (_, fields) in table.rows {
            guard codeColumn < fields.count, let code = DivisionCode(fields[codeColumn]) else {
                // Kept, so that the file's own check names the bad code.
                kept += CSVWriter.line(fields)
                continue
            }
            if code == county { named = true }
            if line.contains(code) || county.contains(code) { kept += CSVWriter.line(fields) }
        }
        return named ? kept : nil
    }
}
