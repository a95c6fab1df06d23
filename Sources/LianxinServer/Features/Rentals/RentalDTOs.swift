import Vapor
import LianxinCore

/// A tenant as staff see them: name, ID number and phone masked.
struct TenantDTO: Content {
    var id: UUID
    var name: String
    var idNumber: String
    var phone: String
    var gender: String
    var registrationDivision: String
    var movedIn: String
    var movedOut: String?

    init(_ tenancy: Tenancy, cipher: FieldCipher) throws {
        id = try tenancy.requireID()
        name = PersonalDataMask.name(tenancy.name)
        idNumber = PersonalDataMask.idNumber(try cipher.open(tenancy.idNumberCipher, for: .tenantIDNumber, row: try tenancy.requireID()))
        phone = PersonalDataMask.phone(try cipher.open(tenancy.phoneCipher, for: .tenantPhone, row: try tenancy.requireID()))
        gender = tenancy.gender
        registrationDivision = tenancy.registrationDivision
        movedIn = tenancy.movedIn
        movedOut = tenancy.movedOut
    }
}

/// A rental unit; `landlordLink` only in the answer that created it, `currentTenants` only for one unit.
struct RentalUnitDTO: Content {
    var id: UUID
    var publicCode: String
    var checkInUrl: String
    var address: String
    var buildingId: UUID?
    var gridCode: String
    var communityCode: String
    var landlordName: String
    var landlordPhone: String
    var active: Bool
    var createdAt: Date
    var landlordLink: String?
    var currentTenants: [TenantDTO]?

    init(_ unit: RentalUnit, baseURL: String, cipher: FieldCipher) throws {
        id = try unit.requireID()
        publicCode = unit.publicCode
        checkInUrl = Self.checkInURL(unit.publicCode, baseURL: baseURL)
        address = unit.address
        buildingId = unit.buildingID
        gridCode = unit.gridCode
        communityCode = unit.communityCode
        landlordName = unit.landlordName
        landlordPhone = PersonalDataMask.phone(try cipher.open(unit.landlordPhoneCipher, for: .landlordPhone, row: try unit.requireID()))
        active = unit.active
        createdAt = unit.createdAt
    }

    /// The address the unit's QR code carries.
    static func checkInURL(_ code: String, baseURL: String) -> String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/p/checkin/" + code
    }
}

/// A grid member's visit task with what they need to find the tenant.
struct VisitTaskDTO: Content {
    var id: UUID
    var kind: String
    var gridCode: String
    var dueAt: Date
    var overdue: Bool
    var doneAt: Date?
    var note: String?
    var tenancyId: UUID?
    var tenantName: String?
    var address: String?
    var movedIn: String?
}

/// 双重管理: a floating resident as the registration place (outgoing) or the residence place (incoming) sees them.
struct FloatingResidentDTO: Content {
    var name: String
    var idNumber: String
    var registrationDivision: String
    var registrationDivisionName: String
    var communityCode: String
    var communityName: String
    var since: String
    /// Incoming only: the stay and the unit.
    var tenancyId: UUID?
    var gridCode: String?
    var address: String?
}
