import Crypto
import Fluent
import Foundation
import LianxinCore
import Vapor

/// 监督一点通: a resident's confidential report about an official's conduct, and its handling by the discipline
/// commission. Nobody else reads a report: to every other role (hotline, dispatchers, leaders, administrators) a report
/// does not exist (404, the attempt audited); leaders see counts only (`ConductFigures`).
struct ConductReportService {
    let req: Request

    struct ReportInput: Content {
        var divisionCode: String?
        var official: String?
        var what: String?
        var happenedOn: String?
        var firstTime: String?
        var reporterName: String?
        var reporterPhone: String?

        var values: [String: String] {
            [
                "divisionCode": divisionCode ?? "", "official": official ?? "", "what": what ?? "", "happenedOn": happenedOn ?? "",
                "firstTime": firstTime ?? "", "reporterName": reporterName ?? "", "reporterPhone": reporterPhone ?? "",
            ]
        }
    }

    struct ActionInput: Content {
        var action: String?
        var finding: String?
        /// The reason (not accepted) or the reply (concluded) the reporter reads.
        var reply: String?
        /// The inspector's own note.
        var note: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    static func secretHash(code: String, secret: String) -> String {
        Data(SHA256.hash(data: Data("\(code):\(secret.uppercased())".utf8))).hexString
    }

    /// Checks a division a report or handover names: one in force at township or village level (under `root`).
    static func place(_ text: String?, under root: DivisionCode?, _ checks: inout InputValidator, _ req: Request, key: String) async throws
        -> DivisionCode?
    {
        guard let code = text.flatMap({ DivisionCode($0.trimmingCharacters(in: .whitespaces)) }),
            code.level == .township || code.level == .community, root.map({ $0.contains(code) }) ?? true,
            let row = try await Division.find(code.value, on: req.db), row.validTo.map({ $0 > req.lianxin.now() }) ?? true
        else {
            checks.fail("/divisionCode", key: key)
            return nil
        }
        return code
    }

    /// Files a report; returns it and the secret to show the reporter once.
    func file(_ input: ReportInput) async throws -> (ConductReport, String) {
        var checks = InputValidator(req)
        let place = try await Self.place(input.divisionCode, under: nil, &checks, req, key: "ov_err_division")
        let official = checks.text(input.official, "/official", 2...60, label: req.t("ov_official"))
        let what = checks.text(input.what, "/what", 10...2000, label: req.t("ov_what"))
        var happened: LocalDate?
        if let text = input.happenedOn, !text.isEmpty {
            happened = LocalDate(iso: text)
            if happened == nil || happened! > today || happened! < today.adding(days: -3650) { checks.fail("/happenedOn", key: "ov_err_happened") }
        }
        let name = checks.optionalText(input.reporterName, "/reporterName", limit: 30)
        var phone: String?
        if let text = input.reporterPhone?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            do { phone = try PhoneNumber(parsing: text).value } catch { checks.fail("/reporterPhone", key: "ov_err_phone") }
        }
        try checks.finish()
        let row = ConductReport()
        row.id = UUID()
        var generator = SystemRandomNumberGenerator()
        row.trackingCode = TrackingCode.generate(using: &generator)
        let secret = String((0..<8).map { _ in TrackingCode.alphabet.randomElement(using: &generator)! })
        row.secretHash = Self.secretHash(code: row.trackingCode, secret: secret)
        row.divisionCode = place!.value
        row.official = official
        row.what = what
        row.happenedOn = happened?.description
        row.firstTime = input.firstTime == "on" || input.firstTime == "true"
        let cipher = req.lianxin.cipher
        row.reporterNameCipher = try name.map { try cipher.seal($0, for: .conductReporterName, row: row.id!) }
        row.reporterPhoneCipher = try phone.map { try cipher.seal($0, for: .conductReporterPhone, row: row.id!) }
        row.status = Oversight.ReportStatus.received.rawValue
        row.createdAt = req.lianxin.now()
        row.updatedAt = row.createdAt
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return (row, secret)
    }

    /// The report a tracking code and secret open, or nil (the same answer for a wrong code and a wrong secret).
    static func track(code: String?, secret: String?, _ req: Request) async throws -> ConductReport? {
        let code = (code ?? "").uppercased().filter { !$0.isWhitespace }
        let secret = (secret ?? "").uppercased().filter { !$0.isWhitespace }
        guard !code.isEmpty, !secret.isEmpty, let row = try await ConductReport.query(on: req.db).filter(\.$trackingCode == code).first() else {
            return nil
        }
        let given = Array(secretHash(code: code, secret: secret).utf8), kept = Array(row.secretHash.utf8)
        guard given.count == kept.count, zip(given, kept).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        return row
    }

    /// The discipline inspector behind the request. Anyone else is told the report does not exist (404), and the
    /// attempt is audited as a denied permission.
    static func inspector(_ req: Request) async throws -> Principal {
        let principal = try req.requirePrincipal()
        guard principal.role.can(.handleConductReports) else {
            await req.audit(
                .permissionDenied, result: .denied, target: "\(req.method.rawValue) \(req.url.path)", detail: "needs handleConductReports")
            throw Problem.notFound("report")
        }
        return principal
    }

    /// A report in the inspector's division (out of it: 404, audited).
    static func report(_ id: String?, _ principal: Principal, _ req: Request) async throws -> ConductReport {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await ConductReport.find(id, on: req.db) else {
            throw Problem.notFound("report")
        }
        guard principal.canSee(divisionCode: row.divisionCode) else { throw await req.outOfScope("report", target: id.uuidString) }
        return row
    }

    /// The inspector's step on a report. After it is accepted, only the inspector who accepted it handles it.
    func act(_ row: ConductReport, _ input: ActionInput, by principal: Principal) async throws {
        var checks = InputValidator(req)
        guard let action = Oversight.ReportAction(rawValue: input.action ?? "") else {
            checks.fail("/action", key: "ov_err_action")
            try checks.finish()
            return
        }
        let status = Oversight.ReportStatus(rawValue: row.status) ?? .received
        guard let next = Oversight.apply(action, to: status) else { throw Problem.conflict(checks.message("ov_err_not_now"), field: "/action") }
        if let handler = row.handlerID, handler != principal.userID {
            throw Problem.conflict(checks.message("ov_err_not_handler", ["name": row.handlerName ?? ""]), field: "/action")
        }
        let note = checks.optionalText(input.note, "/note", limit: 1000)
        switch action {
        case .accept, .verify:
            break
        case .decline:
            row.reply = checks.text(input.reply, "/reply", 5...1000, label: req.t("ov_reason"))
        case .conclude:
            let finding = Oversight.Finding(rawValue: input.finding ?? "")
            if finding == nil { checks.fail("/finding", key: "ov_err_finding") }
            row.finding = finding?.rawValue
            row.reply = checks.text(input.reply, "/reply", 5...2000, label: req.t("ov_reply"))
        }
        try checks.finish()
        if let note { row.note = note }
        if row.handlerID == nil {
            row.handlerID = principal.userID
            row.handlerName = principal.displayName
        }
        row.status = next.rawValue
        row.updatedAt = req.lianxin.now()
        if !Oversight.isOpen(next) { row.closedAt = row.updatedAt }
        let actor = req.auditActor
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.save(on: db)
                try await AuditLog.record(
                    .conductReportHandled, result: .success, actor: actor, target: "conduct-report:\(row.id?.uuidString ?? "")",
                    recordDivision: row.divisionCode, ip: req.clientIP, requestID: req.id, detail: action.rawValue, at: req.lianxin.now(), on: db)
            }
        }
    }

    /// The reporter's name and phone in full, for the inspector handling the report only; the read is audited first.
    func contact(_ row: ConductReport, by principal: Principal) async throws -> (name: String, phone: String) {
        guard row.handlerID == principal.userID else {
            await req.audit(.permissionDenied, result: .denied, target: "conduct-report:\(row.id?.uuidString ?? "")", detail: "not the handler")
            throw Problem.forbidden
        }
        try await req.auditDisclosure(
            .conductContactRead, target: "conduct-report:\(row.id?.uuidString ?? "")", recordDivision: row.divisionCode, detail: nil)
        let id = try row.requireID()
        let cipher = req.lianxin.cipher
        return (
            try row.reporterNameCipher.map { try cipher.open($0, for: .conductReporterName, row: id) } ?? "",
            try row.reporterPhoneCipher.map { try cipher.open($0, for: .conductReporterPhone, row: id) } ?? ""
        )
    }

    /// The reporter's name and phone, masked.
    func maskedContact(_ row: ConductReport) -> (name: String, phone: String) {
        let cipher = req.lianxin.cipher
        let id = row.id ?? UUID()
        let name = (try? row.reporterNameCipher.map { try cipher.open($0, for: .conductReporterName, row: id) }) ?? nil
        let phone = (try? row.reporterPhoneCipher.map { try cipher.open($0, for: .conductReporterPhone, row: id) }) ?? nil
        return (name.map(PersonalDataMask.name) ?? "", phone.map(PersonalDataMask.phone) ?? "")
    }
}
