import Vapor
import Fluent
import LianxinCore

/// The departments' reviews and the county's decision on a change under review.
extension GridChangesController {
    struct ReviewInput: Content {
        var decision: String?
        var comment: String?
    }

    struct DecisionInput: Content {
        var decision: String?
        var effectiveOn: String?
        var comment: String?
    }

    /// A department's word in the current round: approve, comment, or return it to the township.
    func review(req: Request) async throws -> ChangeDTO {
        let principal = try await req.require(.reviewGridChanges)
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(ReviewInput.self)
        guard let decision = input.decision.flatMap(GridChangeReviewDecision.init(rawValue:)) else {
            throw Problem.invalid(field: "/decision", "choose one of the options offered / 请从给出的选项中选择")
        }
        let comment = input.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (decision == .approve && comment.count <= 2000) || (2...2000).contains(comment.count) else {
            throw Problem.invalid(field: "/comment", "2–2000 characters / 请填写 2–2000 字意见")
        }
        let state = try Self.state(of: change)
        let next = try Self.checked { () throws(GridChangeRefusal) in
            try GridChangeMachine.apply(.review(decision), to: state, by: principal.gridChangeActor)
        }
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await Self.reviewRecord(change, decision: decision.rawValue, comment: comment, principal: principal, req).create(on: db)
                if next.status.rawValue != change.status {
                    change.status = next.status.rawValue
                    change.updatedAt = req.lianxin.now()
                    try await change.update(on: db)
                }
            }
        }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)", detail: "review \(decision.rawValue)")
        return try Self.dto(change)
    }

    /// The county approves (with the day it takes effect) or returns the change.
    func decide(req: Request) async throws -> ChangeDTO {
        let principal = try await req.require(.approveGridChanges)
        guard principal.isCountyLevel else {
            await req.audit(.permissionDenied, result: .denied, target: "grid-change decision", detail: "needs a county-level account")
            throw Problem.forbidden
        }
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(DecisionInput.self)
        guard let decision = input.decision, ["approve", "return"].contains(decision) else {
            throw Problem.invalid(field: "/decision", "approve or return")
        }
        let state = try Self.state(of: change)
        try Self.checked { () throws(GridChangeRefusal) in
            try GridChangeMachine.check(.countyDecision, in: state, by: principal.gridChangeActor)
        }
        let comment = input.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var effective: LocalDate?
        var step = GridChangeStep.countyReturn
        if decision == "approve" {
            let today = LocalDate(req.lianxin.now(), in: Self.beijing)
            guard let day = input.effectiveOn.flatMap({ LocalDate(iso: $0) }), day >= today else {
                throw Problem.invalid(field: "/effectiveOn", "a day from today on, YYYY-MM-DD / 生效日期须为今天或以后")
            }
            effective = day
            step = .countyApprove(departmentApprovals: try await GridQueries.approvals(of: change.requireID(), round: change.round, on: req.db))
        } else if comment.count < 2 {
            throw Problem.invalid(field: "/comment", "say why it is returned / 请填写退回理由")
        }
        let next = try Self.checked { () throws(GridChangeRefusal) in
            try GridChangeMachine.apply(step, to: state, by: principal.gridChangeActor)
        }
        if decision == "approve" { _ = try await Self.dryRun(change, req) }
        let effectiveDay = effective?.description
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await Self.reviewRecord(
                    change, decision: decision == "approve" ? "countyApprove" : "countyReturn",
                    comment: comment, principal: principal, req
                ).create(on: db)
                change.status = next.status.rawValue
                change.effectiveOn = effectiveDay
                change.decidedBy = principal.userID
                change.updatedAt = req.lianxin.now()
                try await change.update(on: db)
            }
        }
        await req.audit(
            .gridChange, result: .success, target: "grid-change:\(change.id!)",
            detail: "county \(decision)" + (effective.map { ", effective \($0)" } ?? ""))
        if decision == "approve" { try await GridChangeApplier.applyDue(req.application) }
        return try Self.dto(try await GridChange.find(change.id, on: req.db) ?? change)
    }
}
