import Vapor
import Fluent
import SQLKit
import LianxinCore

/// The one writer of the knowledge base: entries and their versions, status changes by `KnowledgeLifecycle`, the
/// search index, each with its audit entry in one transaction.
struct KnowledgeService {
    let application: Application
    let database: any Database
    let principal: Principal
    var ip: String? = nil

    var context: LianxinContext { application.lianxin }

    static let questionLength = 2...300
    static let answerLength = 2...4000
    static let keywordsLength = 0...300

    /// How the principal acts on entries, or nil when they may not write at all.
    var actor: KnowledgeActor? {
        if principal.role.can(.approveKnowledge) { return KnowledgeActor(id: principal.userID, kind: .approver) }
        if principal.role.can(.writeKnowledge) { return KnowledgeActor(id: principal.userID, kind: .writer) }
        return nil
    }

    /// Checks `input` whole: every problem under its field.
    func validate(_ input: KnowledgeInput) async throws -> ValidKnowledge {
        var checks = InputValidator(context.localizer)
        func text(_ raw: String?, _ field: String, _ range: ClosedRange<Int>) -> String {
            let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !range.contains(value.count) {
                checks.fail("/\(field)", key: "kb_length", ["min": String(range.lowerBound), "max": String(range.upperBound)])
            } else if !InputValidator.isPlain(value) {
                checks.fail("/\(field)", key: "kb_plain")
            }
            return value
        }
        let question = text(input.question, "question", Self.questionLength)
        let answer = text(input.answer, "answer", Self.answerLength)
        let keywords = text(input.keywords, "keywords", Self.keywordsLength)
        var category: String?
        if let code = input.categoryCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            let catalog = try await ReferenceData.catalog(context.referenceCache, on: database)
            if catalog.category(code) == nil { checks.fail("/categoryCode", key: "kb_category_unknown") } else { category = code }
        }
        var divisions: [DivisionCode] = []
        for (index, raw) in (input.divisionCodes ?? []).enumerated() {
            let raw = raw.trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            guard let code = DivisionCode(raw), principal.canSee(code), try await Division.find(code.value, on: database) != nil else {
                checks.fail("/divisionCodes/\(index)", key: "kb_division_outside", ["code": raw])
                continue
            }
            if !divisions.contains(code) { divisions.append(code) }
        }
        if divisions.isEmpty { divisions = [principal.division] }
        var department: Department?
        if principal.role.requiresDepartment {
            department = try await principal.departmentID.asyncMap { try await Department.find($0, on: database) } ?? nil
        } else if let code = input.departmentCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            let unit = try await Department.query(on: database).filter(\.$code == code).filter(\.$active == true).first()
            if let unit, UnitLookup.visible(unit, to: principal) { department = unit } else { checks.fail("/departmentCode", key: "kb_unit_unknown") }
        }
        func day(_ raw: String?, _ field: String) -> String? {
            guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let date = LocalDate(iso: raw) else {
                checks.fail("/\(field)", key: "kb_date")
                return nil
            }
            return date.description
        }
        let validFrom = day(input.validFrom, "validFrom"), validTo = day(input.validTo, "validTo")
        if let validFrom, let validTo, validTo < validFrom { checks.fail("/validTo", key: "kb_dates_order") }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > 300 { checks.fail("/note", key: "kb_length", ["min": "0", "max": "300"]) }
        try checks.finish()
        return ValidKnowledge(
            question: question, answer: answer, keywords: keywords, categoryCode: category, divisions: divisions, department: department,
            validFrom: validFrom, validTo: validTo, note: note?.isEmpty == false ? note : nil)
    }

    /// A new entry in draft, version 1.
    func create(_ input: KnowledgeInput, sourceOrderID: UUID? = nil) async throws -> KnowledgeEntry {
        guard actor != nil else { throw Problem.forbidden }
        let valid = try await validate(input)
        let entry = KnowledgeEntry()
        entry.id = UUID()
        entry.status = KnowledgeStatus.draft.rawValue
        entry.version = 0
        entry.answeredCount = 0
        entry.createdAt = context.now()
        entry.sourceOrderID = sourceOrderID
        entry.divisionCode = valid.department?.divisionCode ?? principal.division.value
        try await write(valid, into: entry, status: .draft, detail: "created")
        return entry
    }

    /// A new version of the entry's text; a published (or ended) entry goes back to draft for approval.
    func edit(_ entry: KnowledgeEntry, _ input: KnowledgeInput) async throws -> KnowledgeEntry {
        let next = try transition(.edit, entry, reason: nil)
        let valid = try await validate(input)
        try await write(valid, into: entry, status: next, detail: "edited")
        return entry
    }

    /// Submits, approves, refuses or withdraws the entry.
    func decide(_ action: KnowledgeAction, _ entry: KnowledgeEntry, reason: String?) async throws -> KnowledgeEntry {
        guard action != .edit, action != .expire else { throw Problem.forbidden }
        let next = try transition(action, entry, reason: reason)
        let now = context.now()
        entry.status = next.rawValue
        entry.updatedAt = now
        if action != .submit {
            entry.decidedBy = principal.userID
            entry.decidedAt = now
            entry.decisionNote = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        }
        let (actor, ip) = (principal.auditActor, self.ip)
        try await context.writes.run {
            try await database.transaction { db in
                try await entry.update(on: db)
                try await AuditLog.record(
                    .knowledgeChanged, result: .success, actor: actor, target: "knowledge:\(try entry.requireID())",
                    recordDivision: entry.divisionCode, ip: ip, detail: action.rawValue, at: now, on: db)
            }
        }
        return entry
    }

    /// The lifecycle's answer for the principal, as a problem the API and pages show.
    private func transition(_ action: KnowledgeAction, _ entry: KnowledgeEntry, reason: String?) throws -> KnowledgeStatus {
        guard let actor else { throw Problem.forbidden }
        let status = KnowledgeStatus(rawValue: entry.status) ?? .draft
        do {
            return try KnowledgeLifecycle.next(after: action, from: status, by: actor, author: entry.authorID, reason: reason)
        } catch {
            let checks = InputValidator(context.localizer)
            switch error {
            case .notPermitted: throw Problem.forbidden
            case .reasonRequired: throw Problem.invalid(field: "/reason", checks.message("kb_reason_required"))
            case .ownVersion:
                throw Problem(.conflict, type: "own-version", title: "Conflict", detail: checks.message("kb_own_version"))
            case .notAllowedInStatus, .stillValid:
                throw Problem(.conflict, type: "not-allowed-in-status", title: "Conflict", detail: checks.message("kb_not_in_status"))
            }
        }
    }

    private func write(_ valid: ValidKnowledge, into entry: KnowledgeEntry, status: KnowledgeStatus, detail: String) async throws {
        let now = context.now()
        entry.status = status.rawValue
        entry.version += 1
        entry.question = valid.question
        entry.answer = valid.answer
        entry.keywords = valid.keywords
        entry.categoryCode = valid.categoryCode
        entry.divisions = valid.divisions.map(\.value).joined(separator: ",")
        entry.departmentID = valid.department?.id
        entry.validFrom = valid.validFrom
        entry.validTo = valid.validTo
        entry.authorID = principal.userID
        entry.updatedAt = now
        entry.searchQuestion = KnowledgeText.grams(valid.question)
        entry.searchKeywords = KnowledgeText.grams(valid.keywords)
        entry.searchAnswer = KnowledgeText.grams(valid.answer)
        entry.searchAll = entry.searchQuestion + entry.searchKeywords + entry.searchAnswer
        let version = KnowledgeVersion()
        version.id = UUID()
        version.version = entry.version
        version.question = valid.question
        version.answer = valid.answer
        version.keywords = valid.keywords
        version.categoryCode = valid.categoryCode
        version.divisions = entry.divisions
        version.departmentID = entry.departmentID
        version.validFrom = valid.validFrom
        version.validTo = valid.validTo
        version.editedBy = principal.userID
        version.editedByName = principal.displayName
        version.editedAt = now
        version.note = valid.note
        let (actor, ip) = (principal.auditActor, self.ip)
        let divisions = valid.divisions
        try await context.writes.run {
            try await database.transaction { db in
                if entry.version == 1 { try await entry.create(on: db) } else { try await entry.update(on: db) }
                version.entryID = try entry.requireID()
                try await version.create(on: db)
                try await KnowledgeEntryDivision.query(on: db).filter(\.$entryID == version.entryID).delete()
                for code in divisions { try await KnowledgeEntryDivision(entryID: version.entryID, divisionCode: code.value).create(on: db) }
                try await KnowledgeSearchIndex.write(entry, on: db.sql)
                try await AuditLog.record(
                    .knowledgeChanged, result: .success, actor: actor, target: "knowledge:\(version.entryID)",
                    recordDivision: entry.divisionCode, ip: ip, detail: detail, at: now, on: db)
            }
        }
    }
}

extension String {
    /// nil for an empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
