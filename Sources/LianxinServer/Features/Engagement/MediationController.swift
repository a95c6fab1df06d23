import Vapor
import Fluent
import LianxinCore

/// 人民调解 under /api/v1/mediation-cases: dispute cases with their parties (names and phones encrypted,
/// masked unless unmasked with a reason), mediators, sessions and outcome, and the success rate per mediator and
/// per community. Reading a case and unmasking its parties are audited.
struct MediationController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped("api", "v1", "mediation-cases")
        cases.get(use: list)
        cases.post(use: create)
        cases.get(":id", use: show)
        cases.post(":id", "sessions", use: addSession)
        cases.post(":id", "conclude", use: conclude)
        cases.post(":id", "unmask", use: unmask)
        routes.get("api", "v1", "mediation-rates", use: rates)
    }

    static let sides = ["applicant", "respondent"]

    // MARK: DTOs

    struct PartyInput: Content {
        var name: String?
        var phone: String?
        var side: String?
    }

    struct CaseInput: Content {
        var disputeType: String?
        var summary: String?
        var receivedOn: String?
        var divisionCode: String?
        var gridCode: String?
        var parties: [PartyInput]?
        var mediators: [String]?
        /// 访调融合: the petition this case takes over.
        var petitionId: UUID?
    }

    struct SessionInput: Content {
        var heldAt: Date?
        var place: String?
        var note: String?
    }

    struct ConcludeInput: Content {
        var outcome: String?
        var agreementText: String?
    }

    struct ReasonInput: Content { var reason: String? }

    struct PartyDTO: Content {
        var side: String
        var name: String
        var phone: String?
    }

    struct SessionDTO: Content {
        var heldAt: Date
        /// Beijing time, `yyyy-MM-dd HH:mm`.
        var heldAtText: String
        var place: String
        var note: String
    }

    struct CaseDTO: Content {
        var id: UUID
        var divisionCode: String
        var divisionName: String
        var gridCode: String?
        var disputeType: String
        var disputeTypeName: String
        var summary: String
        var receivedOn: String
        var parties: [PartyDTO]
        var mediators: [String]
        var sessions: [SessionDTO]
        var outcome: String?
        var outcomeName: String?
        var agreementText: String?
        var concludedOn: String?
        var petitionIds: [UUID]
    }

    struct RateDTO: Content {
        var key: String
        var name: String
        var concluded: Int
        var agreements: Int
        var open: Int
        var rate: Double?
        /// The rate as a percentage with one decimal, or — before any case is concluded.
        var percent: String
    }

    struct Rates: Content {
        var formula: String
        var mediators: [RateDTO]
        var communities: [RateDTO]
    }

    // MARK: Handlers

    /// Cases in scope, newest first; parties masked. `outcome=open` lists the cases still open.
    func list(req: Request) async throws -> [CaseDTO] {
        let principal = try await req.require(.handleDisputes)
        var query = MediationCase.query(on: req.db).inScope(\.$divisionCode, principal)
        switch req.query[String.self, at: "outcome"] {
        case nil, "": break
        case "open": query = query.filter(\.$outcome == nil)
        case let value?:
            guard MediationOutcome(rawValue: value) != nil else {
                throw Problem.invalid(field: "outcome", "open or one of \(MediationOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
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
            let found = grid.count <= 30 && grid.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
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
            if !Self.sides.contains(side) { checks.fail("/parties/\(index)/side", "applicant or respondent / 申请人或被申请人") }
            let row = MediationParty()
            row.position = index
            row.side = side
            row.nameCipher = try cipher.seal(name)
            if let phone {
                row.phoneCipher = try cipher.seal(phone.value)
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
        var petition: PetitionRecord?
        if let petitionID = input.petitionId {
            petition = try await PetitionRecord.find(petitionID, on: req.db)
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
        try await req.lianxin.writes.run { try await req.db.transaction { db in
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
        } }
        return try await Self.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    /// One case, parties masked; the reading is audited.
    func show(req: Request) async throws -> CaseDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        await req.audit(.disputeRecordViewed, result: .success, target: "mediation-case:\(try row.requireID())")
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    func addSession(req: Request) async throws -> Response {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        let input = try req.content.decode(SessionInput.self)
        var checks = InputValidator(req)
        let now = req.lianxin.now()
        let heldAt = input.heldAt ?? now
        if heldAt > now.addingTimeInterval(300) { checks.fail("/heldAt", "not in the future / 不能晚于现在") }
        let place = checks.text(input.place, "/place", 1...200, label: "调解地点")
        let note = checks.text(input.note, "/note", 2...4000, label: "调解记录")
        try checks.finish()
        guard row.outcome == nil else {
            throw Problem.conflict(MediationRuleError.alreadyConcluded.message(in: .zhCN) + " / " + MediationRuleError.alreadyConcluded.message(in: .en))
        }
        let session = MediationSession()
        session.caseID = try row.requireID()
        session.heldAt = heldAt
        session.place = place
        session.note = note
        session.recordedBy = principal.userID
        try await req.lianxin.writes.run { try await session.create(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0].encodeResponse(status: .created, for: req)
    }

    func conclude(req: Request) async throws -> CaseDTO {
        let principal = try await req.require(.handleDisputes)
        let row = try await Self.find(req, principal)
        let input = try req.content.decode(ConcludeInput.self)
        var checks = InputValidator(req)
        let outcome: MediationOutcome? = checks.choice(input.outcome, "/outcome")
        let text = checks.text(input.agreementText, "/agreementText", 0...10_000, label: "协议内容")
        try checks.finish()
        guard let outcome else { throw Problem.invalid(field: "/outcome", "is required") }
        let sessions = try await MediationSession.query(on: req.db).filter(\.$caseID == row.requireID()).count()
        do {
            try MediationRules.checkConcluding(current: row.outcome.flatMap(MediationOutcome.init(rawValue:)), outcome: outcome,
                                               agreementText: text, sessions: sessions)
        } catch {
            let message = "\(error.message(in: .zhCN)) / \(error.message(in: .en))"
            switch error {
            case .agreementTextRequired, .agreementTextWithoutAgreement: throw Problem.invalid(field: "/agreementText", message)
            default: throw Problem.conflict(message, field: "/outcome")
            }
        }
        row.outcome = outcome.rawValue
        row.agreementText = text.isEmpty ? nil : text
        row.concludedOn = Engagement.day(req.lianxin.now()).description
        try await req.lianxin.writes.run { try await row.update(on: req.db) }
        return try await Self.dtos([row], unmasked: false, req)[0]
    }

    /// The parties' full names and phones, for a role allowed to unmask, with a reason; audited.
    func unmask(req: Request) async throws -> CaseDTO {
        _ = try await req.require(.handleDisputes)
        let principal = try await req.require(.unmaskPersonalData)
        let row = try await Self.find(req, principal)
        let reason = try Self.reason(try req.content.decode(ReasonInput.self).reason)
        let dto = try await Self.dtos([row], unmasked: true, req)[0]
        await req.audit(.personalDataUnmasked, result: .success, target: "mediation-case:\(try row.requireID())", detail: reason)
        return dto
    }

    /// Success rates per mediator and per community of the cases in scope received in `from`…`to` (optional days).
    func rates(req: Request) async throws -> Rates {
        let principal = try await req.require(.handleDisputes)
        return try await Self.rates(principal, req)
    }

    // MARK: Shared

    static func rates(_ principal: Principal, _ req: Request) async throws -> Rates {
        var checks = InputValidator(req)
        let from = req.query[String.self, at: "from"].map { checks.day($0, "/from", default: LocalDate(daysSinceEpoch: 0)) }
        let to = req.query[String.self, at: "to"].map { checks.day($0, "/to", default: LocalDate(daysSinceEpoch: 0)) }
        try checks.finish()
        var query = MediationCase.query(on: req.db).inScope(\.$divisionCode, principal)
        if let from { query = query.filter(\.$receivedOn >= from.description) }
        if let to { query = query.filter(\.$receivedOn <= to.description) }
        let cases = try await query.all()
        let mediators = cases.isEmpty ? [] : try await MediationMediator.query(on: req.db).filter(\.$caseID ~~ cases.compactMap(\.id)).all()
        let byCase = Dictionary(grouping: mediators, by: \.caseID)
        let items = cases.map { row in
            MediationSuccessRate.Case(mediators: (byCase[row.id ?? UUID()] ?? []).map(\.name), community: row.divisionCode,
                                      outcome: row.outcome.flatMap(MediationOutcome.init(rawValue:)))
        }
        let codes = Set(cases.map(\.divisionCode))
        let names = codes.isEmpty ? [:] : try await Division.query(on: req.db).filter(\.$id ~~ Array(codes)).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        func dto(_ rate: MediationSuccessRate, name: String) -> RateDTO {
            RateDTO(key: rate.key, name: name, concluded: rate.concluded, agreements: rate.agreements, open: rate.open,
                    rate: rate.rate.map { ($0 * 1000).rounded() / 1000 },
                    percent: rate.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—")
        }
        return Rates(formula: MediationSuccessRate.formula(in: Engagement.language(req)),
                     mediators: MediationSuccessRate.perMediator(items).map { dto($0, name: $0.key) },
                     communities: MediationSuccessRate.perCommunity(items).map { dto($0, name: names[$0.key] ?? $0.key) })
    }

    static func reason(_ text: String?) throws -> String {
        let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (2...200).contains(reason.count) else { throw Problem.invalid(field: "/reason", "2–200 characters / 请填写查看原因（2–200 字）") }
        return reason
    }

    static func find(_ req: Request, _ principal: Principal) async throws -> MediationCase {
        try await Engagement.scoped(MediationCase.self, try Engagement.id(req, "id", "mediation case"), division: \.divisionCode,
                                    "mediation case", principal, req)
    }

    static func dtos(_ rows: [MediationCase], unmasked: Bool, _ req: Request) async throws -> [CaseDTO] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let cipher = req.lianxin.cipher
        let language = Engagement.language(req)
        let parties = Dictionary(grouping: try await MediationParty.query(on: req.db).filter(\.$caseID ~~ ids).sort(\.$position).all(), by: \.caseID)
        let mediators = Dictionary(grouping: try await MediationMediator.query(on: req.db).filter(\.$caseID ~~ ids).all(), by: \.caseID)
        let sessions = Dictionary(grouping: try await MediationSession.query(on: req.db).filter(\.$caseID ~~ ids).sort(\.$heldAt).all(), by: \.caseID)
        let petitions = Dictionary(grouping: try await PetitionRecord.query(on: req.db).filter(\.$mediationCaseID ~~ ids).all(),
                                   by: { $0.mediationCaseID ?? UUID() })
        let names = try await Division.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.divisionCode)))).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        return try rows.map { row in
            let id = try row.requireID()
            let outcome = row.outcome.flatMap(MediationOutcome.init(rawValue:))
            return CaseDTO(
                id: id, divisionCode: row.divisionCode, divisionName: names[row.divisionCode] ?? row.divisionCode, gridCode: row.gridCode,
                disputeType: row.disputeType, disputeTypeName: DisputeType(rawValue: row.disputeType)?.name(in: language) ?? row.disputeType,
                summary: row.summary, receivedOn: row.receivedOn,
                parties: try (parties[id] ?? []).map { party in
                    let name = try cipher.open(party.nameCipher)
                    let phone = try party.phoneCipher.map { try cipher.open($0) }
                    return PartyDTO(side: party.side, name: unmasked ? name : PersonalDataMask.name(name),
                                    phone: unmasked ? phone : phone.map(PersonalDataMask.phone))
                },
                mediators: (mediators[id] ?? []).map(\.name).sorted(),
                sessions: (sessions[id] ?? []).map { SessionDTO(heldAt: $0.heldAt, heldAtText: Engagement.minute($0.heldAt), place: $0.place, note: $0.note) },
                outcome: row.outcome, outcomeName: outcome?.name(in: language), agreementText: row.agreementText,
                concludedOn: row.concludedOn, petitionIds: (petitions[id] ?? []).compactMap(\.id))
        }
    }
}
