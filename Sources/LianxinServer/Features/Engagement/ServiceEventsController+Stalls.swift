import Vapor
import Fluent
import LianxinCore

/// The stalls of an event and their checks.
extension ServiceEventsController {
    func addStall(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let event = try await ServiceEventLookup.find(req, principal)
        var checks = InputValidator(req)
        let stalls = try await Self.checkStalls([try req.content.decode(StallInput.self)], field: nil, &checks, req)
        try checks.finish()
        let stall = stalls[0]
        stall.eventID = try event.requireID()
        try await req.lianxin.writes.run { try await stall.create(on: req.db) }
        return try await ServiceEventLookup.dto(event, req).encodeResponse(status: .created, for: req)
    }

    /// Checks stalls: a name, services, and a department that exists when one is named.
    static func checkStalls(_ inputs: [StallInput], field: String?, _ checks: inout InputValidator, _ req: Request) async throws
        -> [ServiceEventStall]
    {
        var stalls: [ServiceEventStall] = []
        if inputs.count > 50 { checks.fail(field ?? "/stalls", "at most 50 stalls / 最多 50 个摊位") }
        for (index, input) in inputs.prefix(50).enumerated() {
            let prefix = field.map { "\($0)/\(index)/" } ?? "/"
            let stall = ServiceEventStall()
            stall.id = UUID()
            stall.name = checks.text(input.name, prefix + "name", 1...100, label: "摊位名称")
            stall.services = checks.text(input.services, prefix + "services", 0...500, label: "服务项目")
            if let department = input.departmentId {
                let principal = try req.requirePrincipal()
                if try await DepartmentLookup.usable([department], division: principal.division, for: principal, on: req.db) == nil {
                    checks.fail(prefix + "departmentId", "unknown department / 部门不存在")
                } else {
                    stall.departmentID = department
                }
            }
            stalls.append(stall)
        }
        return stalls
    }
}
