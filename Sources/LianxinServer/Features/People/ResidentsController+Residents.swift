import Vapor
import Fluent
import LianxinCore

/// Listing, reading and unmasking residents.
extension ResidentsController {
    /// Sorted by name; filters `name` (contains), `tag`, `building` (id or name), `household`, `grid`,
    /// `idNumber` and `phone` (exact, through the blind index); keyset-paginated.
    func list(req: Request) async throws -> ListPage<ResidentDTO> {
        let principal = try await req.require(.viewResidents)
        let page = try PageRequest(req)
        var query = try await Self.filtered(req, scope: try await req.registryScope(principal))
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            query = query.group(.or) { or in
                or.filter(\.$name > after[0]).group(.and) { and in and.filter(\.$name == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$name).sort(\.$id).limit(page.limit + 1).all()
        try await Self.auditShown(Array(rows.prefix(page.limit)), target: "residents", req)
        let items = try await ResidentDTO.make(Array(rows.prefix(page.limit)), cipher: req.lianxin.cipher, on: req.db)
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return ListPage(items: items, nextCursor: try next.map { PageRequest.cursor([$0.name, try $0.requireID().uuidString]) })
    }

    func show(req: Request) async throws -> ResidentDTO {
        let principal = try await req.require(.viewResidents)
        let resident = try await Self.find(req.parameters.get("id"), for: principal, on: req)
        try await Self.auditShown([resident], target: "resident:\(try resident.requireID())", req)
        return try await ResidentDTO.make([resident], cipher: req.lianxin.cipher, on: req.db)[0]
    }

    struct UnmaskInput: Content { var reason: String? }

    struct Unmasked: Content { var idNumber: String; var phone: String? }

    /// The full ID number and phone, for a role allowed to unmask, with a stated reason; audited.
    func unmask(req: Request) async throws -> Unmasked {
        _ = try await req.require(.viewResidents)
        let principal = try await req.require(.unmaskPersonalData)
        let resident = try await Self.find(req.parameters.get("id"), for: principal, on: req)
        let reason = try UnmaskReason.checked(try req.content.decode(UnmaskInput.self).reason)
        let cipher = req.lianxin.cipher
        let id = try resident.requireID()
        // Fails closed: nothing is decrypted for the caller unless the unmasking is on record.
        try await req.auditDisclosure(.personalDataUnmasked, target: "resident:\(id)", recordDivision: resident.communityCode, detail: reason)
        return Unmasked(
            idNumber: try cipher.open(resident.idNumberCipher, for: .residentIDNumber, row: id),
            phone: try resident.phoneCipher.map { try cipher.open($0, for: .residentPhone, row: id) })
    }
}
