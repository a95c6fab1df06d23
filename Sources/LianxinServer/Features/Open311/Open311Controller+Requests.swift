import Vapor
import Fluent
import SQLKit
import LianxinCore

extension Open311Controller {
    func one(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { number, _ in
            // An order nobody made public is "not found", exactly like one that does not exist.
            guard let order = try await WorkOrder.query(on: req.db).filter(\.$number == number).first(),
                try await OrderPublication.isPublished(order, allChannels: req.lianxin.settings.exposure.open311AllChannels, on: req.db)
            else {
                throw Failure(.notFound, "service_request_id \(number) not found")
            }
            let extensions = parameter(req, "extensions") == "true"
            return (.list(item: "request", [try await Open311Requests(req).describe([order], notes: extensions)[0]]), "service_requests")
        }
    }

    func token(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { token, _ in
            guard let code = TrackingCode.normalized(token),
                let order = try await WorkOrder.query(on: req.db).filter(\.$trackingCode == code).first()
            else {
                throw Failure(.notFound, "token \(token) not found")
            }
            return (
                .list(item: "request", [.object([("service_request_id", .string(order.number)), ("token", .string(order.trackingCode))])]),
                "service_requests"
            )
        }
    }

    /// The deepest `page` reaches (page × page_size); beyond it, `after` (from the `Link` header) pages on.
    static let maximumOffset = 1_000
    static let maximumPageSize = 200

    /// Public requests, newest first, keyset-paged: `page_size` (≤ 200) and either `page` (no deeper
    /// than 1,000 rows) or `after`, the opaque cursor in the previous page's `Link: <…>; rel="next"`.
    func requests(_ req: Request) async throws -> (Open311Value, next: String?) {
        var query = OrderPublication.published(WorkOrder.query(on: req.db), allChannels: req.lianxin.settings.exposure.open311AllChannels)
        if let ids = parameter(req, "service_request_id") {
            let numbers = ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            query = query.filter(\.$number ~~ numbers)
        } else {
            func date(_ name: String) throws -> Date? {
                guard let text = parameter(req, name) else { return nil }
                guard let date = ISOTimestamp.parse(text) else {
                    throw Failure(.badRequest, "\(name) must be ISO 8601 with an offset, e.g. 2026-11-01T00:00:00+08:00")
                }
                return date
            }
            let end = try date("end_date")
            let start = try date("start_date") ?? (end ?? req.lianxin.now()).addingTimeInterval(-90 * 86_400)
            query = query.filter(\.$createdAt >= start)
            if let end { query = query.filter(\.$createdAt <= end) }
            if let after = try date("updated_after") { query = query.filter(\.$updatedAt > after) }
            if let before = try date("updated_before") { query = query.filter(\.$updatedAt < before) }
            if let codes = parameter(req, "service_code") {
                query = query.filter(\.$categoryCode ~~ codes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            if let statuses = parameter(req, "status") {
                let wanted = Set(statuses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
                guard wanted.isSubset(of: ["open", "closed"]) else { throw Failure(.badRequest, "status is open, closed or both") }
                let open = WorkOrderStatus.allCases.filter(\.isOpen).map(\.rawValue)
                if wanted == ["open"] { query = query.filter(\.$status ~~ open) }
                if wanted == ["closed"] { query = query.filter(\.$status !~ open) }
            }
        }
        let size = try positive("page_size", default: 100, maximum: Self.maximumPageSize)
        let page = try positive("page", default: 1, maximum: Self.maximumOffset / size)
        if let cursor = parameter(req, "after") {
            guard page == 1 else { throw Failure(.badRequest, "give page or after, not both") }
            guard let key = Open311Cursor.decode(cursor) else { throw Failure(.badRequest, "after is not a cursor this server issued") }
            query = query.group(.or) { group in
                group.filter(\.$createdAt < key.at).group(.and) { $0.filter(\.$createdAt == key.at).filter(\.$id < key.id) }
            }
        }
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .offset((page - 1) * size).limit(size + 1).all()
        let visible = Array(rows.prefix(size))
        let next = rows.count > size ? try visible.last.map { Open311Cursor.encode(at: $0.createdAt, id: try $0.requireID()) } : nil
        return (.list(item: "request", try await Open311Requests(req).describe(visible, notes: parameter(req, "extensions") == "true")), next)

        func positive(_ name: String, default fallback: Int, maximum: Int) throws -> Int {
            guard let text = parameter(req, name) else { return fallback }
            guard let number = Int(text), (1...maximum).contains(number) else {
                throw Failure(
                    .badRequest,
                    name == "page"
                        ? "page must be 1–\(maximum) at this page_size (at most \(Self.maximumOffset) rows deep); follow the Link header's after= to page further"
                        : "\(name) must be 1–\(maximum)")
            }
            return number
        }
    }

    /// The `Link` header to the next page: this request's query with `after` set (and `page` dropped).
    static func nextLink(_ req: Request, file: String, cursor: String) -> String {
        var components = URLComponents()
        components.path = "/open311/v2/\(file)"
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "page" && $0.name != "after" }
        components.queryItems = kept + [URLQueryItem(name: "after", value: cursor)]
        return "<\(req.lianxin.settings.publicBaseURL)\(components.string ?? components.path)>; rel=\"next\""
    }

    /// A photo filed through Open311 (only those are public).
    func media(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap({ UUID(uuidString: String($0.prefix(36))) }),
            let row = try await Attachment.find(id, on: req.db), row.uploader == "open311",
            let order = try await WorkOrder.find(row.orderID, on: req.db),
            try await OrderPublication.isPublished(order, allChannels: req.lianxin.settings.exposure.open311AllChannels, on: req.db),
            let data = try await req.lianxin.files.get(row.storageKey, on: req.db)
        else {
            return Self.error(Failure(.notFound, "media not found"), format: .json)
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: row.contentType)
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=86400")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
