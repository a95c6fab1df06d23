import Vapor
import Fluent
import LianxinCore

extension WhistlesController {
    /// 吹哨: summons departments to a problem, with the time to be on site, and notifies each of them.
    func blow(req: Request) async throws -> Response {
        let principal = try await req.require(.blowWhistle)
        let input = try req.content.decode(BlowInput.self)
        var checks = InputValidator(req)
        let title = input.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if title.isEmpty || title.count > 200 { checks.fail("/title", "1–200 characters / 标题须为 1–200 字") }
        let description = input.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if description.count > 4000 { checks.fail("/description", "at most 4000 characters / 不超过 4000 字") }
        if let required = input.requiredArrivalAt {
            checks.time("/requiredArrivalAt") { () throws(TimeRule.Refusal) in
                try TimeRule.checkDeadline(required, now: req.lianxin.now(), maxDays: 30)
            }
        } else {
            checks.fail("/requiredArrivalAt", "is required / 须填写报到时限")
        }
        var division = principal.division
        if let text = input.divisionCode {
            if let code = DivisionCode(text), principal.canSee(code) {
                division = code
            } else {
                checks.fail("/divisionCode", "outside your division / 超出您的管辖范围")
            }
        }
        let ids = Array(Set(input.departmentIds ?? []))
        let departments = try await DepartmentLookup.usable(ids, division: division, for: principal, on: req.db) ?? []
        if ids.isEmpty || departments.count != ids.count {
            checks.fail("/departmentIds", "name one or more existing departments / 须指定存在的部门")
        }
        if let orderID = input.orderId {
            let order = try await WorkOrder.find(orderID, on: req.db)
            if order == nil || !principal.canSee(divisionCode: order!.divisionCode) {
                checks.fail("/orderId", "no such order / 工单不存在")
            }
        }
        guard checks.isValid, let required = input.requiredArrivalAt else { throw Problem.invalid(checks.errors) }
        let now = req.lianxin.now()
        let whistle = Whistle()
        whistle.divisionCode = division.value
        whistle.orderID = input.orderId
        whistle.title = title
        whistle.description = description
        whistle.requiredArrivalAt = required
        whistle.status = try Self.checked { () throws(WhistleRefusal) in
            try WhistleMachine.blow(by: WhistleActor(role: principal.role, summoned: false))
        }.status.rawValue
        whistle.blownBy = principal.userID
        whistle.blownAt = now
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await whistle.create(on: db)
                for department in departments {
                    let summons = WhistleSummons()
                    summons.whistleID = try whistle.requireID()
                    summons.departmentID = try department.requireID()
                    try await summons.create(on: db)
                    let note = Notification()
                    note.departmentID = department.id
                    note.kind = "whistle"
                    note.text = "吹哨报到：\(title)，请于 \(ChinaTime.minute(required)) 前到场"
                    note.orderID = input.orderId
                    note.link = "/whistles/\(try whistle.requireID().uuidString)"
                    note.subject = title
                    note.createdAt = now
                    try await note.create(on: db)
                }
            }
        }
        return try await Self.dto(whistle, req).encodeResponse(status: .created, for: req)
    }
}
