import Vapor
import Crypto
import Fluent
import LianxinCore

/// What the wishes API and the community pages both do with a wish (微心愿): post, claim, fulfil, confirm, the public wall.
enum WishService {
    typealias Box = WishesController.Box
    typealias ClaimInput = WishesController.ClaimInput
    typealias WallWish = WishesController.WallWish
    typealias WishDTO = WishesController.WishDTO
    typealias WishInput = WishesController.WishInput

    static func wall(community: String?, _ req: Request) async throws -> [WallWish] {
        var query = Wish.query(on: req.db).filter(\.$status != WishStatus.withdrawn.rawValue)
        if let community, !community.isEmpty {
            guard CommunityScope.isCode(community), let code = DivisionCode(community) else {
                throw Problem.invalid(field: "community", "a division code / 区划代码")
            }
            query = query.within(\.$communityCode, code)
        }
        let wishes = try await query.sort(\.$createdAt, .descending).limit(200).all()
        let codes = Array(Set(wishes.map(\.communityCode)))
        let names =
            codes.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await Division.query(on: req.db).filter(\.$id ~~ codes).all()
                    .map { ($0.id ?? "", $0.name) })
        let language = req.displayLanguage
        return try wishes.map { wish in
            WallWish(
                id: try wish.requireID(), communityCode: wish.communityCode, communityName: names[wish.communityCode] ?? wish.communityCode,
                resident: PersonalDataMask.name(wish.residentName), title: PersonalDataMask.redactingNumbers(in: wish.title),
                details: PersonalDataMask.redactingNumbers(in: wish.details), status: wish.status,
                statusTitle: (WishStatus(rawValue: wish.status) ?? .posted).title(language),
                claimant: wish.claimantName.map {
                    wish.claimantKind == WishClaimantKind.unit.rawValue || wish.claimantKind == WishClaimantKind.merchant.rawValue
                        ? $0 : PersonalDataMask.name($0)
                },
                createdAt: wish.createdAt)
        }
    }

    static func post(_ input: WishInput, principal: Principal, _ req: Request) async throws -> Wish {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = InputValidator(req)
        let name = checks.text(input.residentName, "/residentName", 1...50)
        let title = checks.text(input.title, "/title", 2...100)
        let details = checks.text(input.details, "/details", 0...1000)
        let phoneText = input.phone?.trimmingCharacters(in: .whitespaces) ?? ""
        let phone = phoneText.isEmpty ? nil : checks.phone(phoneText, "/phone")
        try checks.finish()
        let wish = Wish()
        let wishID = UUID()
        wish.id = wishID
        wish.communityCode = community.id ?? ""
        wish.residentName = name
        wish.phoneCipher = try phone.map { try req.lianxin.cipher.seal($0, for: .wishPhone, row: wishID) }
        wish.title = title
        wish.details = details
        wish.status = WishStatus.posted.rawValue
        wish.postedBy = principal.userID
        wish.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await wish.create(on: req.db) }
        return wish
    }

    static func fulfil(_ wish: Wish, _ req: Request) async throws -> Wish {
        guard wish.status == WishStatus.claimed.rawValue else {
            throw Problem.conflict(
                WishMachine.Refusal.notAllowedInStatus(step: .fulfil, status: WishStatus(rawValue: wish.status) ?? .posted).description,
                field: "/status")
        }
        struct NoteForm: Content { var note: String? }
        let note =
            (try? req.query.get(String.self, at: "note"))
            ?? (req.headers.contentType?.type == "multipart" ? (try? req.content.decode(NoteForm.self).note) ?? nil : nil)
        let text = try InputValidator.optionalText(note, "/note", req.lianxin.localizer) ?? ""
        let upload = try PhotoUploads.photo(in: req)
        let key = UUID().uuidString.lowercased()
        let id = try wish.requireID()
        let box = Box()
        try await req.lianxin.storeFile(upload.data, key: key, on: req.db) {
            box.wish = try await WishService.transitionUnserialized(id, .fulfil, req) { wish, now in
                wish.fulfilmentNote = text.isEmpty ? nil : text
                wish.photoKey = key
                wish.photoType = upload.format.contentType
                wish.fulfilledAt = now
            }
        }
        guard let updated = box.wish else { throw Problem.notFound("wish") }
        return updated
    }

    static func dto(_ wish: Wish, _ req: Request) throws -> WishDTO {
        let id = try wish.requireID()
        return WishDTO(
            id: id, communityCode: wish.communityCode, residentName: wish.residentName,
            phone: try wish.phoneCipher.map { PersonalDataMask.phone(try req.lianxin.cipher.open($0, for: .wishPhone, row: try wish.requireID())) },
            title: wish.title, details: wish.details, status: wish.status,
            statusTitle: (WishStatus(rawValue: wish.status) ?? .posted).title(req.displayLanguage),
            claimantKind: wish.claimantKind, claimantName: wish.claimantName, volunteerId: wish.volunteerID, claimedAt: wish.claimedAt,
            fulfilmentNote: wish.fulfilmentNote, photoUrl: wish.photoKey == nil ? nil : "/api/v1/wishes/\(id)/photo",
            fulfilledAt: wish.fulfilledAt, confirmedAt: wish.confirmedAt, createdAt: wish.createdAt)
    }

    /// Confirms the wish for the resident; a claiming volunteer earns the wish points in the same transaction.
    static func confirm(_ id: UUID, _ req: Request) async throws -> Wish {
        try await WishService.transition(id, .confirm, req) { wish, now in
            wish.confirmedAt = now
        } then: { wish, db, now in
            guard let volunteerID = wish.volunteerID else { return }
            try await PointsLedgerStore.earn(
                .wishFulfilled, volunteerID: volunteerID, community: wish.communityCode,
                reference: try wish.requireID(), at: now, on: db)
        }
    }

    /// Claims the wish; of two claims at the same moment exactly one succeeds, the other gets 409.
    static func claim(_ id: UUID, _ input: ClaimInput, principal: Principal, _ req: Request) async throws -> Wish {
        var checks = InputValidator(req)
        let kind = WishClaimantKind(rawValue: input.claimantKind ?? "")
        if kind == nil { checks.fail("/claimantKind", "choose one of the options offered / 请从给出的选项中选择") }
        var name = input.claimantName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let volunteerID = input.volunteerId {
            if let volunteer = try await Volunteer.find(volunteerID, on: req.db), principal.canSee(divisionCode: volunteer.communityCode) {
                if name.isEmpty { name = volunteer.name }
            } else {
                checks.fail("/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
            }
        }
        if !(1...100).contains(name.count) || !InputValidator.isPlain(name) { checks.fail("/claimantName", "1–100 characters / 请填写认领人或单位名称") }
        try checks.finish()
        let claimant = name
        return try await WishService.transition(id, .claim, req) { wish, now in
            wish.claimantKind = kind?.rawValue
            wish.claimantName = claimant
            wish.volunteerID = input.volunteerId
            wish.claimedAt = now
        }
    }

    /// Applies `step` to the wish `id` under a row lock: the status is read again inside the transaction, so two
    /// simultaneous steps cannot both pass; a refused step is a 409 naming the status.
    static func transition(
        _ id: UUID, _ step: WishMachine.Step, _ req: Request, change: @escaping @Sendable (Wish, Date) -> Void,
        then: (@Sendable (Wish, any Database, Date) async throws -> Void)? = nil
    ) async throws -> Wish {
        try await req.lianxin.writes.run { try await transitionUnserialized(id, step, req, change: change, then: then) }
    }

    static func transitionUnserialized(
        _ id: UUID, _ step: WishMachine.Step, _ req: Request,
        change: @escaping @Sendable (Wish, Date) -> Void,
        then: (@Sendable (Wish, any Database, Date) async throws -> Void)? = nil
    ) async throws -> Wish {
        let now = req.lianxin.now()
        return try await req.db.transaction { db in
            try await CommunityServicesQueries.lock(Wish.schema, id: id, on: db)
            guard let wish = try await Wish.find(id, on: db), let status = WishStatus(rawValue: wish.status) else {
                throw Problem.notFound("wish")
            }
            do {
                wish.status = try WishMachine.apply(step, to: status).rawValue
            } catch let error as WishMachine.Refusal {
                throw Problem.conflict(error.description, field: "/status")
            }
            change(wish, now)
            try await wish.update(on: db)
            try await then?(wish, db, now)
            return wish
        }
    }
}
