import Fluent
import Foundation
import LianxinCore
import Vapor

/// The residents' 监督一点通 pages under /p/ (no account): report an official's conduct in confidence, keep the
/// tracking code and secret, and read the discipline commission's answer with them.
struct OversightPublicController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("p", "oversight")
        pages.get(use: form)
        pages.post(use: file)
        pages.get("track", use: trackForm)
        pages.post("track", use: track)
    }

    struct FormModel: Encodable, Sendable {
        let values: [String: String]
        let errors: [String: String]
        let error: String
        let picker: DivisionPicker
    }

    struct ReceiptModel: Encodable, Sendable {
        let code: String
        let secret: String
    }

    struct TrackModel: Encodable, Sendable {
        let code: String
        let error: String
        let found: Bool
        let status: String
        let statusCode: String
        let place: String
        let receivedAt: String
        let finding: String
        let reply: String
    }

    /// The division the picker offers: the deepest one containing every division with grids (the county, usually).
    static func jurisdiction(_ req: Request) async throws -> DivisionCode {
        let first = try await Grid.query(on: req.db).filter(\.$validTo == nil).sort(\.$communityCode).first()
        let last = try await Grid.query(on: req.db).filter(\.$validTo == nil).sort(\.$communityCode, .descending).first()
        let codes = [first, last].compactMap { $0.flatMap { DivisionCode($0.communityCode) } }
        if let root = DivisionCode.smallestContaining(codes) { return root }
        let any = try await Division.query(on: req.db).sort(\.$id).first()
        return any?.id.flatMap(DivisionCode.init) ?? DivisionCode("36")!
    }

    func render(_ req: Request, values: [String: String] = [:], problem: Problem? = nil) async throws -> Response {
        let errors = problem?.fieldMessages(req.language) ?? [:]
        let model = FormModel(
            values: values, errors: errors,
            error: problem.map { errors.isEmpty ? $0.detail(req.language) : req.t("wb_fix_fields") } ?? "",
            picker: try await DivisionPicker.load(
                req, id: "ov-division", name: "divisionCode", label: req.t("ov_where"), under: try await Self.jurisdiction(req),
                selected: values["divisionCode"], empty: req.t("field_picker_choose"), help: req.t("ov_where_help"),
                error: errors["divisionCode"] ?? ""))
        return try await req.page("oversight/public-report", title: "ov_public_title", model: model, status: problem?.status ?? .ok)
    }

    func form(req: Request) async throws -> Response { try await render(req) }

    func file(req: Request) async throws -> Response {
        let input = try req.content.decode(ConductReportService.ReportInput.self)
        do {
            let (row, secret) = try await ConductReportService(req: req).file(input)
            return try await req.page(
                "oversight/public-receipt", title: "ov_public_title",
                model: ReceiptModel(code: TrackingCode.grouped(row.trackingCode), secret: secret))
        } catch let problem as Problem where problem.status.code < 500 {
            return try await render(req, values: input.values, problem: problem)
        }
    }

    struct TrackForm: Content {
        var code: String?
        var secret: String?
    }

    func trackForm(req: Request) async throws -> Response {
        try await req.page(
            "oversight/public-track", title: "ov_track_title",
            model: TrackModel(code: "", error: "", found: false, status: "", statusCode: "", place: "", receivedAt: "", finding: "", reply: ""))
    }

    func track(req: Request) async throws -> Response {
        let input = try req.content.decode(TrackForm.self)
        guard let row = try await ConductReportService.track(code: input.code, secret: input.secret, req) else {
            return try await req.page(
                "oversight/public-track", title: "ov_track_title",
                model: TrackModel(
                    code: input.code ?? "", error: req.t("ov_track_not_found"), found: false, status: "", statusCode: "", place: "",
                    receivedAt: "", finding: "", reply: ""), status: .notFound)
        }
        let place = try await Division.find(row.divisionCode, on: req.db)?.name ?? ""
        // The reporter reads the state, the reason or reply meant for them, and nothing of the inspector's own notes.
        let answered = row.status == "declined" || row.status == "concluded"
        return try await req.page(
            "oversight/public-track", title: "ov_track_title",
            model: TrackModel(
                code: TrackingCode.grouped(row.trackingCode), error: "", found: true, status: req.t("ov_status_\(row.status)"),
                statusCode: row.status, place: place, receivedAt: WorkbenchLookup.beijing(row.createdAt),
                finding: row.status == "concluded" ? row.finding.map { req.t("ov_finding_\($0)") } ?? "" : "",
                reply: answered ? row.reply ?? "" : ""))
    }
}
