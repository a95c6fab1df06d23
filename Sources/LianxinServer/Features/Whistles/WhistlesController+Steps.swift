import Vapor
import Fluent
import LianxinCore

/// The steps after blowing: 报到 and work by the summoned departments, marks and closing by the blower.
extension WhistlesController {
    struct NoteInput: Content { var note: String? }

    /// 报到: someone of a summoned department is on site.
    func report(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.viewWorkOrders)
        let whistle = try await Self.find(req, principal)
        let summons = try await Self.ownSummons(whistle, principal, req)
        try Self.step(.report, on: whistle, summons: summons, by: principal)
        summons.reportedAt = req.lianxin.now()
        summons.reportedBy = principal.userID
        if let note = try req.content.decode(NoteInput.self).note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
            summons.workNote = note
        }
        try await summons.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    /// A department's part of the work.
    func work(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.viewWorkOrders)
        let whistle = try await Self.find(req, principal)
        let summons = try await Self.ownSummons(whistle, principal, req)
        guard let note = try req.content.decode(NoteInput.self).note?.trimmingCharacters(in: .whitespacesAndNewlines),
            (1...2000).contains(note.count)
        else {
            throw Problem.invalid(field: "/note", "1–2000 characters / 须填写办理情况")
        }
        try Self.step(.recordWork, on: whistle, summons: summons, by: principal)
        summons.workNote = note
        try await summons.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    struct EvaluationInput: Content {
        var departmentId: UUID?
        var evaluator: String?
        var handling: Int?
        var satisfaction: Int?
    }

    /// 一哨一评: the blower (or, relayed by staff, the requester) marks one department 1–5.
    func evaluate(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.blowWhistle)
        let whistle = try await Self.find(req, principal)
        let input = try req.content.decode(EvaluationInput.self)
        try Self.step(.evaluate, on: whistle, by: principal)
        // 一哨一评 is a choice the evaluator makes: nothing is assumed, each missing mark is named.
        var checks = InputValidator(req)
        if !(1...5).contains(input.handling ?? 0) { checks.fail("/handling", key: "whistle_choose_handling") }
        if !(1...5).contains(input.satisfaction ?? 0) { checks.fail("/satisfaction", key: "whistle_choose_satisfaction") }
        try checks.finish()
        let marks = WhistleScoring.Marks(handling: input.handling ?? 0, satisfaction: input.satisfaction ?? 0)
        guard marks.isValid else {
            throw Problem.invalid(field: input.handling.map { _ in "/satisfaction" } ?? "/handling", "marks from 1 to 5 / 评分须为 1–5")
        }
        let evaluator = input.evaluator ?? "blower"
        guard ["blower", "requester"].contains(evaluator) else { throw Problem.invalid(field: "/evaluator", "blower or requester") }
        guard let departmentID = input.departmentId,
            let summons = try await WhistleSummons.query(on: req.db).filter(\.$whistleID == whistle.requireID())
                .filter(\.$departmentID == departmentID).first()
        else {
            throw Problem.invalid(field: "/departmentId", "not summoned by this whistle / 该部门未被吹哨")
        }
        if evaluator == "blower" {
            summons.blowerHandling = marks.handling
            summons.blowerSatisfaction = marks.satisfaction
        } else {
            summons.requesterHandling = marks.handling
            summons.requesterSatisfaction = marks.satisfaction
        }
        summons.score = Self.score(summons, whistle)
        try await summons.update(on: req.db)
        return try await Self.dto(whistle, req)
    }

    struct CloseInput: Content { var result: String? }

    /// The blower closes the whistle with the result.
    func close(req: Request) async throws -> WhistleDTO {
        let principal = try await req.require(.blowWhistle)
        let whistle = try await Self.find(req, principal)
        let next = try Self.step(.close, on: whistle, by: principal)
        guard let result = try req.content.decode(CloseInput.self).result?.trimmingCharacters(in: .whitespacesAndNewlines),
            (1...2000).contains(result.count)
        else {
            throw Problem.invalid(field: "/result", "1–2000 characters / 须填写处置结果")
        }
        whistle.status = next.status.rawValue
        whistle.result = result
        whistle.closedAt = req.lianxin.now()
        try await whistle.update(on: req.db)
        return try await Self.dto(whistle, req)
    }
}
