import Vapor
import Fluent
import LianxinCore

/// Registering a rental unit with its landlord, grid and building.
extension RentalUnitsController {
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
        var checks = InputValidator(req)
        let address = (input.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...200).contains(address.count) { checks.fail("/address", "1–200 characters / 地址须为 1–200 个字符") }
        let landlordName = (input.landlordName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...50).contains(landlordName.count) { checks.fail("/landlordName", "1–50 characters / 房东姓名须为 1–50 个字符") }
        var phone: PhoneNumber?
        do { phone = try PhoneNumber(parsing: input.landlordPhone ?? "") } catch {
            checks.fail("/landlordPhone", "\(error.englishMessage) / \(error.chineseMessage)")
        }
        let grid = try await Grid.query(on: req.db).filter(\.$code == (input.gridCode ?? "")).filter(\.$validTo == nil).first()
        if grid.map({ !scope.contains(grid: $0.code, community: $0.communityCode) }) ?? true {
            checks.fail("/gridCode", "no grid in force with this code in your scope / 您的范围内没有现行的该网格")
        }
        if let buildingID = input.buildingId {
            let building = try await Building.find(buildingID, on: req.db)
            if building?.gridCode != grid?.code {
                checks.fail("/buildingId", "no such building in this grid / 该网格中没有此楼栋")
            }
        }
        guard checks.isValid, let grid, let phone else { throw Problem.invalid(checks.errors) }

        let context = req.lianxin
        let token = FieldCipher.randomToken(bytes: 24)
        let now = context.now()
        let unit = RentalUnit()
        let unitID = UUID()
        unit.id = unitID
        unit.publicCode = RentalCode.make()
        unit.buildingID = input.buildingId
        unit.address = address
        unit.gridCode = grid.code
        unit.communityCode = grid.communityCode
        unit.landlordName = landlordName
        unit.landlordPhoneCipher = try context.cipher.seal(phone.value, for: .landlordPhone, row: unitID)
        unit.landlordPhoneIndex = context.cipher.blindIndex(phone.value)
        unit.landlordTokenHash = context.cipher.tokenHash(token)
        unit.active = true
        unit.createdAt = now
        try await context.writes.run {
            try await req.db.transaction { db in
                try await unit.create(on: db)
                try await AuditLog.record(
                    .rentalUnitCreated, result: .success, actor: principal.auditActor,
                    target: "rental-unit:\(try unit.requireID())", ip: req.clientIP, requestID: req.id,
                    detail: "\(grid.code) \(address)", at: now, on: db)
            }
        }
        var dto = try RentalUnitDTO(unit, baseURL: context.settings.publicBaseURL, cipher: context.cipher)
        let base = context.settings.publicBaseURL.hasSuffix("/") ? String(context.settings.publicBaseURL.dropLast()) : context.settings.publicBaseURL
        dto.landlordLink = base + "/p/landlord/" + token
        return try await dto.encodeResponse(status: .created, for: req)
    }
}
