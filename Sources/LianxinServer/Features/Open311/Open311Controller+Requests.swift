import Vapor
import Fluent
import SQLKit
import LianxinCore

extension Open311Controller {
    func one(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { number, _ in
            guard let order = try await WorkOrder.query(on: req.db).filter(\.$number == number).first() else {
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

    func requests(_ req: Request) async throws -> Open311Value {
        var query = WorkOrder.query(on: req.db)
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
        let page = try positive("page", default: 1, maximum: 100_000)
        let size = try positive("page_size", default: 100, maximum: 1000)
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .offset((page - 1) * size).limit(size).all()
        return .list(item: "request", try await Open311Requests(req).describe(rows, notes: parameter(req, "extensions") == "true"))

        func positive(_ name: String, default fallback: Int, maximum: Int) throws -> Int {
            guard let text = parameter(req, name) else { return fallback }
            guard let number = Int(text), (1...maximum).contains(number) else { throw Failure(.badRequest, "\(name) must be 1–\(maximum)") }
            return number
        }
    }

    /// A photo filed through Open311 (only those are public).
    func media(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap({ UUID(uuidString: String($0.prefix(36))) }),
            let row = try await Attachment.find(id, on: req.db), row.uploader == "open311",
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
