import Vapor
import Fluent
import LianxinCore

/// A community's points rules.
extension VolunteersController {
    func rules(req: Request) async throws -> RulesDTO {
        let principal = try await req.require(.viewCommunityServices)
        let community = try await Self.scopedCommunity(req, principal)
        return VolunteerService.dto(try await PointsLedgerStore.rules(for: community, on: req.db), community: community)
    }

    /// Sets the community's earn rules (audited); they apply to points earned from now on.
    func setRules(req: Request) async throws -> RulesDTO {
        let principal = try await req.require(.manageCommunityServices)
        let community = try await Self.scopedCommunity(req, principal)
        let input = try req.content.decode(RulesDTO.self)
        guard let rounding = PointsRounding(rawValue: input.serviceRounding) else {
            throw Problem.invalid(field: "/serviceRounding", "choose one of the options offered / 请从给出的选项中选择")
        }
        var checks = InputValidator(req)
        for (field, value) in [
            ("/pointsPerServiceHour", input.pointsPerServiceHour), ("/pointsPerWish", input.pointsPerWish),
            ("/pointsPerEvent", input.pointsPerEvent),
        ] where !(0...10_000).contains(value) {
            checks.fail(field, "0–10000 points / 积分须在 0–10000 之间")
        }
        try checks.finish()
        let rules = try EarnRules(
            pointsPerServiceHour: input.pointsPerServiceHour, serviceRounding: rounding,
            pointsPerWish: input.pointsPerWish, pointsPerEvent: input.pointsPerEvent)
        let now = req.lianxin.now()
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                let row = try await EarnRulesRecord.find(community, on: db) ?? EarnRulesRecord()
                row.id = community
                row.pointsPerHour = rules.pointsPerServiceHour
                row.rounding = rules.serviceRounding.rawValue
                row.pointsPerWish = rules.pointsPerWish
                row.pointsPerEvent = rules.pointsPerEvent
                row.updatedAt = now
                try await row.save(on: db)
            }
        }
        await req.audit(
            .settingsChanged, result: .success, target: "earn-rules:\(community)",
            detail: "hour \(rules.pointsPerServiceHour) \(rounding.rawValue), wish \(rules.pointsPerWish), event \(rules.pointsPerEvent)")
        return VolunteerService.dto(rules, community: community)
    }
}
