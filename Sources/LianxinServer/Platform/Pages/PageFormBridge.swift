import Vapor

/// Lets a page form that the API answers work without JavaScript (#18 items 13 and 15). Such a form posts its
/// fields URL-encoded to the API path with `_back` (the page it sits on), and optionally `_redirect` (where to go
/// on success, `{id}` filled from the answer) and `_types` (`attendance:int,tags:list,parties.0.side:hidden`).
/// The bridge turns the fields into the JSON body the script would have sent (`parties.0.name` nests, empty
/// fields and hidden-only rows are dropped), lets the API answer, and then sends the browser on — or, on a
/// refusal, draws the page again with the form's values and every problem (`FormEcho`). With JavaScript the same
/// form is sent as JSON by `engagement-forms.js`, which ignores the `_` fields.
struct PageFormBridgeMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, request.url.path.hasPrefix("/api/v1/"), request.headers.contentType == .urlEncodedForm else {
            return try await next.respond(to: request)
        }
        if request.body.data == nil { _ = try await request.body.collect(max: 1 << 20).get() }
        guard let fields = try? request.content.decode([String: String].self), let back = fields["_back"] else {
            return try await next.respond(to: request)
        }
        let target = RedirectTarget.sameSite(back)
        let action = request.url.path
        try request.content.encode(PageFormBody.json(fields), as: .json)
        request.headers.replaceOrAdd(name: .accept, value: "application/json")
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            let problem = ProblemMiddleware.problem(from: error)
            guard problem.status.code < 500, ![.unauthorized, .forbidden, .notFound].contains(problem.status) else { throw error }
            return try await request.sendBack(
                to: target, echo: FormEcho(action: fields["_form"] ?? action, values: fields, problem: problem, request))
        }
        guard response.status.code < 300 else { return response }
        var destination = target
        if let redirect = fields["_redirect"] {
            let id = (try? response.content.get(String.self, at: "id")) ?? ""
            destination = RedirectTarget.sameSite(redirect.replacingOccurrences(of: "{id}", with: id), fallback: target)
        }
        return request.redirect(to: destination, redirectType: .normal)
    }
}

/// The JSON body of a bridged page form, built as `engagement-forms.js` builds it.
enum PageFormBody {
    static func json(_ fields: [String: String]) -> JSONValue {
        var types: [String: String] = [:]
        for item in (fields["_types"] ?? "").split(separator: ",") {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 { types[parts[0]] = parts[1] }
        }
        let present = fields.filter { !$0.key.hasPrefix("_") && !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        // A row (`parties.1`) that has nothing but hidden fields is a row left blank.
        func row(_ name: String) -> String? {
            let parts = name.split(separator: ".")
            return parts.count > 2 ? parts.prefix(2).joined(separator: ".") : nil
        }
        let filledRows = Set(present.keys.filter { types[$0] != "hidden" }.compactMap(row))
        let root = Node()
        for (name, raw) in present.sorted(by: { $0.key < $1.key }) {
            if types[name] == "hidden", let row = row(name), !filledRows.contains(row) { continue }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let value: JSONValue =
                switch types[name] {
                case "int": Double(text).map(JSONValue.number) ?? .string(text)
                case "bool": .bool(text == "true")
                case "list": .array(text.split(whereSeparator: { ",，、;；\n".contains($0) }).map { .string($0.trimmingCharacters(in: .whitespaces)) })
                case "datetime": .string(text.count == 16 ? text + ":00+08:00" : text)
                default: .string(text)
                }
            root.put(name.split(separator: ".").map(String.init), value)
        }
        return root.value
    }

    /// A tree of objects and arrays (numeric keys make arrays, in index order).
    private final class Node {
        var children: [String: Node] = [:]
        var leaf: JSONValue?

        func put(_ path: [String], _ value: JSONValue) {
            guard let first = path.first else { return }
            let child = children[first] ?? Node()
            children[first] = child
            if path.count == 1 { child.leaf = value } else { child.put(Array(path.dropFirst()), value) }
        }

        var value: JSONValue {
            if let leaf { return leaf }
            let keys = children.keys
            if !keys.isEmpty, keys.allSatisfy({ Int($0) != nil }) {
                return .array(keys.sorted { Int($0)! < Int($1)! }.compactMap { children[$0]?.value })
            }
            return .object(keys.sorted().compactMap { key in children[key].map { (key, $0.value) } })
        }
    }
}
