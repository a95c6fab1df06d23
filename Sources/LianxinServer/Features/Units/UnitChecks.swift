import Vapor
import Fluent
import LianxinCore

/// The checks of a unit's fields, shared by the API, the page and the CSV import: every problem
/// under its field (`/code`, `/liaisons/0/phone`), messages from the locale files.
struct UnitChecks {
    let database: any Database
    /// Who writes: the division must lie in their scope. Nil for the command line.
    let principal: Principal?

    /// 1–32 ASCII letters, digits, `.`, `_` or `-`, starting with a letter or digit.
    static func isCode(_ text: String) -> Bool {
        guard let first = text.first, (1...32).contains(text.count), first.isASCII, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
    static let maximumLiaisons = 10

    /// Checks everything but the parent's place in the tree (see `checkParent`).
    /// `existing` is the unit being edited, whose code may not change.
    func fields(_ input: UnitInput, existing: Department?, into checks: inout InputValidator) async throws -> ValidUnit {
        let code = (input.code ?? existing?.code ?? "").trimmingCharacters(in: .whitespaces)
        if let existing {
            if code != existing.code { checks.fail("/code", key: "units_code_fixed") }
        } else if !Self.isCode(code) {
            checks.fail("/code", key: "units_code_format")
        } else if try await Department.query(on: database).filter(\.$code == code).first() != nil {
            checks.fail("/code", key: "units_code_taken", ["code": code])
        }
        let name = checks.text(input.name ?? existing?.name, "/name", 1...100)
        let shortName = checks.optionalText(input.shortName, "/shortName", limit: 30)
        let division = try await division(input.divisionCode ?? existing?.divisionCode, into: &checks)
        let level = division.flatMap(UnitLevel.init(division:))
        if division != nil, level == nil { checks.fail("/divisionCode", key: "units_division_province") }
        if let text = input.level?.trimmingCharacters(in: .whitespaces), !text.isEmpty, let level, text != level.rawValue {
            checks.fail("/level", key: "units_level_mismatch", ["level": level.rawValue])
        }
        let liaisons = try await liaisons(input.liaisons ?? [], existing: existing, into: &checks)
        let dutyPhone = checks.optionalPhone(input.dutyPhone, "/dutyPhone")?.value
        let categories = try await categories(input.categoryCodes ?? [], into: &checks)
        let from = optionalDay(input.activeFrom, "/activeFrom", into: &checks)
        let to = optionalDay(input.activeTo, "/activeTo", into: &checks)
        if let from, let to, to < from { checks.fail("/activeTo", key: "units_active_order") }
        let parent = input.parentCode?.trimmingCharacters(in: .whitespaces)
        return ValidUnit(
            code: code, name: name, shortName: shortName, division: division ?? DivisionCode("36")!, level: level ?? .city,
            parentCode: parent?.isEmpty == false ? parent : nil, liaisons: liaisons, dutyPhone: dutyPhone, categories: categories,
            activeFrom: from, activeTo: to)
    }

    /// The division: known, below the province, and inside the principal's scope.
    func division(_ text: String?, into checks: inout InputValidator) async throws -> DivisionCode? {
        guard let code = text.flatMap(DivisionCode.init) else {
            checks.fail("/divisionCode", key: "validation_division_unknown")
            return nil
        }
        if let principal, !principal.canSee(code) {
            checks.fail("/divisionCode", key: "validation_division_outside")
            return nil
        }
        guard try await Division.find(code.value, on: database) != nil else {
            checks.fail("/divisionCode", key: "validation_division_unknown")
            return nil
        }
        return code
    }

    /// The parent named by `code` for a unit in `division` (nil when none is named): a unit the
    /// principal may see, in the unit's own division or one above it on its line, and not the
    /// unit itself or one of its sub-units.
    func checkParent(_ code: String?, of unitID: UUID?, division: DivisionCode, into checks: inout InputValidator) async throws -> Department? {
        guard let code else { return nil }
        guard Self.isCode(code), let parent = try await Department.query(on: database).filter(\.$code == code).first(),
            let parentDivision = DivisionCode(parent.divisionCode),
            principal.map({ parentDivision.isRelated(to: $0.division) }) ?? true
        else {
            checks.fail("/parentCode", key: "units_parent_unknown", ["code": Self.isCode(code) ? code : ""])
            return nil
        }
        if !UnitTree.parentAllowed(parent: parentDivision, child: division) {
            checks.fail("/parentCode", key: "units_parent_line", ["code": code])
            return nil
        }
        if let unitID {
            var seen: Set<UUID> = []
            var current: Department? = parent
            while let unit = current, let id = unit.id, seen.insert(id).inserted {
                if id == unitID {
                    checks.fail("/parentCode", key: "units_parent_cycle", ["code": code])
                    return nil
                }
                current = try await unit.parentID.asyncMap { try await Department.find($0, on: database) } ?? nil
            }
        }
        return parent
    }

    private func liaisons(_ input: [LiaisonInput], existing: Department?, into checks: inout InputValidator) async throws -> [ValidUnit.Liaison] {
        if input.count > Self.maximumLiaisons {
            checks.fail("/liaisons", key: "units_liaisons_many", ["max": "\(Self.maximumLiaisons)"])
            return []
        }
        let kept: Set<UUID>
        if let id = existing?.id {
            kept = Set(try await DepartmentLiaison.query(on: database).filter(\.$departmentID == id).all().compactMap(\.id))
        } else {
            kept = []
        }
        var result: [ValidUnit.Liaison] = []
        for (index, liaison) in input.enumerated() {
            let name = checks.text(liaison.name, "/liaisons/\(index)/name", 1...50)
            let phoneText = liaison.phone?.trimmingCharacters(in: .whitespaces) ?? ""
            if phoneText.isEmpty, let id = liaison.id, kept.contains(id) {
                result.append(.init(keeps: id, name: name, phone: nil))
            } else {
                result.append(.init(keeps: nil, name: name, phone: checks.phone(phoneText, "/liaisons/\(index)/phone")))
            }
        }
        return result
    }

    private func categories(_ codes: [String], into checks: inout InputValidator) async throws -> [String] {
        var result: Set<String> = []
        for (index, raw) in codes.enumerated() {
            let code = raw.trimmingCharacters(in: .whitespaces)
            if code.isEmpty { continue }
            let known = Self.isCode(code) ? try await Category.find(code, on: database) : nil
            if known == nil {
                checks.fail("/categoryCodes/\(index)", key: "units_category_unknown", ["code": Self.isCode(code) ? code : ""])
            } else {
                result.insert(code)
            }
        }
        return result.sorted()
    }

    private func optionalDay(_ text: String?, _ field: String, into checks: inout InputValidator) -> LocalDate? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let day = LocalDate(iso: text) else {
            checks.fail(field, key: "validation_day")
            return nil
        }
        return day
    }
}
