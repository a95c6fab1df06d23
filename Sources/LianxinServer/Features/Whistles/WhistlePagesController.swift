import Vapor
import Fluent
import LianxinCore

/// 吹哨报到 pages: the whistles in scope, blowing one (optionally on an order), and one whistle with
/// its summoned departments' reports, work notes, 一哨一评 marks and closing. Each form goes through
/// the API's handler, so the rules and messages are the same.
struct WhistlePagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("whistles", use: list)
        routes.get("whistles", "new", use: newForm)
        routes.post("whistles", "new", use: blow)
        routes.get("whistles", ":id", use: show)
        routes.post("whistles", ":id", ":step", use: step)
    }

    struct ListModel: Encodable, Sendable {
        struct Row: Encodable, Sendable {
            let id: String; let title: String; let status: String; let statusTitle: String; let blownAt: String; let departments: String
        }
        let rows: [Row]
        let canBlow: Bool
    }

    func list(req: Request) async throws -> Response {
        let principal = try await req.require(.viewWorkOrders)
        let whistles = try await WhistlesController().list(req: req)
        let rows = whistles.map { w in
            ListModel.Row(
                id: w.id.uuidString, title: w.title, status: w.status, statusTitle: req.t("wb_whistle_\(w.status)"),
                blownAt: WorkbenchLookup.beijing(w.blownAt), departments: w.departments.map(\.departmentName).joined(separator: "、"))
        }
        return try await req.page("whistles/whistles", title: "nav_whistles", model: ListModel(rows: rows, canBlow: principal.role.can(.blowWhistle)))
    }
}
