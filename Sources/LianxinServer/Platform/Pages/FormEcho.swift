import Vapor

/// A page form sent back because of problems (#18 item 13): what was typed, each problem under its field's name
/// (`title`, not `/title`), the refusal in the reader's language, and the form (`action`) it came from, so a page
/// with several forms fills in only that one. Every page gets it as `form`; it is empty unless a form came back.
struct FormEcho: Encodable, Sendable {
    var action = ""
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var message = ""
    /// Every problem in the reader's language, for a form whose fields cannot each show their own.
    var list: [String] = []
    /// The refusal's HTTP status, which the page drawn again answers with.
    var status = 422

    /// The echo of `values` (a page form, without its CSRF token) refused with `problem`.
    init(action: String, values: [String: String], problem: Problem, _ request: Request) {
        self.action = action
        status = Int(problem.status.code)
        self.values = values.filter { $0.key != "_csrf" }
        errors = problem.fieldMessages(request.language)
        list = problem.errors.isEmpty ? [] : problem.errors.map { request.language.pick($0.message) }
        message = errors.isEmpty ? problem.detail(request.language) : request.t("wb_fix_fields")
    }

    /// The echo of `request`'s own URL-encoded form refused with `problem`.
    init(_ request: Request, problem: Problem) {
        let fields = (try? request.content.decode([String: String].self, as: .urlEncodedForm)) ?? [:]
        self.init(action: request.url.path, values: fields, problem: problem, request)
    }

    init() {}

    struct Key: StorageKey { typealias Value = FormEcho }
}

extension Request {
    /// The form sent back to this page, if any.
    var formEcho: FormEcho { storage[FormEcho.Key.self] ?? FormEcho() }

    /// Answers a refused page form with the page at `back` drawn again (through every middleware, as a GET by the
    /// same browser) with the form's values and problems filled in, and the refusal's status: nothing typed is lost.
    func sendBack(to back: String, problem: Problem) async throws -> Response {
        try await sendBack(to: back, echo: FormEcho(self, problem: problem))
    }

    /// Draws the page at `back` again with `echo`, answering with its status when the page itself is fine.
    func sendBack(to back: String, echo: FormEcho) async throws -> Response {
        var headers = self.headers
        headers.remove(name: .contentType)
        headers.remove(name: .contentLength)
        let page = Request(
            application: application, method: .GET, url: URI(string: back), version: version, headers: headers,
            remoteAddress: remoteAddress, logger: logger, on: eventLoop)
        page.storage[FormEcho.Key.self] = echo
        let response = try await application.responder.respond(to: page).get()
        if response.status == .ok { response.status = HTTPResponseStatus(statusCode: echo.status) }
        return response
    }
}
