import Fluent
import LianxinCore
import Vapor

/// The hospital stations' ledger of the 14 services given to patients (帮办代办): one entry per service given, at an
/// institution in the giver's division. Shared by the API and the ledger page, so both check the same way.
struct StationLedger {
    let req: Request
    let principal: Principal

    struct Input: Content {
        var institutionCode: String?
        var service: String?
        var note: String?
    }

    /// Records one service given; a refusal names each field at fault and writes nothing.
    func record(_ input: Input) async throws -> InsuranceStationService {
        var validator = InputValidator(req)
        let service = input.service ?? ""
        if !StationServiceCatalogue.codes.contains(service) { validator.fail("/service", key: "mi_service_unknown") }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if note.count > 200 { validator.fail("/note", key: "mi_review_reason_long") }
        let institution = try await InsuranceInstitution.query(on: req.db).filter(\.$code == (input.institutionCode ?? ""))
            .inScope(\.$divisionCode, principal).first()
        if institution == nil { validator.fail("/institutionCode", key: "mi_csv_unknownInstitution", ["column": "institutionCode"]) }
        try validator.finish()
        let row = InsuranceStationService()
        row.institutionCode = institution?.code ?? ""
        row.divisionCode = institution?.divisionCode ?? ""
        row.service = service
        row.note = note
        row.givenBy = principal.username
        row.givenAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// The entries of one month in the principal's division, newest first.
    func month(_ period: Period) async throws -> [InsuranceStationService] {
        try await InsuranceStationService.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$givenAt >= period.start).filter(\.$givenAt < period.end).sort(\.$givenAt, .descending).all()
    }
}

/// `/medical-insurance/services`: the ledger page — the month's services by kind and by institution, the latest
/// entries, and the form a station worker records a service with (a refusal keeps what was chosen).
struct StationLedgerPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("medical-insurance", "services", use: show)
        routes.post("medical-insurance", "services", use: record)
    }

    struct Count: Encodable, Sendable {
        let label: String
        let count: Int
    }

    struct Entry: Encodable, Sendable {
        let service: String
        let institution: String
        let note: String
        let givenAt: String
    }

    struct Model: Encodable, Sendable {
        let month: String
        let total: Int
        let byService: [Count]
        let byInstitution: [Count]
        let latest: [Entry]
        let services: [SelectOption]
        let institutions: [SelectOption]
        let note: String
        let notice: String
    }

    func show(req: Request) async throws -> Response {
        let principal = try await req.require(.doStationWork)
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai)
        let period =
            Period(req.query[String.self, at: "month"] ?? "").flatMap { $0.kind == .month ? $0 : nil }
            ?? Period.containing(today, kind: .month)!
        let entries = try await StationLedger(req: req, principal: principal).month(period)
        let institutions = try await InsuranceStore.institutions(on: req.db)
        let name = { (code: String) in institutions[code]?.name ?? code }
        let byService = StationServiceCatalogue.codes.map { code in
            Count(label: req.t("mi_service_\(code)"), count: entries.filter { $0.service == code }.count)
        }
        let byInstitution = Dictionary(grouping: entries, by: \.institutionCode).map { Count(label: name($0.key), count: $0.value.count) }
            .sorted { ($1.count, $0.label) < ($0.count, $1.label) }
        let echo = req.formEcho
        let inScope = institutions.values.filter { $0.divisionCode.hasPrefix(principal.division.value) }.sorted { $0.name < $1.name }
        let model = Model(
            month: period.description, total: entries.count, byService: byService, byInstitution: byInstitution,
            latest: entries.prefix(30).map {
                Entry(
                    service: req.t("mi_service_\($0.service)"), institution: name($0.institutionCode), note: $0.note,
                    givenAt: WorkbenchLookup.beijing($0.givenAt))
            },
            services: StationServiceCatalogue.codes.map { SelectOption(value: $0, label: req.t("mi_service_\($0)")) }.selecting(
                echo.values["service"]),
            institutions: inScope.map { SelectOption(value: $0.code, label: $0.name) }.selecting(echo.values["institutionCode"]),
            note: echo.values["note"] ?? "", notice: req.query[String.self, at: "done"] != nil ? req.t("mi_ledger_saved") : "")
        return try await req.page("medical-insurance/services", title: "mi_ledger_title", model: model)
    }

    func record(req: Request) async throws -> Response {
        let principal = try await req.require(.doStationWork)
        let input = try req.content.decode(StationLedger.Input.self)
        do {
            _ = try await StationLedger(req: req, principal: principal).record(input)
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/medical-insurance/services", problem: problem)
        }
        return req.redirect(to: "/medical-insurance/services?done=1")
    }
}
