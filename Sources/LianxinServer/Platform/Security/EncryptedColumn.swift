import Foundation

/// Every column that holds a `FieldCipher` ciphertext, by table and column; the rows are keyed by
/// a UUID `id`. `lianxin keys rotate` re-encrypts exactly these, and a test checks that every
/// `*_cipher` column of the schema is listed.
struct EncryptedColumn: Sendable, Hashable, CustomStringConvertible {
    let table: String
    let column: String
    /// Whether the ciphertext is bound to its row (associated data); see `FieldCipher.seal(_:)`.
    let bound: Bool

    init(_ table: String, _ column: String, bound: Bool = true) {
        self.table = table
        self.column = column
        self.bound = bound
    }

    func at(_ row: UUID) -> FieldAddress { FieldAddress(table, column, row: row) }

    var description: String { "\(table).\(column)" }

    static let workOrderRequesterPhone = EncryptedColumn("work_orders", "requester_phone_cipher")
    static let residentIDNumber = EncryptedColumn("residents", "id_number_cipher")
    static let residentPhone = EncryptedColumn("residents", "phone_cipher")
    static let landlordPhone = EncryptedColumn("rental_units", "landlord_phone_cipher")
    static let tenantIDNumber = EncryptedColumn("tenancies", "id_number_cipher")
    static let tenantPhone = EncryptedColumn("tenancies", "phone_cipher")
    static let webhookSecret = EncryptedColumn("webhook_subscriptions", "secret_cipher")
    /// Sealed unbound by the accounts code (`FieldCipher.seal(_:)`).
    static let userTOTPSecret = EncryptedColumn("users", "totp_secret_cipher", bound: false)
    static let mediationPartyName = EncryptedColumn("mediation_parties", "name_cipher")
    static let mediationPartyPhone = EncryptedColumn("mediation_parties", "phone_cipher")
    static let petitionerName = EncryptedColumn("petitions", "name_cipher")
    static let petitionerPhone = EncryptedColumn("petitions", "phone_cipher")
    static let serviceOrderPhone = EncryptedColumn("cs_service_orders", "phone_cipher")
    static let wishPhone = EncryptedColumn("cs_wishes", "phone_cipher")
    static let volunteerPhone = EncryptedColumn("cs_volunteers", "phone_cipher")
    static let departmentLiaisonPhone = EncryptedColumn("department_liaisons", "phone_cipher")
    static let userPhone = EncryptedColumn("users", "phone_cipher")
    static let insurancePatientID = EncryptedColumn("mi_settlements", "patient_id_cipher")
    static let talentContactPhone = EncryptedColumn("talent_orgs", "contact_phone_cipher")
    static let talentPhone = EncryptedColumn("talent_profiles", "phone_cipher")
    static let talentIDNumber = EncryptedColumn("talent_profiles", "id_number_cipher")
    static let talentDemandContactPhone = EncryptedColumn("talent_demands", "contact_phone_cipher")
    static let newEmploymentPhone = EncryptedColumn("ne_workers", "phone_cipher")
    static let canteenDinerIDNumber = EncryptedColumn("canteen_diners", "id_number_cipher")
    static let conductReporterName = EncryptedColumn("oversight_reports", "reporter_name_cipher")
    static let conductReporterPhone = EncryptedColumn("oversight_reports", "reporter_phone_cipher")
    static let volunteerSupervisorPhone = EncryptedColumn("oversight_volunteers", "phone_cipher")
    /// Only test messages (`lianxin notifications test`) carry their phone; others read it at send time.
    static let outboxPhone = EncryptedColumn("notification_outbox", "phone_cipher")

    static let all: [EncryptedColumn] = [
        workOrderRequesterPhone, residentIDNumber, residentPhone, landlordPhone, tenantIDNumber, tenantPhone, webhookSecret,
        userTOTPSecret, mediationPartyName, mediationPartyPhone, petitionerName, petitionerPhone, serviceOrderPhone, wishPhone,
        volunteerPhone, departmentLiaisonPhone, userPhone, insurancePatientID, talentContactPhone, talentPhone, talentIDNumber,
        talentDemandContactPhone, outboxPhone, newEmploymentPhone, canteenDinerIDNumber,
        conductReporterName, conductReporterPhone, volunteerSupervisorPhone,
    ]
}
