import Vapor
import Fluent
import Crypto
import LianxinCore

/// The public wish wall (心愿墙).
extension WishesController {
    /// The public wall: open and recent wishes of a community (or all), resident masked.
    func wall(req: Request) async throws -> [WallWish] {
        try await Self.wall(community: try? req.query.get(String.self, at: "community"), req)
    }

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
}
