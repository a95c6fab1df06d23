import Vapor
import Fluent
import LianxinCore

/// The weekly review, the link to a mediation case (访调融合) and unmasking.
extension PetitionsController {
    /// 周周审: marks the petition reviewed this week with a note (once a week).
    func review(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        var checks = InputValidator(req)
        let note = checks.text(try req.content.decode(TextInput.self).note, "/note", 2...2000, label: "审查意见")
        try checks.finish()
        let week = PetitionSchedule.week(containing: Engagement.day(req.lianxin.now())).lowerBound.description
        let petitionID = try row.requireID()
        guard try await PetitionReview.query(on: req.db).filter(\.$petitionID == petitionID).filter(\.$week == week).first() == nil else {
            throw Problem.conflict("Already reviewed this week / 本周已审查", field: "/note")
        }
        let review = PetitionReview()
        review.petitionID = petitionID
        review.week = week
        review.reviewer = principal.displayName
        review.note = note
        review.createdAt = req.lianxin.now()
        do {
            try await req.lianxin.writes.run { try await review.create(on: req.db) }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw Problem.conflict("Already reviewed this week / 本周已审查", field: "/note")
        }
        return try await PetitionTallies.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    /// 访调融合: hands the petition to a mediation case in scope.
    func link(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        guard let caseID = try req.content.decode(LinkInput.self).mediationCaseId,
            let mediation = try await MediationCase.find(caseID, on: req.db), principal.canSee(divisionCode: mediation.divisionCode)
        else {
            throw Problem.invalid(field: "/mediationCaseId", "a mediation case in your division / 调解案件不存在")
        }
        guard row.mediationCaseID == nil else {
            throw Problem.conflict("The petition is already linked to a mediation case / 该信访件已关联调解案件", field: "/mediationCaseId")
        }
        row.mediationCaseID = caseID
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await PetitionTallies.dtos([row], unmasked: false, req)[0]
    }

    func unmask(req: Request) async throws -> PetitionDTO {
        _ = try await req.require(.handleDisputes)
        let principal = try await req.require(.unmaskPersonalData)
        let row = try await Self.find(req, principal)
        let reason = try MediationFigures.reason(try req.content.decode(TextInput.self).reason)
        try await req.auditDisclosure(
            .personalDataUnmasked, target: "petition:\(try row.requireID())", recordDivision: row.divisionCode, detail: reason)
        return try await PetitionTallies.dtos([row], unmasked: true, req)[0]
    }
}
