import Vapor
import Fluent
import LianxinCore

/// The account import on the users page: upload a CSV; every problem listed with its line, or the new
/// accounts with their initial passwords, shown this once.
extension UsersController {
    struct ImportModel: Encodable, Sendable {
        let problems: [ImportProblemRow]
        let created: [UserImporter.Created]
        let error: String?
    }

    struct ImportForm: Content { var file: File? }

    func importPage(req: Request) async throws -> Response {
        _ = try await req.require(.manageAccounts)
        return try await req.page("accounts/users-import", title: "accounts_import_title", model: ImportModel(problems: [], created: [], error: nil))
    }

    func importFromPage(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAccounts)
        let form = try req.content.decode(ImportForm.self)
        guard let file = form.file, file.data.readableBytes > 0,
            let text = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes)
        else {
            return try await req.page(
                "accounts/users-import", title: "accounts_import_title",
                model: ImportModel(problems: [], created: [], error: req.t("accounts_import_choose_file")), status: .unprocessableEntity)
        }
        do {
            let created = try await UserImporter(application: req.application)
                .importCSV(text, by: principal, actor: principal.auditActor, ip: req.clientIP)
            return try await req.page(
                "accounts/users-import", title: "accounts_import_title", model: ImportModel(problems: [], created: created, error: nil))
        } catch let problem as Problem where [.unprocessableEntity, .payloadTooLarge].contains(problem.status) {
            let language = req.language
            return try await req.page(
                "accounts/users-import", title: "accounts_import_title",
                model: ImportModel(
                    problems: problem.errors.map { ImportProblemRow($0, columnKeys: "accounts_column_", req) }, created: [],
                    error: language.pick(problem.detail)),
                status: problem.status)
        }
    }
}
