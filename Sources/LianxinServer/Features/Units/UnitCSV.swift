import Vapor
import Fluent
import LianxinCore

/// The unit file of `lianxin import departments` and `lianxin export departments`: one unit a row,
/// liaisons as `name:phone` joined by `;`, accepted categories joined by `;`.
enum UnitCSV {
    static let columns = [
        "code", "name", "short_name", "division_code", "level", "parent_code", "liaisons", "duty_phone", "categories", "active_from",
        "active_to", "active",
    ]
    static let maximumRows = 5_000

    /// The CSV column a field of the unit checks stands for (`/liaisons/0/phone` → `liaisons`).
    static func column(of field: String) -> String {
        let first = field.split(separator: "/").first.map(String.init) ?? field
        let names = [
            "shortName": "short_name", "divisionCode": "division_code", "parentCode": "parent_code", "dutyPhone": "duty_phone",
            "categoryCodes": "categories", "activeFrom": "active_from", "activeTo": "active_to",
        ]
        return names[first] ?? first
    }

    /// The unit a row writes.
    static func input(_ fields: [String], _ table: CSVTable) -> (UnitInput, active: String) {
        func value(_ name: String) -> String? {
            table.column(name).flatMap { $0 < fields.count ? fields[$0].trimmingCharacters(in: .whitespaces) : nil }
        }
        func list(_ name: String) -> [String] {
            (value(name) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let liaisons = list("liaisons").map { entry -> LiaisonInput in
            let parts = entry.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return LiaisonInput(id: nil, name: parts.first, phone: parts.count > 1 ? parts[1] : "")
        }
        let input = UnitInput(
            code: value("code") ?? "", name: value("name") ?? "", shortName: value("short_name") ?? "", divisionCode: value("division_code") ?? "",
            level: value("level"), parentCode: value("parent_code") ?? "", liaisons: liaisons, dutyPhone: value("duty_phone") ?? "",
            categoryCodes: list("categories"), activeFrom: value("active_from") ?? "", activeTo: value("active_to") ?? "")
        return (input, value("active") ?? "")
    }

    /// The rows of the file for `units` (sorted by code), liaison phones in full.
    static func export(_ units: [Department], on db: any Database, cipher: FieldCipher) async throws -> String {
        var codes: [UUID: String] = [:]
        for unit in try await Department.query(on: db).all() { if let id = unit.id { codes[id] = unit.code } }
        var text = CSVWriter.byteOrderMark + CSVWriter.line(columns)
        for unit in units {
            let liaisons = try await UnitLookup.liaisons(of: unit, on: db).map {
                "\($0.name):\(try cipher.open($0.phoneCipher, for: .departmentLiaisonPhone, row: try $0.requireID()))"
            }
            text += CSVWriter.line([
                unit.code, unit.name, unit.shortName ?? "", unit.divisionCode,
                unit.level ?? DivisionCode(unit.divisionCode).flatMap(UnitLevel.init(division:))?.rawValue ?? "",
                unit.parentID.flatMap { codes[$0] } ?? "", liaisons.joined(separator: ";"), unit.dutyPhone ?? "",
                UnitFields.categories(unit.acceptedCategories).joined(separator: ";"), unit.activeFrom ?? "", unit.activeTo ?? "",
                unit.active ? "true" : "false",
            ])
        }
        return text
    }
}
