import Vapor
import Fluent
import LianxinCore

/// Hotspots for leaders and dispatchers (未诉先办): the latest pass's hotspots in the user's
/// division, each explained, and one action that turns a hotspot into a proactive task.
struct HotspotsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("hotspots", use: list)
        api.get("hotspots", ":id", use: show)
        api.post("hotspots", ":id", "task", use: task)
        api.post("hotspots", ":id", "dismiss", use: dismiss)
        api.post("hotspots", "runs", use: runNow)
        api.get("hotspot-parameters", use: parameters)
        api.put("hotspot-parameters", use: saveParameters)
        routes.get("hotspots", use: page)
        routes.post("hotspots", ":id", "task", use: taskFromForm)
        routes.post("hotspots", ":id", "dismiss", use: dismissFromForm)
    }

    // MARK: API

    func list(req: Request) async throws -> HotspotList {
        let principal = try await req.require(.viewHotspots)
        let status = try req.query.get(String?.self, at: "status") ?? "all"
        guard ["all", "open", "tasked", "dismissed"].contains(status) else {
            throw Problem.invalid(field: "/status", "choose one of the options offered / 请从给出的选项中选择")
        }
        return try await HotspotPresenter.latest(for: principal, status: status, req)
    }

    func show(req: Request) async throws -> HotspotDTO {
        let principal = try await req.require(.viewHotspots)
        let record = try await Self.find(req.parameters.get("id"), for: principal, req)
        return try await HotspotPresenter.dto(record, req, samples: true, principal: principal)
    }

    /// Runs a pass now (administrators), outside the schedule.
    func runNow(req: Request) async throws -> Response {
        let principal = try await req.require(.manageRules)
        guard let run = try await HotspotService.run(app: req.application, windowEnd: req.lianxin.now(), slot: nil) else {
            throw Problem.conflict("a pass is already running / 正在分析中")
        }
        await req.audit(
            .settingsChanged, result: .success, target: "hotspots:run", detail: "\(run.hotspotCount) hotspots",
            actor: principal.auditActor)
        return try await RunDTO(run).encodeResponse(status: .created, for: req)
    }

    /// The detection parameters in force.
    func parameters(req: Request) async throws -> HotspotService.Settings {
        if !(try req.requirePrincipal()).role.can(.manageRules) { _ = try await req.require(.viewHotspots) }
        return try await HotspotService.settings(on: req.db)
    }

    /// Changes the detection parameters (administrators), audited.
    func saveParameters(req: Request) async throws -> HotspotService.Settings {
        let principal = try await req.requireReferenceAuthority(.manageRules)
        let settings = try req.content.decode(HotspotService.Settings.self)
        try await HotspotService.save(settings, by: principal.auditActor, app: req.application)
        return settings
    }

    /// The hotspot if it lies in the principal's division; otherwise 404, like a missing one.
    static func find(_ raw: String?, for principal: Principal, _ req: Request) async throws -> HotspotRecord {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let record = try await HotspotRecord.find(id, on: req.db) else {
            throw Problem.notFound("hotspot")
        }
        guard principal.canSee(divisionCode: record.divisionCode) else {
            await req.audit(.scopeDenied, result: .denied, target: "hotspot:\(id)")
            throw Problem.notFound("hotspot")
        }
        return record
    }
}
