import Vapor
import Fluent
import LianxinCore

/// `/medical-insurance/imports`: the fund supervisor uploads the four published files (settlements, items, prices,
/// sex-specific items) through the same all-or-nothing importer as `lianxin import settlements`; a refused upload
/// comes back with every problem as "file, line N, column: what is wrong" in the reader's words, and an accepted
/// one is screened at once.
struct InsuranceImportPagesController: RouteCollection {
    /// The most an upload of the four files may weigh (the form's CSRF check reads no further either); larger
    /// batches go through `lianxin import settlements`.
    static let maxBytes = 10 * 1_048_576

    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("medical-insurance", "imports")
        pages.get(use: index)
        pages.grouped(ImportLimits.SizeCheck(bytes: Self.maxBytes))
            .on(.POST, body: .collect(maxSize: ByteCount(integerLiteral: Self.maxBytes + 65_536)), use: upload)
    }

    struct FileSpec: Encodable, Sendable {
        let field: String
        let name: String
        let label: String
        let columns: String
        let required: Bool
    }

    struct Model: Encodable, Sendable {
        let files: [FileSpec]
        let report: [String]
        let notice: String
        let sizeNote: String
    }

    static let files: [(field: String, name: String, columns: [String])] = [
        ("settlements", "settlements.csv", ClaimCSV.settlementColumns), ("items", "items.csv", ClaimCSV.itemColumns),
        ("prices", "prices.csv", ClaimCSV.priceColumns), ("sexItems", "sex_items.csv", ClaimCSV.sexItemColumns),
    ]

    func index(req: Request) async throws -> Response {
        try await render(req, report: [], notice: req.query[String.self, at: "notice"] ?? "", status: .ok)
    }

    private func render(_ req: Request, report: [String], notice: String, status: HTTPResponseStatus) async throws -> Response {
        _ = try await req.require(.superviseMedicalInsurance)
        let model = Model(
            files: Self.files.map { file in
                FileSpec(
                    field: file.field, name: file.name, label: req.t("mi_file_\(file.field)"), columns: file.columns.joined(separator: ", "),
                    required: file.field == "settlements")
            }, report: report, notice: notice,
            sizeNote: req.t("mi_import_size").replacingOccurrences(of: "{mb}", with: "\(Self.maxBytes / 1_048_576)"))
        return try await req.page("medical-insurance/imports", title: "mi_imports_title", model: model, status: status)
    }

    struct Form: Content {
        var settlements: File?
        var items: File?
        var prices: File?
        var sexItems: File?
    }

    func upload(req: Request) async throws -> Response {
        _ = try await req.require(.superviseMedicalInsurance)
        let form = try? req.content.decode(Form.self)
        func text(_ file: File?) -> String? {
            guard let file, file.data.readableBytes > 0 else { return nil }
            return String(decoding: Data(buffer: file.data), as: UTF8.self)
        }
        guard let settlements = text(form?.settlements) else {
            return try await render(req, report: [req.t("mi_import_no_file")], notice: "", status: .unprocessableEntity)
        }
        let files = SettlementImporter.Files(
            settlements: settlements, items: text(form?.items), prices: text(form?.prices), sexItems: text(form?.sexItems))
        do {
            let report = try await SettlementImporter(application: req.application).importFiles(files, actor: req.auditActor)
            let notice = req.t("mi_imported").replacingOccurrences(of: "{settlements}", with: "\(report.settlements)")
                .replacingOccurrences(of: "{lines}", with: "\(report.lines)")
                .replacingOccurrences(of: "{leads}", with: "\(report.screening?.added ?? 0)")
            return req.redirect(to: "/medical-insurance/imports?notice=\(notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            let lines = problem.errors.map { Self.reportLine($0.field, message: req.language.pick($0.message), req) }
            return try await render(req, report: lines, notice: "", status: .unprocessableEntity)
        }
    }

    /// "settlements.csv line 2, visit_type" → "settlements.csv 第 2 行 就诊类型：…" (or the English wording).
    static func reportLine(_ field: String, message: String, _ req: Request) -> String {
        let parts = field.components(separatedBy: " line ")
        guard parts.count == 2 else { return req.t("mi_report_file").replacingOccurrences(of: "{file}", with: field) + message }
        let rest = parts[1].components(separatedBy: ", ")
        let column = rest.count > 1 ? rest[1] : ""
        let known = req.t("mi_column_\(column)")
        let name = known.hasPrefix("mi_column_") ? column : known
        var reason = column.isEmpty ? message : message.replacingOccurrences(of: column, with: name)
        if reason.hasPrefix(name + " ") { reason.removeFirst(name.count + 1) }
        return req.t("mi_report_line").replacingOccurrences(of: "{file}", with: parts[0]).replacingOccurrences(of: "{line}", with: rest[0])
            .replacingOccurrences(of: "{column}", with: name) + reason
    }
}
