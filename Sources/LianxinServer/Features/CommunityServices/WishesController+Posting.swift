import Vapor
import Fluent
import Crypto
import LianxinCore

/// Listing, reading and posting wishes.
extension WishesController {
    func list(req: Request) async throws -> [WishDTO] {
        let principal = try await req.require(.viewCommunityServices)
        var query = try CommunityScope.limit(Wish.query(on: req.db), to: principal, community: try? req.query.get(String.self, at: "community"))
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
        return try Self.dto(try await CommunityScope.find(Wish.self, req, principal, what: "wish"), req)
    }

    func post(req: Request) async throws -> Response {
        let principal = try await req.require(.orderCommunityServices)
        let wish = try await Self.post(try req.content.decode(WishInput.self), principal: principal, req)
        return try await Self.dto(wish, req).encodeResponse(status: .created, for: req)
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
}
