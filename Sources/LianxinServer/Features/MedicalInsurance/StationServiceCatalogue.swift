/// The 14 common services the hospitals' medical-insurance stations handle for patients (帮办代办),
/// by stable code; their names are in the locale files (`mi_service_<code>`).
enum StationServiceCatalogue {
    static let codes = [
        "enrolment", "contribution", "card-activation", "record-transfer", "chronic-illness", "special-drugs",
        "referral-filing", "out-of-area-filing", "manual-reimbursement", "major-illness", "medical-assistance", "long-term-care",
        "policy-advice", "complaint",
    ]
}
