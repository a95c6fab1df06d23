import Vapor
import Fluent
import LianxinCore

/// Listing, registering and reading petitions.
extension PetitionsController {
    /// Petitions in scope, newest first, masked; `status` filters.
    func list(req: Request) async throws -> [PetitionDTO] {
        let principal = try await req.require(.handleDisputes)
        var query = Petition.query(on: req.db).inScope(\.$divisionCode, principal)
        if let status = req.query[String.self, at: "status"], !status.isEmpty {
            guard PetitionStatus(rawValue: status) != nil else {
                throw Problem.invalid(field: "status", "choose one of the options offered / 请从给出的选项中选择")
            }
            query = query.filter(\.$status == status)
        }
        return try await PetitionTallies.dtos(
            try await query.sort(\.$receivedOn, .descending).sort(\.$createdAt, .descending).limit(500).all(),
            unmasked: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let input = try req.content.decode(PetitionInput.self)
        let cipher = req.lianxin.cipher
        var checks = InputValidator(req)
        let channel: PetitionChannel? = checks.choice(input.channel, "/channel", default: .visit)
        let today = Engagement.day(req.lianxin.now())
        let received = checks.day(input.receivedOn, "/receivedOn", default: today)
        if received > today { checks.fail("/receivedOn", "not in the future / 不能晚于今天") }
        let name = checks.text(input.petitionerName, "/petitionerName", 1...50, label: "信访人姓名")
        let phone = checks.optionalPhone(input.petitionerPhone, "/petitionerPhone")
        let subject = checks.text(input.subject, "/subject", 2...200, label: "信访事项")
        let content = checks.text(input.content, "/content", 2...8000, label: "信访内容")
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        let row = Petition()
        let rowID = UUID()
        row.id = rowID
        row.divisionCode = division.value
        row.channel = (channel ?? .visit).rawValue
        row.receivedOn = received.description
        row.nameCipher = try cipher.seal(name, for: .petitionerName, row: rowID)
        var petitioner = PetitionFirstTime.Petitioner.withoutPhone
        if let phone {
            row.phoneCipher = try cipher.seal(phone.value, for: .petitionerPhone, row: rowID)
            row.phoneIndex = cipher.blindIndex(phone.value)
            petitioner = .withPhone(earlierPetitions: try await Petition.query(on: req.db).filter(\.$phoneIndex == row.phoneIndex).count())
        }
        row.firstTime = PetitionFirstTime.isFirstTime(stated: input.firstTime, petitioner)
        row.subject = subject
        row.content = content
        row.status = PetitionStatus.received.rawValue
        row.createdBy = principal.userID
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return try await PetitionTallies.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    /// One petition, masked; the reading is audited.
    func show(req: Request) async throws -> PetitionDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        try await req.auditDisclosure(.disputeRecordViewed, target: "petition:\(try row.requireID())", recordDivision: row.divisionCode, detail: nil)
        return try await PetitionTallies.dtos([row], unmasked: false, req)[0]
    }
}
