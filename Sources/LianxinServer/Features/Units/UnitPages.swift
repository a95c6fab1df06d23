import Vapor
import Fluent
import LianxinCore

/// What the unit pages share: the pickers, the form's values and its problems by field.
enum UnitPages {
    static let maximumLiaisonRows = UnitChecks.maximumLiaisons

    struct LiaisonRow: Encodable, Sendable {
        let index: Int
        let id: String
        let name: String
        let phone: String
        let masked: String
        let nameError: String
        let phoneError: String
    }

    struct FormModel: Encodable, Sendable {
        let id: String
        let values: [String: String]
        let errors: [String: String]
        let divisions: [SelectOption]
        let parents: [SelectOption]
        let liaisons: [LiaisonRow]
        let error: String
    }

    static func divisionNames(_ codes: Set<String>, on db: any Database) async throws -> [String: String] {
        var names: [String: String] = [:]
        for division in try await Division.query(on: db).filter(\.$id ~~ codes).all() { names[division.id ?? ""] = division.name }
        return names
    }

    /// The divisions a unit of `principal` may belong to: their own and every one below it, by code,
    /// indented by level (no typed codes).
    static func divisionOptions(for principal: Principal, selected: String, on db: any Database) async throws -> [SelectOption] {
        try await Division.query(on: db).within(\.$id, principal.division).sort(\.$id).all().compactMap { division in
            guard let code = division.id, let parsed = DivisionCode(code), parsed.level != .province else { return nil }
            let depth = max(
                0, DivisionLevel.allCases.firstIndex(of: parsed.level)! - DivisionLevel.allCases.firstIndex(of: principal.division.level)!)
            return SelectOption(value: code, label: String(repeating: "\u{3000}", count: depth) + division.name, selected: code == selected)
        }
    }

    static func renderForm(
        _ req: Request, principal: Principal, unit: Department?, values: [String: String], errors: [String: String],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let parents = try await Department.query(on: req.db).sort(\.$code).all().filter { candidate in
            candidate.id != unit?.id && UnitLookup.visible(candidate, to: principal)
        }
        var masked: [String: String] = [:]
        if let unit {
            for liaison in try await UnitLookup.liaisons(of: unit, on: req.db) {
                let id = try liaison.requireID()
                masked[id.uuidString] = PersonalDataMask.phone(
                    try req.lianxin.cipher.open(liaison.phoneCipher, for: .departmentLiaisonPhone, row: id))
            }
        }
        let used = (0..<maximumLiaisonRows).filter { values["liaison\($0)Name", default: ""] != "" || values["liaison\($0)Id", default: ""] != "" }
        let rowCount = min(maximumLiaisonRows, (used.last.map { $0 + 1 } ?? 0) + 2)
        let liaisons = (0..<rowCount).map { index in
            let id = values["liaison\(index)Id"] ?? ""
            return LiaisonRow(
                index: index, id: id, name: values["liaison\(index)Name"] ?? "", phone: values["liaison\(index)Phone"] ?? "",
                masked: masked[id] ?? "", nameError: errors["liaisons/\(index)/name"] ?? "", phoneError: errors["liaisons/\(index)/phone"] ?? "")
        }
        let parentCode = values["parentCode"] ?? ""
        let model = FormModel(
            id: unit?.id?.uuidString ?? "", values: values, errors: errors,
            divisions: try await divisionOptions(for: principal, selected: values["divisionCode"] ?? "", on: req.db),
            parents: parents.map { SelectOption(value: $0.code, label: "\($0.name) (\($0.code))", selected: $0.code == parentCode) },
            liaisons: liaisons, error: errors.isEmpty ? "" : req.t("units_fix_fields"))
        return try await req.page("units/form", title: unit == nil ? "units_new" : "units_edit", model: model, status: status)
    }

    /// The form's values for an existing unit (liaison phones are left blank: blank keeps them).
    static func values(of unit: Department, on db: any Database) async throws -> [String: String] {
        var values = [
            "code": unit.code, "name": unit.name, "shortName": unit.shortName ?? "", "divisionCode": unit.divisionCode,
            "parentCode": try await UnitLookup.parentCode(of: unit, on: db) ?? "", "dutyPhone": unit.dutyPhone ?? "",
            "categoryCodes": UnitFields.categories(unit.acceptedCategories).joined(separator: ", "), "activeFrom": unit.activeFrom ?? "",
            "activeTo": unit.activeTo ?? "",
        ]
        for (index, liaison) in try await UnitLookup.liaisons(of: unit, on: db).enumerated() {
            values["liaison\(index)Id"] = liaison.id?.uuidString ?? ""
            values["liaison\(index)Name"] = liaison.name
        }
        return values
    }

    /// The unit the form describes; rows left wholly blank are dropped.
    static func input(_ values: [String: String], existing: [UUID]) -> (input: UnitInput, rows: [Int]) {
        var liaisons: [LiaisonInput] = []
        var rows: [Int] = []
        for index in 0..<maximumLiaisonRows {
            let name = values["liaison\(index)Name"] ?? "", phone = values["liaison\(index)Phone"] ?? ""
            let id = values["liaison\(index)Id"].flatMap(UUID.init(uuidString:)).flatMap { existing.contains($0) ? $0 : nil }
            if name.trimmingCharacters(in: .whitespaces).isEmpty && phone.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            liaisons.append(LiaisonInput(id: id, name: name, phone: phone))
            rows.append(index)
        }
        let categories = (values["categoryCodes"] ?? "").split(whereSeparator: { ", ，;；\t".contains($0) }).map(String.init)
        let input = UnitInput(
            code: values["code"], name: values["name"] ?? "", shortName: values["shortName"] ?? "", divisionCode: values["divisionCode"] ?? "",
            level: nil, parentCode: values["parentCode"] ?? "", liaisons: liaisons, dutyPhone: values["dutyPhone"] ?? "",
            categoryCodes: categories, activeFrom: values["activeFrom"] ?? "", activeTo: values["activeTo"] ?? "")
        return (input, rows)
    }

    /// The problem's messages by form field (`/liaisons/0/phone` stays as `liaisons/0/phone`; every
    /// `/categoryCodes/n` is shown beside the one categories field).
    static func errors(_ problem: Problem, rows: [Int]) -> [String: String] {
        var errors: [String: String] = [:]
        for error in problem.errors {
            var key = error.field.hasPrefix("/") ? String(error.field.dropFirst()) : error.field
            if key.hasPrefix("categoryCodes") { key = "categoryCodes" }
            let parts = key.split(separator: "/")
            if parts.count == 3, parts[0] == "liaisons", let index = Int(parts[1]), index < rows.count { key = "liaisons/\(rows[index])/\(parts[2])" }
            errors[key] = errors[key].map { $0 + "; " + error.message } ?? error.message
        }
        if errors.isEmpty { errors["form"] = problem.detail }
        return errors
    }
}
