import Fluent
import Foundation
import LianxinCore
import Vapor

/// `/assets`: the registry's map layer and list with the import form (the validation report beside it when a file is
/// refused), and `/assets/{id}`: one asset, its history, its edit form and the form to report a problem with it.
/// `/assets/code/{code}` opens an asset from the code on its plate (what a phone's scanner reads).
struct AssetPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("assets")
        pages.get(use: index)
        pages.on(.POST, "import", body: .collect(maxSize: AssetLookup.maxImport), use: importFile)
        pages.get("code", ":code", use: byCode)
        pages.get(":id", use: show)
        pages.get(":id", "label.svg", use: label)
        pages.post(":id", "edit", use: edit)
        pages.post(":id", "report", use: report)
    }

    struct Marker: Encodable, Sendable {
        let id: String
        let x: String
        let y: String
        let label: String
        let status: String
    }

    struct IndexModel: Encodable, Sendable {
        var assets: [AssetDTO]
        var markers: String
        var map: GridMapModel
        var canManage: Bool
        var notice: String
        var report: [String]
        var classes: [SelectOption]
        var statuses: [SelectOption]
    }

    func index(req: Request) async throws -> Response {
        try await render(req, notice: (try? req.query.get(String.self, at: "notice")) ?? "", report: [], status: .ok)
    }

    private func render(_ req: Request, notice: String, report: [String], status: HTTPResponseStatus) async throws -> Response {
        let principal = try await req.require(.viewAssets)
        struct Query: Content { var classCode: String?; var status: String? }
        let query = (try? req.query.decode(Query.self)) ?? Query()
        let rows = try await AssetLookup.list(for: principal, classCode: query.classCode, status: query.status, on: req.db)
        let english = req.language == .en
        let units = try await AssetLookup.unitNames(on: req.db)
        let assets = try rows.map { try AssetDTO($0, units: units, english: english) }
        let map = try await GridMapCache.map(of: principal.division, req)
        // The layer's points in the map's own projection (as the grid map draws its grids).
        let markers = assets.map { asset in
            let x = (asset.longitude - map.minLon) * map.lonFactor * map.scale
            let y = (map.maxLat - asset.latitude) * map.scale
            return Marker(
                id: asset.id.uuidString, x: String(format: "%.1f", x), y: String(format: "%.1f", y),
                label: "\(asset.className) \(asset.name)", status: asset.status)
        }
        let json = String(decoding: try JSONEncoder().encode(markers), as: UTF8.self)
        return try await req.page(
            "assets/index", title: "fw_assets_title",
            model: IndexModel(
                assets: assets, markers: json, map: map, canManage: principal.role.can(.manageAssets), notice: notice, report: report,
                classes: AssetClasses.all.map {
                    SelectOption(value: $0.code, label: "\($0.code) \($0.title(english: english))", selected: $0.code == query.classCode)
                },
                statuses: AssetStatus.allCases.map {
                    SelectOption(value: $0.rawValue, label: $0.title(english: english), selected: $0.rawValue == query.status)
                }),
            status: status)
    }

    func importFile(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAssets)
        struct Form: Content { var file: File? }
        guard let file = try? req.content.decode(Form.self).file, file.data.readableBytes > 0 else {
            return try await render(req, notice: "", report: [req.t("fw_assets_import_no_file")], status: .unprocessableEntity)
        }
        do {
            let result = try await AssetService(req: req, principal: principal).importFile(Data(buffer: file.data))
            let notice = req.t("fw_assets_imported").replacingOccurrences(of: "{created}", with: "\(result.created)")
                .replacingOccurrences(of: "{updated}", with: "\(result.updated)")
            return req.redirect(to: "/assets?notice=\(notice.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")")
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            let lines = problem.errors.map { error in
                Self.reportLine(error.field, message: req.language.pick(error.message), req)
            }
            return try await render(req, notice: "", report: lines, status: .unprocessableEntity)
        }
    }

    /// `/rows/3/ownerUnit` → "第 3 行 权属单位：…".
    static func reportLine(_ field: String, message: String, _ req: Request) -> String {
        let parts = field.split(separator: "/").map(String.init)
        guard parts.count == 3, parts[0] == "rows" else { return message }
        let row = parts[1] == "0" ? req.t("fw_assets_file") : req.t("fw_assets_row").replacingOccurrences(of: "{row}", with: parts[1])
        return "\(row) \(req.t("fw_assets_field_\(parts[2])"))：\(message)"
    }

    func byCode(req: Request) async throws -> Response {
        let principal = try await req.require(.viewAssets)
        let asset = try await AssetLookup.find(req.parameters.get("code"), for: principal, on: req.db)
        return req.redirect(to: "/assets/\(try asset.requireID())")
    }

    struct ShowModel: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            let title: String
            let detail: String
            let orderID: String
            let orderNumber: String
            let orderStatus: String
            let at: String
        }

        var asset: AssetDTO
        var statusTitle: String
        var majorName: String
        var updatedAt: String
        var history: [Line]
        var canManage: Bool
        var canReport: Bool
        var statuses: [SelectOption]
        var units: [SelectOption]
        var categories: [SelectOption]
        var values: [String: String]
        var errors: [String: String]
        var error: String
    }

    func show(req: Request) async throws -> Response {
        try await renderAsset(req, values: [:], errors: [:], error: "", status: .ok)
    }

    private func renderAsset(
        _ req: Request, values: [String: String], errors: [String: String], error: String, status: HTTPResponseStatus
    ) async throws -> Response {
        let principal = try await req.require(.viewAssets)
        let row = try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db)
        let detail = try await AssetDetailDTO.load(row, req)
        let english = req.language == .en
        let division = DivisionCode(row.divisionCode) ?? principal.division
        let units = try await DepartmentLookup.choices(division: division, for: principal, on: req.db)
        let categories = try await AssetLookup.categories(on: req.db)
        return try await req.page(
            "assets/show", title: "fw_asset_title",
            model: ShowModel(
                asset: detail.asset, statusTitle: AssetStatus(rawValue: row.status)?.title(english: english) ?? row.status,
                majorName: AssetClasses.major(row.classCode)?.title(english: english) ?? "", updatedAt: WorkbenchLookup.beijing(row.updatedAt),
                history: detail.history.map { entry in
                    ShowModel.Line(
                        title: req.t("fw_asset_event_\(entry.kind)"), detail: entry.detail ?? "", orderID: entry.orderId?.uuidString ?? "",
                        orderNumber: entry.orderNumber ?? "",
                        orderStatus: entry.orderStatus.flatMap(WorkOrderStatus.init(rawValue:))?.title(english: english) ?? "",
                        at: WorkbenchLookup.beijing(entry.at))
                },
                canManage: principal.role.can(.manageAssets), canReport: principal.role.can(.createWorkOrders),
                statuses: AssetStatus.allCases.map {
                    SelectOption(value: $0.rawValue, label: $0.title(english: english), selected: $0.rawValue == (values["status"] ?? row.status))
                },
                units: units.compactMap { unit in
                    unit.id.map { SelectOption(value: $0.uuidString, label: unit.name, selected: $0 == row.ownerDepartmentID) }
                },
                categories: categories.selecting(values["categoryCode"]), values: values, errors: errors, error: error),
            status: status)
    }

    func edit(req: Request) async throws -> Response {
        let principal = try await req.require(.manageAssets)
        let asset = try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db)
        struct Form: Content { var status: String?; var ownerUnitId: String?; var name: String? }
        let form = try req.content.decode(Form.self)
        do {
            let owner = try form.ownerUnitId.flatMap { text -> UUID? in
                guard !text.isEmpty else { return nil }
                guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "/ownerUnitId", "choose from the list / 请从列表中选择") }
                return id
            }
            _ = try await AssetService(req: req, principal: principal).edit(asset, status: form.status, ownerUnitID: owner, name: form.name)
            return req.redirect(to: "/assets/\(try asset.requireID())")
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            return try await renderAsset(
                req, values: ["status": form.status ?? "", "name": form.name ?? ""], errors: problem.fieldMessages(req.language),
                error: req.t("wb_fix_fields"), status: .unprocessableEntity)
        }
    }

    func report(req: Request) async throws -> Response {
        let principal = try await req.require(.createWorkOrders)
        let asset = try await AssetLookup.find(req.parameters.get("id"), for: principal, on: req.db)
        struct Form: Content { var title: String?; var description: String?; var categoryCode: String? }
        let form = try req.content.decode(Form.self)
        let input = NewWorkOrder(
            title: form.title, description: form.description, categoryCode: form.categoryCode,
            channel: principal.role == .gridMember ? "gridPatrol" : "hotline", requestKind: "assistance")
        do {
            let (order, _) = try await AssetService(req: req, principal: principal).report(asset, input)
            return req.redirect(to: "/orders/\(try order.requireID())")
        } catch let problem as Problem where problem.status == .unprocessableEntity {
            return try await renderAsset(
                req, values: ["title": form.title ?? "", "description": form.description ?? "", "categoryCode": form.categoryCode ?? ""],
                errors: problem.fieldMessages(req.language), error: req.t("wb_fix_fields"), status: .unprocessableEntity)
        }
    }
}
