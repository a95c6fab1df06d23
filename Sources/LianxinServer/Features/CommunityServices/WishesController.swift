import Vapor
import Fluent
import Crypto
import LianxinCore

/// 微心愿: posted for a resident by staff, claimed once (by a volunteer, party member, unit or caring merchant),
/// fulfilled with a photo, confirmed for the resident — which earns a claiming volunteer the wish points. The
/// public wall shows wishes with the resident's name masked.
struct WishesController: RouteCollection {
    /// The longest photo body read (the photo limit plus a multipart envelope).
    let maxBody: ByteCount

    init(maxUploadBytes: Int) { maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536) }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("wishes", use: list)
        api.post("wishes", use: post)
        api.get("wishes", ":id", use: show)
        api.post("wishes", ":id", "claim", use: claim)
        api.on(.POST, "wishes", ":id", "fulfilment", body: .collect(maxSize: maxBody), use: fulfil)
        api.get("wishes", ":id", "photo", use: photo)
        api.post("wishes", ":id", "confirmation", use: confirm)
        api.post("wishes", ":id", "withdrawal", use: withdraw)
        api.get("public", "wishes", use: wall)
    }

    struct WishInput: Content {
        var communityCode: String?
        var residentName: String?
        var phone: String?
        var title: String?
        var details: String?
    }

    struct ClaimInput: Content {
        var claimantKind: String?
        var claimantName: String?
        /// The volunteer's id, when a registered volunteer (or party member) claims it; earns the wish points.
        var volunteerId: UUID?
    }

    struct WishDTO: Content {
        var id: UUID
        var communityCode: String
        var residentName: String
        var phone: String?
        var title: String
        var details: String
        var status: String
        var statusTitle: String
        var claimantKind: String?
        var claimantName: String?
        var volunteerId: UUID?
        var claimedAt: Date?
        var fulfilmentNote: String?
        var photoUrl: String?
        var fulfilledAt: Date?
        var confirmedAt: Date?
        var createdAt: Date
    }

    /// A wish on the public wall: the resident's name masked, numbers in the text starred, no phone.
    struct WallWish: Content {
        var id: UUID
        var communityCode: String
        var communityName: String
        var resident: String
        var title: String
        var details: String
        var status: String
        var statusTitle: String
        var claimant: String?
        var createdAt: Date
    }

    func list(req: Request) async throws -> [WishDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(WishRecord.query(on: req.db), to: principal, community: try? req.query.get(String.self, at: "community"))
        if let status = try? req.query.get(String.self, at: "status") {
            guard WishStatus(rawValue: status) != nil else {
                throw Problem.invalid(field: "status", "one of \(WishStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query = query.filter(\.$status == status)
        }
        return try await query.sort(\.$createdAt, .descending).limit(500).all().map { try Self.dto($0, req) }
    }

    func show(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.viewCommunityServices)
        return try Self.dto(try await CommunityScope.find(WishRecord.self, req, principal, what: "wish"), req)
    }

    func post(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await Self.post(try req.content.decode(WishInput.self), principal: principal, req)
        return try await Self.dto(wish, req).encodeResponse(status: .created, for: req)
    }

    static func post(_ input: WishInput, principal: Principal, _ req: Request) async throws -> WishRecord {
        let community = try await CommunityScope.community(input.communityCode, for: principal, on: req.db)
        var checks = FieldChecks()
        let name = checks.text(input.residentName, "/residentName", 1...50)
        let title = checks.text(input.title, "/title", 2...100)
        let details = checks.text(input.details, "/details", 0...1000)
        let phoneText = input.phone?.trimmingCharacters(in: .whitespaces) ?? ""
        let phone = phoneText.isEmpty ? nil : checks.phone(phoneText, "/phone")
        try checks.check()
        let wish = WishRecord()
        wish.communityCode = community.id ?? ""
        wish.residentName = name
        wish.phoneCipher = try phone.map { try req.lianxin.cipher.seal($0) }
        wish.title = title
        wish.details = details
        wish.status = WishStatus.posted.rawValue
        wish.postedBy = principal.userID
        wish.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await wish.create(on: req.db) }
        return wish
    }

    func claim(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        let updated = try await Self.claim(try wish.requireID(), try req.content.decode(ClaimInput.self), principal: principal, req)
        return try Self.dto(updated, req)
    }

    /// Claims the wish; of two claims at the same moment exactly one succeeds, the other gets 409.
    static func claim(_ id: UUID, _ input: ClaimInput, principal: Principal, _ req: Request) async throws -> WishRecord {
        var checks = FieldChecks()
        let kind = WishClaimantKind(rawValue: input.claimantKind ?? "")
        if kind == nil { checks.fail("/claimantKind", "one of \(WishClaimantKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        var name = input.claimantName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if let volunteerID = input.volunteerId {
            if let volunteer = try await VolunteerRecord.find(volunteerID, on: req.db), principal.canSee(divisionCode: volunteer.communityCode) {
                if name.isEmpty { name = volunteer.name }
            } else {
                checks.fail("/volunteerId", "a volunteer registered in your division / 志愿者不存在或不在辖区内")
            }
        }
        if !(1...100).contains(name.count) || !FieldChecks.isPlain(name) { checks.fail("/claimantName", "1–100 characters / 请填写认领人或单位名称") }
        try checks.check()
        let claimant = name
        return try await transition(id, .claim, req) { wish, now in
            wish.claimantKind = kind?.rawValue
            wish.claimantName = claimant
            wish.volunteerID = input.volunteerId
            wish.claimedAt = now
        }
    }

    /// The photo (raw image body or multipart `file`) and an optional `note` query or form field.
    func fulfil(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        return try Self.dto(try await Self.fulfil(wish, req), req)
    }

    static func fulfil(_ wish: WishRecord, _ req: Request) async throws -> WishRecord {
        guard wish.status == WishStatus.claimed.rawValue else {
            throw Problem.conflict(WishMachine.Refusal.notAllowedInStatus(step: .fulfil, status: WishStatus(rawValue: wish.status) ?? .posted).description,
                                   field: "/status")
        }
        struct NoteForm: Content { var note: String? }
        let note = (try? req.query.get(String.self, at: "note")) ?? (req.headers.contentType?.type == "multipart" ? (try? req.content.decode(NoteForm.self).note) ?? nil : nil)
        let text = try FieldChecks.optionalText(note, "/note") ?? ""
        let upload = try PhotoUploads.photo(in: req)
        let key = UUID().uuidString.lowercased()
        let id = try wish.requireID()
        let box = Box()
        try await req.lianxin.storeFile(upload.data, key: key, on: req.db) {
            box.wish = try await transitionUnserialized(id, .fulfil, req) { wish, now in
                wish.fulfilmentNote = text.isEmpty ? nil : text
                wish.photoKey = key
                wish.photoType = upload.format.contentType
                wish.fulfilledAt = now
            }
        }
        guard let updated = box.wish else { throw Problem.notFound("wish") }
        return updated
    }

    private final class Box: @unchecked Sendable { var wish: WishRecord? }

    func photo(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        guard let key = wish.photoKey, let data = try await req.lianxin.files.get(key, on: req.db) else { throw Problem.notFound("photo") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: wish.photoType ?? "application/octet-stream")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        return response
    }

    func confirm(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        return try Self.dto(try await Self.confirm(try wish.requireID(), req), req)
    }

    /// Confirms the wish for the resident; a claiming volunteer earns the wish points in the same transaction.
    static func confirm(_ id: UUID, _ req: Request) async throws -> WishRecord {
        try await transition(id, .confirm, req) { wish, now in
            wish.confirmedAt = now
        } then: { wish, db, now in
            guard let volunteerID = wish.volunteerID else { return }
            try await PointsLedgerStore.earn(.wishFulfilled, volunteerID: volunteerID, community: wish.communityCode,
                                             reference: try wish.requireID(), at: now, on: db)
        }
    }

    func withdraw(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(WishRecord.self, req, principal, what: "wish")
        return try Self.dto(try await Self.transition(try wish.requireID(), .withdraw, req) { _, _ in }, req)
    }

    /// The public wall: open and recent wishes of a community (or all), resident masked.
    func wall(req: Request) async throws -> [WallWish] {
        try await Self.wall(community: try? req.query.get(String.self, at: "community"), req)
    }

    static func wall(community: String?, _ req: Request) async throws -> [WallWish] {
        var query = WishRecord.query(on: req.db).filter(\.$status != WishStatus.withdrawn.rawValue)
        if let community, !community.isEmpty {
            guard CommunityScope.isCode(community) else { throw Problem.invalid(field: "community", "a division code / 区划代码") }
            query = query.filter(\.$communityCode, .custom("LIKE"), community + "%")
        }
        let wishes = try await query.sort(\.$createdAt, .descending).limit(200).all()
        let codes = Array(Set(wishes.map(\.communityCode)))
        let names = codes.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Division.query(on: req.db).filter(\.$id ~~ codes).all()
            .map { ($0.id ?? "", $0.name) })
        let language = req.displayLanguage
        return try wishes.map { wish in
            WallWish(id: try wish.requireID(), communityCode: wish.communityCode, communityName: names[wish.communityCode] ?? wish.communityCode,
                     resident: PersonalDataMask.name(wish.residentName), title: PersonalDataMask.redactingNumbers(in: wish.title),
                     details: PersonalDataMask.redactingNumbers(in: wish.details), status: wish.status,
                     statusTitle: (WishStatus(rawValue: wish.status) ?? .posted).title(language),
                     claimant: wish.claimantName.map { wish.claimantKind == WishClaimantKind.unit.rawValue || wish.claimantKind == WishClaimantKind.merchant.rawValue ? $0 : PersonalDataMask.name($0) },
                     createdAt: wish.createdAt)
        }
    }

    // MARK: Shared

    /// Applies `step` to the wish `id` under a row lock: the status is read again inside the transaction, so two
    /// simultaneous steps cannot both pass; a refused step is a 409 naming the status.
    static func transition(_ id: UUID, _ step: WishMachine.Step, _ req: Request, change: @escaping @Sendable (WishRecord, Date) -> Void,
                           then: (@Sendable (WishRecord, any Database, Date) async throws -> Void)? = nil) async throws -> WishRecord {
        try await req.lianxin.writes.run { try await transitionUnserialized(id, step, req, change: change, then: then) }
    }

    private static func transitionUnserialized(_ id: UUID, _ step: WishMachine.Step, _ req: Request,
                                               change: @escaping @Sendable (WishRecord, Date) -> Void,
                                               then: (@Sendable (WishRecord, any Database, Date) async throws -> Void)? = nil) async throws -> WishRecord {
        let now = req.lianxin.now()
        return try await req.db.transaction { db in
            try await CommunityScope.lock(WishRecord.schema, id: id, on: db)
            guard let wish = try await WishRecord.find(id, on: db), let status = WishStatus(rawValue: wish.status) else {
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

    static func dto(_ wish: WishRecord, _ req: Request) throws -> WishDTO {
        let id = try wish.requireID()
        return WishDTO(
            id: id, communityCode: wish.communityCode, residentName: wish.residentName,
            phone: try wish.phoneCipher.map { PersonalDataMask.phone(try req.lianxin.cipher.open($0)) },
            title: wish.title, details: wish.details, status: wish.status,
            statusTitle: (WishStatus(rawValue: wish.status) ?? .posted).title(req.displayLanguage),
            claimantKind: wish.claimantKind, claimantName: wish.claimantName, volunteerId: wish.volunteerID, claimedAt: wish.claimedAt,
            fulfilmentNote: wish.fulfilmentNote, photoUrl: wish.photoKey == nil ? nil : "/api/v1/wishes/\(id)/photo",
            fulfilledAt: wish.fulfilledAt, confirmedAt: wish.confirmedAt, createdAt: wish.createdAt)
    }
}
