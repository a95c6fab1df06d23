import Vapor
import Fluent
import LianxinCore

/// The landlord's page of a unit: current tenants and checking them out.
extension CheckInPagesController {
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
        let tenancies =
            ids.isEmpty
            ? []
            : try await Tenancy.query(on: req.db).filter(\.$unitID ~~ ids).filter(\.$movedOut == nil)
                .sort(\.$movedIn).sort(\.$name).all()
        let cipher = req.lianxin.cipher
        let model = LandlordModel(
            token: token, landlordName: units.first.map { PersonalDataMask.name($0.landlordName) } ?? "",
            units: try units.map { unit in
                let tenants = try tenancies.filter { $0.unitID == unit.id }.map {
                    LandlordModel.Tenant(
                        id: try $0.requireID().uuidString, name: PersonalDataMask.name($0.name),
                        idNumber: PersonalDataMask.idNumber(try cipher.open($0.idNumberCipher, for: .tenantIDNumber, row: try $0.requireID())),
                        phone: PersonalDataMask.phone(try cipher.open($0.phoneCipher, for: .tenantPhone, row: try $0.requireID())),
                        movedIn: $0.movedIn)
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
            let unit = units.first(where: { $0.id == tenancy.unitID })
        else { throw Problem.notFound("tenancy") }
        let context = req.lianxin
        let now = context.now()
        try await context.writes.run {
            try await req.db.transaction { db in
                // Read again inside the transaction so that two clicks close the stay once.
                guard let current = try await Tenancy.find(id, on: db), current.movedOut == nil else { return }
                current.movedOut = TenantCheckIn.dayString(now)
                current.checkedOutBy = "landlord:\(unit.publicCode)"
                try await current.update(on: db)
                try await AuditLog.record(
                    .tenantCheckedOut, result: .success,
                    actor: AuditActor(id: nil, name: "landlord", role: nil, division: unit.communityCode),
                    target: "tenancy:\(id)", ip: req.clientIP, requestID: req.id, detail: "unit \(unit.publicCode)", at: now, on: db)
            }
        }
        return req.redirect(to: "/p/landlord/\(token)?checkedOut=1", redirectType: .normal)
    }

    /// The active unit of the code in the URL, or 404.
    static func unit(_ req: Request) async throws -> RentalUnit {
        guard let code = req.parameters.get("code"), RentalCode.isWellFormed(code),
            let unit = try await RentalUnit.query(on: req.db).filter(\.$publicCode == code).filter(\.$active == true).first()
        else {
            throw Problem.notFound("rental unit")
        }
        return unit
    }

    /// The landlord link's token and the landlord's active units (same landlord phone) in the
    /// community of the unit the link was issued for, or 404. Never further: whoever registers a
    /// unit with someone's phone would otherwise reach that person's units in other communities
    /// and counties, which the staff who issued the link cannot see themselves.
    static func landlordUnits(_ req: Request) async throws -> (String, [RentalUnit]) {
        guard let token = req.parameters.get("token"), (20...80).contains(token.count),
            let unit = try await RentalUnit.query(on: req.db).filter(\.$landlordTokenHash == req.lianxin.cipher.tokenHash(token)).first()
        else {
            throw Problem.notFound("landlord link")
        }
        let units = try await RentalUnit.query(on: req.db).filter(\.$landlordPhoneIndex == unit.landlordPhoneIndex)
            .filter(\.$communityCode == unit.communityCode)
            .filter(\.$active == true).sort(\.$address).sort(\.$id).all()
        return (token, units)
    }
}
