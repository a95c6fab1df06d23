import Vapor
import Fluent
import LianxinCore

/// The public pages under /p/ that a QR code opens: the tenant's check-in form and the landlord's
/// list of current tenants with check-out. No account: the unit's random code and the landlord's
/// link token are the only keys. Forms carry the pre-login CSRF token (double-submit cookie).
struct CheckInPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("p")
        pages.get("checkin", ":code", use: form)
        pages.post("checkin", ":code", use: submit)
        pages.get("landlord", ":token", use: landlord)
        pages.post("landlord", ":token", "tenancies", ":id", "checkout", use: checkOut)
    }

    struct FormModel: Encodable, Sendable {
        var code: String
        var address: String
        var values: [String: String]
        var errors: [String: String]
        var divisionName: String?
        var notice: String?
        var maxDate: String
        var hasErrors: Bool { !errors.isEmpty }

        enum CodingKeys: String, CodingKey { case code, address, values, errors, divisionName, notice, maxDate, hasErrors }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(address, forKey: .address)
            try container.encode(values, forKey: .values)
            try container.encode(errors, forKey: .errors)
            try container.encodeIfPresent(divisionName, forKey: .divisionName)
            try container.encodeIfPresent(notice, forKey: .notice)
            try container.encode(maxDate, forKey: .maxDate)
            try container.encode(hasErrors, forKey: .hasErrors)
        }
    }

    struct DoneModel: Encodable, Sendable {
        var address: String
        var name: String
        var idNumber: String
        var phone: String
        var registrationDivision: String
        var movedIn: String
    }

    func form(req: Request) async throws -> Response {
        let unit = try await Self.unit(req)
        let today = TenantCheckIn.dayString(req.lianxin.now())
        return try await req.page("rentals/checkin", title: "checkin_title", model: FormModel(
            code: unit.publicCode, address: unit.address, values: ["movedIn": today], errors: [:], maxDate: today))
    }

    func submit(req: Request) async throws -> Response {
        let unit = try await Self.unit(req)
        let input = try req.content.decode(CheckInInput.self)
        let english = req.language == .en
        let service = TenantCheckIn(app: req.application, db: req.db)
        let values = ["name": input.name ?? "", "idNumber": input.idNumber ?? "", "phone": input.phone ?? "",
                      "registrationDivision": input.registrationDivision ?? "", "movedIn": input.movedIn ?? ""]
        let today = TenantCheckIn.dayString(req.lianxin.now())
        switch try await service.validate(input, english: english) {
        case let .invalid(errors, divisionName):
            return try await req.page("rentals/checkin", title: "checkin_title", model: FormModel(
                code: unit.publicCode, address: unit.address, values: values, errors: errors, divisionName: divisionName, maxDate: today),
                status: .unprocessableEntity)
        case .valid(let valid):
            do {
                _ = try await service.checkIn(valid, unit: unit, ip: req.clientIP, requestID: req.id)
            } catch is TenantCheckIn.AlreadyCheckedIn {
                let notice = req.lianxin.localizer.text("checkin_already", req.language)
                return try await req.page("rentals/checkin", title: "checkin_title", model: FormModel(
                    code: unit.publicCode, address: unit.address, values: values, errors: [:], divisionName: valid.registrationDivisionName,
                    notice: notice, maxDate: today), status: .conflict)
            }
            return try await req.page("rentals/checkin-done", title: "checkin_done_title", model: DoneModel(
                address: unit.address, name: PersonalDataMask.name(valid.name), idNumber: valid.idNumber.masked, phone: valid.phone.masked,
                registrationDivision: "\(valid.registrationDivisionName) (\(valid.registrationDivision))", movedIn: valid.movedIn))
        }
    }

    struct LandlordModel: Encodable, Sendable {
        struct Tenant: Encodable, Sendable {
            var id: String
            var name: String
            var idNumber: String
            var phone: String
            var movedIn: String
        }
        struct Unit: Encodable, Sendable {
            var address: String
            var tenants: [Tenant]
            var empty: Bool
        }
        var token: String
        var landlordName: String
        var units: [Unit]
        var checkedOut: Bool
    }

    func landlord(req: Request) async throws -> Response {
        let (token, units) = try await Self.landlordUnits(req)
        let ids = units.compactMap(\.id)
        let tenancies = ids.isEmpty ? [] : try await Tenancy.query(on: req.db).filter(\.$unitID ~~ ids).filter(\.$movedOut == nil)
            .sort(\.$movedIn).sort(\.$name).all()
        let cipher = req.lianxin.cipher
        let model = LandlordModel(
            token: token, landlordName: units.first.map { PersonalDataMask.name($0.landlordName) } ?? "",
            units: try units.map { unit in
                let tenants = try tenancies.filter { $0.unitID == unit.id }.map {
                    LandlordModel.Tenant(id: try $0.requireID().uuidString, name: PersonalDataMask.name($0.name),
                                         idNumber: PersonalDataMask.idNumber(try cipher.open($0.idNumberCipher)),
                                         phone: PersonalDataMask.phone(try cipher.open($0.phoneCipher)), movedIn: $0.movedIn)
                }
                return LandlordModel.Unit(address: unit.address, tenants: tenants, empty: tenants.isEmpty)
            },
            checkedOut: req.query[String.self, at: "checkedOut"] == "1")
        return try await req.page("rentals/landlord", title: "landlord_title", model: model)
    }

    /// Closes a stay today (Beijing time); audited. Only the landlord's own units' current stays.
    func checkOut(req: Request) async throws -> Response {
        let (token, units) = try await Self.landlordUnits(req)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
              let tenancy = try await Tenancy.find(id, on: req.db), tenancy.movedOut == nil,
              let unit = units.first(where: { $0.id == tenancy.unitID }) else { throw Problem.notFound("tenancy") }
        let context = req.lianxin
        let now = context.now()
        try await context.writes.run {
            try await req.db.transaction { db in
                // Read again inside the transaction so that two clicks close the stay once.
                guard let current = try await Tenancy.find(id, on: db), current.movedOut == nil else { return }
                current.movedOut = TenantCheckIn.dayString(now)
                current.checkedOutBy = "landlord:\(unit.publicCode)"
                try await current.update(on: db)
                try await AuditLog.record(.tenantCheckedOut, result: .success,
                                          actor: AuditActor(id: nil, name: "landlord", role: nil, division: unit.communityCode),
                                          target: "tenancy:\(id)", ip: req.clientIP, requestID: req.id, detail: "unit \(unit.publicCode)", at: now, on: db)
            }
        }
        return req.redirect(to: "/p/landlord/\(token)?checkedOut=1", redirectType: .normal)
    }

    /// The active unit of the code in the URL, or 404.
    static func unit(_ req: Request) async throws -> RentalUnit {
        guard let code = req.parameters.get("code"), RentalCode.isWellFormed(code),
              let unit = try await RentalUnit.query(on: req.db).filter(\.$publicCode == code).filter(\.$active == true).first() else {
            throw Problem.notFound("rental unit")
        }
        return unit
    }

    /// The landlord link's token and the landlord's active units (same landlord phone), or 404.
    static func landlordUnits(_ req: Request) async throws -> (String, [RentalUnit]) {
        guard let token = req.parameters.get("token"), (20...80).contains(token.count),
              let unit = try await RentalUnit.query(on: req.db).filter(\.$landlordTokenHash == req.lianxin.cipher.tokenHash(token)).first() else {
            throw Problem.notFound("landlord link")
        }
        let units = try await RentalUnit.query(on: req.db).filter(\.$landlordPhoneIndex == unit.landlordPhoneIndex)
            .filter(\.$active == true).sort(\.$address).sort(\.$id).all()
        return (token, units)
    }
}

/// The public code of a rental unit: 12 characters from an alphabet without look-alikes (about 60 bits).
enum RentalCode {
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    static func isWellFormed(_ text: String) -> Bool { text.count == 12 && text.allSatisfy(alphabet.contains) }
}
