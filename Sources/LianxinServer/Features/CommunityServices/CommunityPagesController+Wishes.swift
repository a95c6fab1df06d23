import Vapor
import Fluent
import LianxinCore

/// The wish page (微心愿): posting, claiming, fulfilling and confirming wishes.
extension CommunityPagesController {
    struct WishRow: Encodable, Sendable {
        var wish: WishesController.WishDTO
        var created: String
        var canClaim: Bool
        var canFulfil: Bool
        var canConfirm: Bool
    }

    struct WishesModel: Encodable, Sendable {
        var flash: Flash
        var wishes: [WishRow]
        var volunteers: [SelectOption]
        var kinds: [SelectOption]
        var canOrder: Bool
        var communityChoice: Bool
    }

    func wishes(req: Request) async throws -> Response {
        let principal = try await req.require(.viewCommunityServices)
        let canOrder = principal.role.can(.orderCommunityServices)
        let records = try await CommunityScope.limit(Wish.query(on: req.db), to: principal).sort(\.$createdAt, .descending).limit(200).all()
        let rows = try records.map { record in
            let wish = try WishService.dto(record, req)
            return WishRow(
                wish: wish, created: CommunityFormat.time(wish.createdAt), canClaim: canOrder && wish.status == "posted",
                canFulfil: canOrder && wish.status == "claimed", canConfirm: canOrder && wish.status == "fulfilled")
        }
        return try await req.page(
            "community/wishes", title: "cs_wishes_title",
            model: WishesModel(
                flash: Flash(req), wishes: rows, volunteers: try await Self.volunteerOptions(principal, req),
                kinds: WishClaimantKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(req.displayLanguage)) },
                canOrder: canOrder, communityChoice: principal.division.level != .community))
    }

    func postWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        return try await req.communityForm(back: "/community/wishes") {
            let wish = try await WishService.post(try req.content.decode(WishesController.WishInput.self), principal: principal, req)
            return req.t("cs_saved") + " " + wish.title
        }
    }

    func claimWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        struct Form: Content { var claimantKind: String?; var claimantName: String?; var volunteerId: String? }
        return try await req.communityForm(back: "/community/wishes") {
            let form = try req.content.decode(Form.self)
            _ = try await WishService.claim(
                try wish.requireID(),
                WishesController.ClaimInput(
                    claimantKind: form.claimantKind, claimantName: form.claimantName, volunteerId: form.volunteerId.flatMap(UUID.init(uuidString:))),
                principal: principal, req)
            return req.t("cs_wish_claimed")
        }
    }

    func fulfilWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try await req.communityForm(back: "/community/wishes") {
            _ = try await WishService.fulfil(wish, req)
            return req.t("cs_saved")
        }
    }

    func confirmWish(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await CommunityScope.find(Wish.self, req, principal, what: "wish")
        return try await req.communityForm(back: "/community/wishes") {
            _ = try await WishService.confirm(try wish.requireID(), req)
            return req.t("cs_saved")
        }
    }
}
