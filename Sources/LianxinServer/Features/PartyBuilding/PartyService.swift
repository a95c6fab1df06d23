import Vapor
import Fluent
import LianxinCore

/// Writing the party-points system: branches and members, posts and claims, entries with their evidence and the
/// branch secretary's decisions. Every check names its field; every named object is in the caller's scope.
struct PartyService {
    let req: Request
    let principal: Principal

    func createBranch(_ input: PartyBranchInput) async throws -> PartyBranch {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 2...60)
        let secretary = checks.text(input.secretaryName, "/secretaryName", 2...30)
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        if try await PartyBranch.query(on: req.db).filter(\.$divisionCode == division.value).filter(\.$name == name).count() > 0 {
            throw Problem.conflict(checks.message("party_err_branch_exists"), field: "/name")
        }
        let row = PartyBranch()
        row.name = name
        row.secretaryName = secretary
        row.divisionCode = division.value
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func createMember(_ input: PartyMemberInput) async throws -> PartyMember {
        var checks = InputValidator(req)
        let branch = try await input.branchId.asyncMap { try? await PartyLookup.branch($0, principal, req) } ?? nil
        if branch == nil { checks.fail("/branchId", key: "party_err_branch") }
        let name = checks.text(input.name, "/name", 2...30)
        let kind = input.kind ?? "member"
        if !["member", "activist"].contains(kind) { checks.fail("/kind", key: "validation_choice") }
        try checks.finish()
        guard let branch else { throw Problem.notFound("branch") }
        let row = PartyMember()
        row.branchID = try branch.requireID()
        row.name = name
        row.kind = kind
        row.divisionCode = branch.divisionCode
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func createPost(_ input: PartyPostInput) async throws -> PartyPost {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 2...30)
        let duty = checks.text(input.duty, "/duty", 0...200)
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        if try await PartyPost.query(on: req.db).filter(\.$divisionCode == division.value).filter(\.$name == name).count() > 0 {
            throw Problem.conflict(checks.message("party_err_post_exists"), field: "/name")
        }
        let row = PartyPost()
        row.name = name
        row.duty = duty
        row.divisionCode = division.value
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// A member claims a post of their division (or of a division above it) for a year, once.
    func claim(_ member: PartyMember, _ input: PartyClaimInput) async throws -> PartyPostClaim {
        var checks = InputValidator(req)
        let posts = try await PartyLookup.posts(for: member.divisionCode, on: req.db)
        let post = input.postId.flatMap(UUID.init(uuidString:)).flatMap { id in posts.first { $0.id == id } }
        if post == nil { checks.fail("/postId", key: "party_err_post") }
        let thisYear = PartyLookup.year(of: req.lianxin.now())
        let year = input.year ?? thisYear
        if !(thisYear - 1...thisYear + 1).contains(year) { checks.fail("/year", key: "party_err_year") }
        try checks.finish()
        guard let post else { throw Problem.notFound("post") }
        let postID = try post.requireID(), memberID = try member.requireID()
        let already = try await PartyPostClaim.query(on: req.db).filter(\.$memberID == memberID).filter(\.$postID == postID)
            .filter(\.$year == year).count()
        if already > 0 { throw Problem.conflict(checks.message("party_err_claimed"), field: "/postId") }
        let row = PartyPostClaim()
        row.memberID = memberID
        row.postID = postID
        row.year = year
        row.divisionCode = member.divisionCode
        row.claimedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// Records an entry with its evidence; it counts once the branch secretary approves it.
    func record(_ input: PartyEntryInput) async throws -> PartyPointsEntry {
        var checks = InputValidator(req)
        let member = try await input.memberId.asyncMap { try? await PartyLookup.member($0, principal, req) } ?? nil
        if member == nil { checks.fail("/memberId", key: "party_err_member") }
        let rules = try await member.asyncMap { try await PartyLookup.rules(for: $0.divisionCode, on: req.db) } ?? []
        let rule = input.ruleId.flatMap(UUID.init(uuidString:)).flatMap { id in rules.first { $0.id == id } }
        if member != nil && rule == nil { checks.fail("/ruleId", key: "party_err_rule") }
        let now = req.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let day = checks.day(input.occurredOn, "/occurredOn", default: today)
        if day > today || day.year < today.year - 1 { checks.fail("/occurredOn", key: "party_err_day") }
        let evidence = checks.text(input.evidence, "/evidence", 4...500)
        try checks.finish()
        guard let member, let rule else { throw Problem.notFound("member") }
        let row = PartyPointsEntry()
        row.memberID = try member.requireID()
        row.branchID = member.branchID
        row.divisionCode = member.divisionCode
        row.ruleID = try rule.requireID()
        row.dimension = rule.dimension
        row.points = rule.points
        row.occurredOn = day.description
        row.year = day.year
        row.evidence = evidence
        row.status = PartyPointsEntryStatus.pending.rawValue
        row.submittedBy = principal.username
        row.submittedAt = now
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// The branch secretary approves or refuses a pending entry; the decision and its audit entry are one write.
    func decide(_ entry: PartyPointsEntry, _ input: PartyDecisionInput) async throws {
        var checks = InputValidator(req)
        let decision: PartyPointsDecision? = checks.choice(input.decision, "/decision")
        let note = checks.text(input.note, "/note", 0...200)
        try checks.finish()
        guard let decision, let status = PartyPointsEntryStatus(rawValue: entry.status) else { throw Problem.notFound("entry") }
        let next: PartyPointsEntryStatus
        do {
            next = try decision.apply(to: status, note: note)
        } catch {
            if case .notPending = error { throw Problem.conflict(error.description, field: error.field) }
            throw Problem.invalid(field: error.field, error.description)
        }
        let now = req.lianxin.now()
        entry.status = next.rawValue
        entry.decidedBy = principal.username
        entry.decidedAt = now
        entry.decisionNote = note.isEmpty ? nil : note
        let actor = req.auditActor, ip = req.clientIP, requestID = req.id
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await entry.update(on: db)
                try await AuditLog.record(
                    .partyPointsDecided, result: .success, actor: actor, target: entry.id?.uuidString, recordDivision: entry.divisionCode,
                    ip: ip, requestID: requestID, detail: "\(next.rawValue) \(entry.points)", at: now, on: db)
            }
        }
    }
}
