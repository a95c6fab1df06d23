import Vapor
import Fluent
import LianxinCore

/// Answering and closing a petition, each step checked by `PetitionRules`.
extension PetitionsController {
    func answer(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let answer = checks.text(try req.content.decode(TextInput.self).answer, "/answer", 2...4000, label: "答复意见")
        try checks.finish()
        let today = Engagement.day(req.lianxin.now())
        try Self.rule { () throws(PetitionRuleError) in
            try PetitionRules.checkAnswering(Self.status(row), on: today, received: PetitionTallies.received(row))
        }
        row.status = PetitionStatus.answered.rawValue
        row.answer = answer
        row.answeredOn = today.description
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await PetitionTallies.dtos([row], unmasked: false, req)[0]
    }

    func close(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let result = checks.text(try req.content.decode(TextInput.self).result, "/result", 2...4000, label: "办理结果")
        try checks.finish()
        let today = Engagement.day(req.lianxin.now())
        try Self.rule { () throws(PetitionRuleError) in
            try PetitionRules.checkClosing(Self.status(row), on: today, received: PetitionTallies.received(row))
        }
        row.status = PetitionStatus.closed.rawValue
        row.result = result
        row.closedOn = today.description
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await PetitionTallies.dtos([row], unmasked: false, req)[0]
    }
}
