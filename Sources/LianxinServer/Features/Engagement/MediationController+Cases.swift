import Vapor
import Fluent
import LianxinCore

/// Listing, opening and reading mediation cases.
extension MediationController {
    /// Cases in scope, newest first; parties masked. `outcome=open` lists the cases still open.
    func list(req: Request) async throws -> [CaseDTO] {
        let principal = try await req.require(.handleDisputes)
        var query = MediationCase.query(on: req.db).inScope(\.$divisionCode, principal)
        switch req.query[String.self, at: "outcome"] {
        case nil, "": break
        case "open": query = query.filter(\.$outcome == nil)
        case let value?:
            guard MediationOutcome(rawValue: value) != nil else {
                throw Problem.invalid(field: "outcome", "choose one of the options offered / 请从给出的选项中选择")
            }
            query = query.filter(\.$outcome == value)
        }
        let rows = try await query.sort(\.$receivedOn, .descending).sort(\.$createdAt, .descending).limit(500).all()
        return try await Self.dtos(rows, unmasked: false, req)
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let input = try req.content.decode(CaseInput.self)
        let cipher = req.lianxin.cipher
        var checks = InputValidator(req)
        let type: DisputeType? = checks.choice(input.disputeType, "/disputeType")
        let summary = checks.text(input.summary, "/summary", 2...4000, label: "纠纷概要")
        let today = Engagement.day(req.lianxin.now())
        let received = checks.day(input.receivedOn, "/receivedOn", default: today)
        if received > today { checks.fail("/receivedOn", "not in the future / 不能晚于今天") }
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        var gridCode: String?
        if let grid = input.gridCode?.trimmingCharacters(in: .whitespaces), !grid.isEmpty {
            let found =
                grid.count <= 30 && grid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
                ? try await Grid.query(on: req.db).filter(\.$code == grid).filter(\.$validTo == nil).first() : nil
            if let found, division.contains(DivisionCode(found.communityCode) ?? division) && principal.canSee(divisionCode: found.communityCode) {
                gridCode = grid
            } else {
                checks.fail("/gridCode", "a grid in force inside the case's division / 网格不存在或不在该区划内")
            }
        }
        var parties: [MediationParty] = []
        for (index, party) in (input.parties ?? []).prefix(20).enumerated() {
            let name = checks.text(party.name, "/parties/\(index)/name", 1...50, label: "当事人姓名")
            let phone = checks.optionalPhone(party.phone, "/parties/\(index)/phone")
            let side = party.side ?? (index == 0 ? "applicant" : "respondent")
            if !MediationFigures.sides.contains(side) { checks.fail("/parties/\(index)/side", "applicant or respondent / 申请人或被申请人") }
            let row = MediationParty()
            let rowID = UUID()
            row.id = rowID
            row.position = index
            row.side = side
            row.nameCipher = try cipher.seal(name, for: .mediationPartyName, row: rowID)
            if let phone {
                row.phoneCipher = try cipher.seal(phone.value, for: .mediationPartyPhone, row: rowID)
                row.phoneIndex = cipher.blindIndex(phone.value)
            }
            parties.append(row)
        }
        if (input.parties ?? []).count > 20 { checks.fail("/parties", "at most 20 parties / 当事人最多 20 方") }
        var mediators: [String] = []
        for (index, name) in (input.mediators ?? []).enumerated() {
            let text = checks.text(name, "/mediators/\(index)", 1...50, label: "调解员姓名")
            if !mediators.contains(text) { mediators.append(text) }
        }
        do { try MediationRules.checkOpening(parties: parties.count, mediators: mediators.count) } catch {
            checks.fail(error == .noMediator ? "/mediators" : "/parties", "\(error.message(in: .zhCN)) / \(error.message(in: .en))")
        }
        var petition: Petition?
        if let petitionID = input.petitionId {
            petition = try await Petition.find(petitionID, on: req.db)
            if petition == nil || !principal.canSee(divisionCode: petition!.divisionCode) {
                checks.fail("/petitionId", "no such petition / 信访件不存在")
            } else if petition?.mediationCaseID != nil {
                checks.fail("/petitionId", "the petition is already linked to a mediation case / 该信访件已关联调解案件")
            }
        }
        try checks.finish()
        let row = MediationCase()
        row.id = UUID()
        row.divisionCode = division.value
        row.gridCode = gridCode
        row.disputeType = (type ?? .other).rawValue
        row.summary = summary
        row.receivedOn = received.description
        row.createdBy = principal.userID
        row.createdAt = req.lianxin.now()
        let caseID = row.id!
        let linked = petition, partyRows = parties, mediatorNames = mediators
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await row.create(on: db)
                for party in partyRows {
                    party.caseID = caseID
                    try await party.create(on: db)
                }
                for name in mediatorNames {
                    let mediator = MediationMediator()
                    mediator.caseID = caseID
                    mediator.name = name
                    try await mediator.create(on: db)
                }
                if let linked {
                    linked.mediationCaseID = caseID
                    try await linked.update(on: db)
                }
            }
        }
        return try await Self.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    /// One case, parties masked; the reading is audited.
    func show(req: Request) async throws -> CaseDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        try await req.auditDisclosure(
            .disputeRecordViewed, target: "mediation-case:\(try row.requireID())", recordDivision: row.divisionCode, detail: nil)
        return try await Self.dtos([row], unmasked: false, req)[0]
    }
}
