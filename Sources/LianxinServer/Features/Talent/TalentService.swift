import Foundation
import Fluent
import Vapor
import LianxinCore

/// The writes of the talent platform, shared by the API and the pages: each checks every field, then
/// writes in one transaction with its audit entry.
struct TalentService {
    let req: Request
    let viewer: TalentViewer

    var now: Date { req.lianxin.now() }

    func createOrganisation(_ input: TalentOrganisationInput) async throws -> TalentOrganisation {
        guard viewer.isCentre else { throw Problem.forbidden }
        var validator = InputValidator(req)
        let name = validator.text(input.name, "/name", 2...80)
        let kind = input.kind ?? ""
        if !["enterprise", "institute", "college"].contains(kind) { validator.fail("/kind", key: "talent_kind_unknown") }
        let contact = validator.text(input.contactName, "/contactName", 1...40)
        let phone = validator.optionalPhone(input.contactPhone, "/contactPhone")
        let division = try await validator.division(input.division ?? viewer.principal.division.value, viewer.principal, on: req.db)
        if try await TalentOrganisation.query(on: req.db).filter(\.$name == name).first() != nil {
            validator.fail("/name", key: "talent_org_exists")
        }
        try validator.finish()
        let row = TalentOrganisation()
        row.id = UUID()
        row.name = name
        row.kind = kind
        row.shares = input.shares ?? true
        row.demands = input.demands ?? true
        row.divisionCode = division.value
        row.contactName = contact
        row.contactPhoneCipher = try phone.map { try req.lianxin.cipher.seal($0.value, for: .talentContactPhone, row: row.id!) }
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func addMember(_ org: TalentOrganisation, username: String?) async throws {
        guard viewer.isCentre else { throw Problem.forbidden }
        let name = username?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let user = try await User.query(on: req.db).filter(\.$username == name).first(), user.role == .enterpriseContact
        else { throw Problem.invalid(field: "/username", InputValidator(req).message("talent_member_unknown")) }
        let row = TalentOrganisationMember()
        row.orgID = try org.requireID()
        row.username = name
        try await req.lianxin.writes.run {
            try await TalentOrganisationMember.query(on: req.db).filter(\.$username == name).delete()
            try await row.create(on: req.db)
        }
    }

    /// Stores a profile; answers it with the secret of the person's own page (shown once). `alsoRefused` are
    /// problems the caller's form found on its own fields, reported together with these.
    func createProfile(_ input: TalentProfileInput, alsoRefused: [Problem.FieldError] = []) async throws -> (TalentProfile, String) {
        var validator = InputValidator(req)
        validator.record(alsoRefused)
        let name = validator.text(input.name, "/name", 1...40)
        let pool = input.pool ?? ""
        if !req.talentVocabulary.pools.contains(where: { $0.code == pool }) { validator.fail("/pool", key: "talent_pool_unknown") }
        var homeOrg: TalentOrganisation?
        if let orgID = viewer.orgID {
            homeOrg = try await TalentOrganisation.find(orgID, on: req.db)
        } else if let text = input.homeOrgID, !text.isEmpty {
            if let id = UUID(uuidString: text) {
                homeOrg = try await TalentOrganisation.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, viewer.principal).first()
            }
            if homeOrg == nil { validator.fail("/homeOrgID", key: "talent_org_unknown") }
        }
        let phone = validator.optionalPhone(input.phone, "/phone")
        let idNumber = input.idNumber.flatMap { $0.isEmpty ? nil : $0 }
        if let idNumber, (try? ResidentIDNumber(validating: idNumber, now: now)) == nil { validator.fail("/idNumber", key: "talent_id_invalid") }
        let skills = validator.skills(input.skills, "/skills", required: true, in: req.talentVocabulary)
        var certificates: [String] = []
        for (index, item) in (input.certificates ?? []).enumerated() where !item.isEmpty {
            let parts = item.split(separator: ":")
            if parts.count == 2, req.talentVocabulary.certificates.contains(where: { $0.code == parts[0] }), ClaimDay(parts[1]) != nil {
                certificates.append(item)
            } else {
                validator.fail("/certificates/\(index)", key: "talent_certificate_invalid")
            }
        }
        var windows: [String] = []
        for (index, item) in (input.availability ?? []).enumerated() where !item.isEmpty {
            let parts = item.split(separator: "/")
            if parts.count == 2, let period = TalentPeriod(from: parts[0], to: parts[1]), period.start <= period.end {
                windows.append(item)
            } else {
                validator.fail("/availability/\(index)", key: "talent_period_invalid")
            }
        }
        let modes = (input.modes ?? []).filter { !$0.isEmpty }
        if modes.isEmpty || modes.contains(where: { SharingMode(rawValue: $0) == nil }) { validator.fail("/modes", key: "talent_mode_unknown") }
        let years = input.experienceYears ?? 0
        if !(0...60).contains(years) { validator.fail("/experienceYears", key: "talent_years_invalid") }
        let experience = validator.optionalText(input.experience, "/experience", limit: 500) ?? ""
        let division = try await validator.division(
            input.division ?? homeOrg?.divisionCode ?? viewer.principal.division.value, viewer.principal, on: req.db)
        try validator.finish()
        let token = FieldCipher.randomToken(bytes: 18)
        let row = TalentProfile()
        row.id = UUID()
        row.name = name
        row.pool = pool
        row.homeOrgID = homeOrg?.id
        row.divisionCode = division.value
        row.phoneCipher = try phone.map { try req.lianxin.cipher.seal($0.value, for: .talentPhone, row: row.id!) }
        row.idNumberCipher = try idNumber.map { try req.lianxin.cipher.seal($0, for: .talentIDNumber, row: row.id!) }
        row.skills = skills.joined(separator: ";")
        row.certificates = certificates.joined(separator: ";")
        row.experienceYears = years
        row.experience = experience
        row.availability = windows.joined(separator: ";")
        row.modes = Array(Set(modes)).sorted().joined(separator: ";")
        row.lat = input.lat
        row.lon = input.lon
        row.consented = input.consented ?? false
        row.ownTokenHash = req.lianxin.cipher.tokenHash(token)
        row.createdAt = now
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.create(on: db)
                try await AuditLog.record(
                    .talentProfileCreated, result: .success, actor: req.auditActor, target: row.id?.uuidString, recordDivision: row.divisionCode,
                    ip: req.clientIP, requestID: req.id, detail: nil, at: now, on: db)
            }
        }
        return (row, token)
    }

    /// A demand, held for the centre's review (待审核).
    func createDemand(_ input: TalentDemandInput, alsoRefused: [Problem.FieldError] = []) async throws -> TalentDemand {
        var validator = InputValidator(req)
        validator.record(alsoRefused)
        var org: TalentOrganisation?
        if let orgID = viewer.orgID {
            org = try await TalentOrganisation.find(orgID, on: req.db)
        } else if let id = input.orgID.flatMap(UUID.init(uuidString:)) {
            org = try await TalentOrganisation.query(on: req.db).filter(\.$id == id).inScope(\.$divisionCode, viewer.principal).first()
        }
        if org == nil { validator.fail("/orgID", key: "talent_org_unknown") }
        let row = TalentDemand()
        row.post = validator.text(input.post, "/post", 2...60)
        row.skills = validator.skills(input.skills, "/skills", required: true, in: req.talentVocabulary).joined(separator: ";")
        row.certificates = validator.certificateCodes(input.certificates, "/certificates", in: req.talentVocabulary).joined(separator: ";")
        let mode = validator.choice(input.mode, "/mode") as SharingMode?
        row.mode = mode?.rawValue ?? ""
        let period = validator.period(input.startsOn, input.endsOn, "/endsOn")
        row.headcount = input.headcount ?? 1
        if !(1...500).contains(row.headcount) { validator.fail("/headcount", key: "talent_headcount_invalid") }
        row.place = validator.text(input.place, "/place", 2...80)
        row.payTerms = validator.text(input.payTerms, "/payTerms", 2...200)
        try validator.finish()
        row.orgID = org?.id
        row.orgName = org?.name ?? ""
        row.divisionCode = org?.divisionCode ?? viewer.principal.division.value
        row.startsOn = TalentCodec.day(period?.start ?? 0)
        row.endsOn = TalentCodec.day(period?.end ?? 0)
        row.status = "pending"
        row.createdBy = viewer.principal.username
        row.createdAt = now
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func reviewDemand(_ demand: TalentDemand, decision: String?, note: String?) async throws {
        guard viewer.isCentre else { throw Problem.forbidden }
        var validator = InputValidator(req)
        if !["publish", "reject"].contains(decision ?? "") { validator.fail("/decision", key: "talent_decision_required") }
        let reason = validator.optionalText(note, "/note", limit: 200)
        if decision == "reject" && reason == nil { validator.fail("/note", key: "talent_reason_required") }
        if demand.status != "pending" { validator.fail("/decision", key: "talent_demand_not_pending") }
        try validator.finish()
        demand.status = decision == "publish" ? "published" : "rejected"
        demand.reviewNote = reason
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                if demand.orgID == nil && demand.status == "published" { try await linkOrganisation(demand, on: db) }
                try await demand.save(on: db)
                try await AuditLog.record(
                    .talentDemandReviewed, result: .success, actor: req.auditActor, target: demand.id?.uuidString,
                    recordDivision: demand.divisionCode, ip: req.clientIP, requestID: req.id, detail: demand.status, at: now, on: db)
            }
        }
    }

    /// A demand sent from the public page names its enterprise in words: publishing it links it to the
    /// organisation of that name, registered on the spot as a demand party when the platform has none.
    private func linkOrganisation(_ demand: TalentDemand, on db: any Database) async throws {
        if let known = try await TalentOrganisation.query(on: db).filter(\.$name == demand.orgName).first() {
            demand.orgID = known.id
            return
        }
        let org = TalentOrganisation()
        org.id = UUID()
        org.name = demand.orgName
        org.kind = "enterprise"
        org.shares = false
        org.demands = true
        org.divisionCode = demand.divisionCode
        org.contactName = demand.contactName ?? ""
        if let sealed = demand.contactPhoneCipher, let demandID = demand.id {
            let phone = try req.lianxin.cipher.open(sealed, for: .talentDemandContactPhone, row: demandID)
            org.contactPhoneCipher = try req.lianxin.cipher.seal(phone, for: .talentContactPhone, row: org.id!)
        }
        try await org.create(on: db)
        demand.orgID = org.id
    }

    /// The ranked candidates for a published demand, from the profiles of the centre's division.
    func matches(_ demand: TalentDemand, limit: Int = 10) async throws -> (TalentRanking, [UUID: TalentProfile]) {
        guard let spec = TalentCodec.spec(demand) else { throw Problem.notFound("demand") }
        let rows = try await TalentProfile.query(on: req.db).inScope(\.$divisionCode, viewer.principal).filter(\.$consented == true).all()
        let busy = try await TalentAgreementRow.query(on: req.db).filter(\.$status ~~ ["agreed", "active"]).all()
        let byID = Dictionary(rows.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { first, _ in first })
        let candidates = rows.map { row in
            let taken = busy.filter { $0.profileID == row.id }.compactMap { TalentPeriod(from: $0.startsOn, to: $0.endsOn) }
            let person = TalentCodec.candidate(row)
            guard !taken.isEmpty else { return person }
            // Days already promised to another agreement are not free.
            let free = person.availability.flatMap { window in Self.subtract(taken, from: window) }
            return TalentCandidate(
                id: person.id, homeOrg: person.homeOrg, skills: person.skills, certificates: person.certificates, availability: free,
                modes: person.modes, location: person.location, experienceYears: person.experienceYears, consented: person.consented)
        }
        return (TalentMatcher(candidates).rank(spec, limit: limit), byID)
    }

    static func subtract(_ taken: [TalentPeriod], from window: TalentPeriod) -> [TalentPeriod] {
        var pieces = [window]
        for busy in taken {
            pieces = pieces.flatMap { piece -> [TalentPeriod] in
                guard piece.overlap(with: busy) > 0 else { return [piece] }
                var rest: [TalentPeriod] = []
                if piece.start < busy.start { rest.append(TalentPeriod(start: piece.start, end: busy.start - 1)) }
                if busy.end < piece.end { rest.append(TalentPeriod(start: busy.end + 1, end: piece.end)) }
                return rest
            }
        }
        return pieces
    }
}
