import Vapor
import Fluent
import LianxinCore

/// Rental units for staff (manage residents; scoped like the registry, out of scope is 404):
/// create one with its landlord (the landlord's link is shown once), list, show with current
/// tenants (masked), and its QR code as PNG or SVG, encoded here.
struct RentalUnitsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("api", "v1", "rental-units")
        units.get(use: list)
        units.post(use: create)
        units.get(":id", use: show)
        units.get(":id", "qr.png", use: png)
        units.get(":id", "qr.svg", use: svg)
    }

    struct CreateInput: Content {
        var gridCode: String?
        var address: String?
        var buildingId: UUID?
        var landlordName: String?
        var landlordPhone: String?
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageResidents)
        let input = try req.content.decode(CreateInput.self)
        let scope = try await req.registryScope(principal)
        var errors: [Problem.FieldError] = []
        let address = (input.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...200).contains(address.count) { errors.append(.init(field: "/address", message: "1–200 characters / 地址须为 1–200 个字符")) }
        let landlordName = (input.landlordName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...50).contains(landlordName.count) { errors.append(.init(field: "/landlordName", message: "1–50 characters / 房东姓名须为 1–50 个字符")) }
        var phone: PhoneNumber?
        do { phone = try PhoneNumber(parsing: input.landlordPhone ?? "") } catch {
            errors.append(.init(field: "/landlordPhone", message: "\(error.englishMessage) / \(error.chineseMessage)"))
        }
        let grid = try await Grid.query(on: req.db).filter(\.$code == (input.gridCode ?? "")).filter(\.$validTo == nil).first()
        if grid.map({ !scope.contains(grid: $0.code, community: $0.communityCode) }) ?? true {
            errors.append(.init(field: "/gridCode", message: "no grid in force with this code in your scope / 您的范围内没有现行的该网格"))
        }
        if let buildingID = input.buildingId {
            let building = try await Building.find(buildingID, on: req.db)
            if building?.gridCode != grid?.code {
                errors.append(.init(field: "/buildingId", message: "no such building in this grid / 该网格中没有此楼栋"))
            }
        }
        guard errors.isEmpty, let grid, let phone else { throw Problem.invalid(errors) }

        let context = req.lianxin
        let token = FieldCipher.randomToken(bytes: 24)
        let now = context.now()
        let unit = RentalUnit()
        unit.publicCode = RentalCode.make()
        unit.buildingID = input.buildingId
        unit.address = address
        unit.gridCode = grid.code
        unit.communityCode = grid.communityCode
        unit.landlordName = landlordName
        unit.landlordPhoneCipher = try context.cipher.seal(phone.value)
        unit.landlordPhoneIndex = context.cipher.blindIndex(phone.value)
        unit.landlordTokenHash = context.cipher.tokenHash(token)
        unit.active = true
        unit.createdAt = now
        try await context.writes.run {
            try await req.db.transaction { db in
                try await unit.create(on: db)
                try await AuditLog.record(.rentalUnitCreated, result: .success, actor: principal.auditActor,
                                          target: "rental-unit:\(try unit.requireID())", ip: req.clientIP, requestID: req.id,
                                          detail: "\(grid.code) \(address)", at: now, on: db)
            }
        }
        var dto = try RentalUnitDTO(unit, baseURL: context.settings.publicBaseURL, cipher: context.cipher)
        let base = context.settings.publicBaseURL.hasSuffix("/") ? String(context.settings.publicBaseURL.dropLast()) : context.settings.publicBaseURL
        dto.landlordLink = base + "/p/landlord/" + token
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Units in scope by address; `grid` narrows to one grid; keyset-paginated.
    func list(req: Request) async throws -> ListPage<RentalUnitDTO> {
        let principal = try await req.require(.manageResidents)
        let page = try PageRequest(req)
        var query = try await req.registryScope(principal).limit(RentalUnit.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else { throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效") }
            query = query.group(.or) { or in
                or.filter(\.$address > after[0]).group(.and) { and in and.filter(\.$address == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$address).sort(\.$id).limit(page.limit + 1).all()
        let context = req.lianxin
        return try page.page(rows, key: { [$0.address, $0.id?.uuidString ?? ""] }) {
            try RentalUnitDTO($0, baseURL: context.settings.publicBaseURL, cipher: context.cipher)
        }
    }

    func show(req: Request) async throws -> RentalUnitDTO {
        let unit = try await Self.find(req)
        let context = req.lianxin
        var dto = try RentalUnitDTO(unit, baseURL: context.settings.publicBaseURL, cipher: context.cipher)
        dto.currentTenants = try await Tenancy.query(on: req.db).filter(\.$unitID == unit.requireID()).filter(\.$movedOut == nil)
            .sort(\.$movedIn).sort(\.$id).all().map { try TenantDTO($0, cipher: context.cipher) }
        return dto
    }

    func png(req: Request) async throws -> Response {
        let code = try await Self.qrCode(req)
        return Response(status: .ok, headers: ["Content-Type": "image/png", "Cache-Control": "no-store"], body: .init(data: code.png(scale: 8, quietZone: 4)))
    }

    func svg(req: Request) async throws -> Response {
        let code = try await Self.qrCode(req)
        return Response(status: .ok, headers: ["Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "no-store"],
                        body: .init(string: code.svg(moduleSize: 8, quietZone: 4)))
    }

    static func qrCode(_ req: Request) async throws -> QRCode {
        let unit = try await find(req)
        return try QRCode(encoding: RentalUnitDTO.checkInURL(unit.publicCode, baseURL: req.lianxin.settings.publicBaseURL), correction: .medium)
    }

    /// The unit, or 404 when it does not exist or lies outside the caller's scope.
    static func find(_ req: Request) async throws -> RentalUnit {
        let principal = try await req.require(.manageResidents)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw), let unit = try await RentalUnit.find(id, on: req.db) else {
            throw Problem.notFound("rental unit")
        }
        guard try await req.registryScope(principal).contains(grid: unit.gridCode, community: unit.communityCode) else {
            throw await req.outOfScope("rental unit", target: "rental-unit:\(id)")
        }
        return unit
    }
}
