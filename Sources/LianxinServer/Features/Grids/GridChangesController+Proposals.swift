import Vapor
import Fluent
import LianxinCore

/// The township's steps: propose a change, and send a returned one up again.
extension GridChangesController {
    /// A township (or community) proposes: kind, title, reason, the new grids and the grids they retire.
    func propose(req: Request) async throws -> Response {
        let principal = try await req.require(.proposeGridChanges)
        let input = try GridChangeProposal.decode(req)
        let state = try Self.checked { () throws(GridChangeRefusal) in try GridChangeMachine.propose(by: principal.gridChangeActor) }
        let change = GridChange()
        change.id = UUID()
        change.kind = input.kind
        change.title = input.title
        change.reason = input.reason
        change.status = state.status.rawValue
        change.round = state.round
        change.grids = input.grids
        change.retiring = JSONColumn.text(input.retiring)
        change.proposedBy = principal.userID
        change.proposedAt = req.lianxin.now()
        change.updatedAt = change.proposedAt
        change.divisionCode = try await Self.checkedDivision(of: change, for: principal, req)
        _ = try await Self.dryRun(change, req)
        try await req.lianxin.writes.run { try await change.create(on: req.db) }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)", detail: "proposed \(change.kind): \(change.title)")
        return try await Self.dto(change).encodeResponse(status: .created, for: req)
    }

    /// After a return, the proposer sends the revised grids up again (the next round).
    func resubmit(req: Request) async throws -> ChangeDTO {
        let principal = try await req.require(.proposeGridChanges)
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        let state = try Self.state(of: change)
        let next = try Self.checked { () throws(GridChangeRefusal) in
            try GridChangeMachine.apply(.resubmit, to: state, by: principal.gridChangeActor)
        }
        let input = try GridChangeProposal.decode(req)
        change.kind = input.kind
        change.title = input.title
        change.reason = input.reason
        change.grids = input.grids
        change.retiring = JSONColumn.text(input.retiring)
        change.divisionCode = try await Self.checkedDivision(of: change, for: principal, req)
        _ = try await Self.dryRun(change, req)
        change.status = next.status.rawValue
        change.round = next.round
        change.updatedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await change.update(on: req.db) }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)", detail: "resubmitted, round \(change.round)")
        return try Self.dto(change)
    }
}
