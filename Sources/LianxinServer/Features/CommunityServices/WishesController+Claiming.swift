import Vapor
import Fluent
import Crypto
import LianxinCore

/// Claiming a wish and fulfilling it with a photo.
extension WishesController {
    func claim(req: Request) async throws -> WishDTO {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        let updated = try await Self.claim(try wish.requireID(), try req.content.decode(ClaimInput.self), principal: principal, req)
        return try Self.dto(updated, req)
    }

    /// Claims the wish; of two claims at the same moment exactly one succeeds, the other gets 409.
    static func claim(_ id: UUID, _ input: ClaimInput, principal: Principal, _ req: Request) async throws -> Wish {
        var checks = InputValidator(req)
        let kind = WishClaimantKind(rawValue: input.claimantKind ?? "")
        if kind == nil { checks.fail("/claimantKind", "one of \(WishClaimantKind.allCases.map(\.rawValue).joined(separator: ", "))") }
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
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try Self.dto(try await Self.fulfil(wish, req), req)
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

    final class Box: @unchecked Sendable { var wish: Wish? }

    func photo(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        guard let key = wish.photoKey, let data = try await req.lianxin.files.get(key, on: req.db) else { throw Problem.notFound("photo") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: wish.photoType ?? "application/octet-stream")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        return response
    }
}
