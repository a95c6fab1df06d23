import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/api/v1/assets…`: the city asset registry (部件): list in scope, all-or-nothing import of CSV or GeoJSON with a
/// validation report, one asset with its history, edits, and a report (an order) naming the asset, routed to its
/// owner unit.
struct AssetsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("asset-classes", use: classes)
        api.get("assets", use: list)
        api.on(.POST, "assets", "import", body: .collect(maxSize: AssetLookup.maxImport), use: importFile)
        api.get("assets", ":id", use: show)
        api.patch("assets", ":id", use: edit)
        api.post("assets", ":id", "reports", use: report)
    }

    struct ClassDTO: Content {
        var code: String
        var name: String
        var majorCode: String
        var majorName: String
    }

    func classes(req: Request) async throws -> [ClassDTO] {
        _ = try await req.require(.viewAssets)
        let english = req.language == .en
        return AssetClasses.all.map {
            ClassDTO(
                code: $0.code, name: $0.title(english: english), majorCode: $0.majorCode,
                majorName: AssetClasses.major($0.code)?.title(english: english) ?? "")
        }
    }

    func list(req: Request) async throws -> [AssetDTO] {
        let principal = try await req.require(.viewAssets)
        struct Query: Content { var classCode: String?; var status: String? }
        let query = try req.query.decode(Query.self)
        if let status = query.status, !status.isEmpty, AssetStatus(rawValue: status) == nil {
            throw Problem.invalid(field: "/status", "intact, damaged, missing or retired / 须为“intact”“damaged”“missing”“retired”之一")
        }
        let rows = try await AssetLookup.list(for: principal, classCode: query.classCode, status: query.status, on: req.db)
        let units = try await AssetLookup.unitNames(on: req.db)
        return try rows.map { try AssetDTO($0, units: units, english: req.language == .en) }
    }

    func importFile(req: Request) async throws -> AssetService.ImportResult {
        let principal = try await req.require(.manageAssets)
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw Problem.invalid(field: "/file", "send the CSV or GeoJSON file as the body / 请以请求体发送 CSV 或 GeoJSON 文件")
        }
        return try await AssetService(req: req, principal: principal).importFile(Data(buffer: body))
    }

    func show(req: Request) async throws -> AssetDetailDTO {
        let principal = try await req.require(.viewAssets)
        return try await AssetDetailDTO.load(try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db), req)
    }

    struct EditInput: Content {
        var status: String?
        var ownerUnitId: UUID?
        var name: String?
    }

    func edit(req: Request) async throws -> AssetDTO {
        let principal = try await req.require(.manageAssets)
        let asset = try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db)
        let input = try req.content.decode(EditInput.self)
        let saved = try await AssetService(req: req, principal: principal).edit(
            asset, status: input.status, ownerUnitID: input.ownerUnitId, name: input.name)
        return try AssetDTO(saved, units: try await AssetLookup.unitNames(on: req.db), english: req.language == .en)
    }

    func report(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        let asset = try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db)
        let (order, created) = try await AssetService(req: req, principal: principal).report(asset, try req.content.decode(NewWorkOrder.self))
        let dto = try await WorkOrderLookup.dto(order, req)
        let response = try await dto.encodeResponse(status: created ? .created : .ok, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/work-orders/\(dto.id)")
        return response
    }
}
