import Vapor
import Fluent
import SQLKit
import LianxinCore

extension Open311Controller {
    /// Runs `body` for the format named by the file's extension, answering failures as GeoReport errors.
    func respond(
        _ req: Request, file: String?, expecting names: Set<String>? = nil,
        _ body: (String, Open311Format) async throws -> (Open311Value, root: String)
    ) async throws -> Response {
        guard let file, let (name, format) = Open311Format.split(file) else {
            return Self.error(Failure(.notFound, "unknown resource; add .json or .xml"), format: .json)
        }
        if let names, !names.contains(name) { return Self.error(Failure(.notFound, "unknown resource \(name)"), format: format) }
        do {
            try await checkJurisdiction(req)
            let (value, root) = try await body(name, format)
            return Self.document(value, root: root, format: format)
        } catch let failure as Failure {
            return Self.error(failure, format: format)
        } catch let problem as Problem {
            return Self.error(Failure(problem), format: format)
        }
    }

    static func document(_ value: Open311Value, root: String, format: Open311Format, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: format.contentType)
        return Response(status: status, headers: headers, body: .init(string: Open311Writer.render(value, root: root, as: format)))
    }

    static func error(_ failure: Failure, format: Open311Format) -> Response {
        let value = Open311Value.list(
            item: "error",
            [
                .object([
                    ("code", .integer(Int(failure.status.code))),
                    ("description", .string(failure.description)),
                ])
            ])
        return document(value, root: "errors", format: format, status: failure.status)
    }

    /// A parameter from the query string or, for POST, the form body; blank counts as absent.
    func parameter(_ req: Request, _ name: String, form: [String: String] = [:]) -> String? {
        let value = form[name] ?? (try? req.query.get(String.self, at: name))
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// An empty `jurisdiction_id` means this server; otherwise it must be our host or a division we hold.
    func checkJurisdiction(_ req: Request, form: [String: String] = [:]) async throws {
        guard let jurisdiction = parameter(req, "jurisdiction_id", form: form) else { return }
        if jurisdiction == URL(string: req.lianxin.settings.publicBaseURL)?.host { return }
        if let code = DivisionCode(jurisdiction),
            try await DivisionQueries.exists(code, on: req.db)
        {
            return
        }
        throw Failure(.notFound, "jurisdiction_id \(jurisdiction) not found")
    }
}
