import Vapor
import Fluent
import SQLKit
import LianxinCore

extension Open311Controller {
    func top(req: Request) async throws -> Response {
        var next: String?
        let response = try await respond(req, file: req.parameters.get("file"), expecting: ["discovery", "services", "requests"]) { name, _ in
            switch name {
            case "discovery": return (try discovery(req), "discovery")
            case "services": return (try await services(req), "services")
            default:
                let (list, cursor) = try await requests(req)
                next = cursor
                return (list, "service_requests")
            }
        }
        if let next, response.status == .ok, let file = req.parameters.get("file") {
            response.headers.replaceOrAdd(name: "Link", value: Self.nextLink(req, file: file, cursor: next))
        }
        return response
    }

    func discovery(_ req: Request) throws -> Open311Value {
        let base = req.lianxin.settings.publicBaseURL
        let changeset = Open311Writer.dateTime(Date(timeIntervalSince1970: 1_790_000_000))
        return .object([
            ("changeset", .string(changeset)),
            ("contact", .string("12345 政务服务便民热线 / \(base)")),
            ("key_service", .string("API keys are issued by the system administrator (lianxin open311 key-add) / 请向系统管理员申请接口密钥")),
            (
                "endpoints",
                .list(
                    item: "endpoint",
                    [
                        .object([
                            ("specification", .string(Self.specification)), ("url", .string(base + "/open311/v2")), ("changeset", .string(changeset)),
                            ("type", .string(req.lianxin.settings.mode == .production ? "production" : "test")),
                            ("formats", .list(item: "format", [.string("application/json"), .string("text/xml")])),
                        ])
                    ])
            ),
        ])
    }

    /// Every active public category a resident can report under: the sub-categories, and top-level ones
    /// without any (internal categories of the catalogue are never offered).
    func reportable(_ catalog: ReferenceData.Catalog) -> [Category] {
        let parents = Set(catalog.categories.values.compactMap(\.parentCode))
        return catalog.categories.values.filter { $0.active && $0.isPublic != false && ($0.parentCode != nil || !parents.contains($0.id ?? "")) }
            .sorted { ($0.id ?? "") < ($1.id ?? "") }
    }

    func services(_ req: Request) async throws -> Open311Value {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        return .list(
            item: "service",
            reportable(catalog).map { category in
                .object([
                    ("service_code", .string(category.id ?? "")), ("service_name", .string(category.name)),
                    ("description", .string(category.name)), ("metadata", .bool(!(catalog.attributes[category.id ?? ""] ?? []).isEmpty)),
                    ("type", .string("realtime")),
                    ("keywords", .string(([category.name] + CategoryDefinition.list(category.keywords)).joined(separator: ","))),
                    ("group", .string(category.parentCode.flatMap { catalog.categories[$0]?.name } ?? category.name)),
                ])
            })
    }

    func definition(req: Request) async throws -> Response {
        try await respond(req, file: req.parameters.get("file")) { code, _ in
            let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
            guard let category = catalog.category(code), category.isPublic != false else {
                throw Failure(.notFound, "service_code \(code) not found")
            }
            let attributes = (catalog.attributes[code] ?? []).map { attribute -> Open311Value in
                .object([
                    ("variable", .bool(true)), ("code", .string(attribute.code)), ("datatype", .string(attribute.datatype.rawValue)),
                    ("required", .bool(attribute.required)), ("datatype_description", .null), ("order", .integer(attribute.order)),
                    ("description", .string(attribute.description)),
                    ("values", .list(item: "value", attribute.values.map { .object([("key", .string($0.key)), ("name", .string($0.name))]) })),
                ])
            }
            return (
                .object([("service_code", .string(category.id ?? code)), ("attributes", .list(item: "attribute", attributes))]), "service_definition"
            )
        }
    }
}
