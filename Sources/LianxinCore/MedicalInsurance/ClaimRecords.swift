import Foundation

/// A calendar day of a claim (admission, discharge, charge), counted in days since 1970-01-01 so that
/// stays and gaps are plain subtraction.
public struct ClaimDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1..<13).contains(month), day >= 1, day <= ClaimDay.length(ofMonth: month, year: year) else { return nil }
        ordinal = Int(ISOTimestamp.days(fromCivil: year, month, day))
    }

    /// Reads `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: ClaimDay, rhs: ClaimDay) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func + (lhs: ClaimDay, rhs: Int) -> ClaimDay { ClaimDay(ordinal: lhs.ordinal + rhs) }

    /// Whole days from `self` to `other`.
    public func days(to other: ClaimDay) -> Int { other.ordinal - ordinal }

    public var description: String {
        let (year, month, day) = ISOTimestamp.civil(fromDays: Int64(ordinal))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// An amount of money in fen (分), so that sums are exact.
public enum ClaimMoney {
    /// Reads `123`, `123.4` or `123.45` (yuan); nil for anything else, negatives included.
    public static func fen(_ text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), let yuan = Int(whole)
        else { return nil }
        var fen = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fen = Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        return yuan * 100 + fen
    }

    /// Yuan with two decimals, e.g. 12345 → "123.45".
    public static func yuan(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = abs(fen)
        return "\(sign)\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }
}

/// The patient's sex as the settlement records it (1 male, 2 female).
public enum ClaimSex: String, Sendable, Hashable, Codable, CaseIterable {
    case male = "1"
    case female = "2"
}

/// Outpatient or inpatient.
public enum VisitType: String, Sendable, Hashable, Codable, CaseIterable {
    case outpatient
    case inpatient
}

/// What a charged line is.
public enum ClaimItemType: String, Sendable, Hashable, Codable, CaseIterable {
    case drug, exam, treatment, material, bed, other
}

/// One row of `settlements.csv`: a settled visit. `patientKey` identifies the patient for linking
/// visits (the ID number itself or its blind index; the rules only compare it).
public struct Settlement: Sendable, Hashable, Codable {
    public var id: String
    public var institutionCode: String
    public var patientKey: String
    public var sex: ClaimSex
    public var birthDate: ClaimDay
    public var visitType: VisitType
    public var admissionDate: ClaimDay
    public var dischargeDate: ClaimDay
    public var primaryDiagnosis: String
    public var secondaryDiagnoses: [String]
    public var totalFen: Int
    public var fundFen: Int
    public var settledAt: Date

    public init(
        id: String, institutionCode: String, patientKey: String, sex: ClaimSex, birthDate: ClaimDay, visitType: VisitType,
        admissionDate: ClaimDay, dischargeDate: ClaimDay, primaryDiagnosis: String, secondaryDiagnoses: [String] = [],
        totalFen: Int, fundFen: Int, settledAt: Date
    ) {
        self.id = id
        self.institutionCode = institutionCode
        self.patientKey = patientKey
        self.sex = sex
        self.birthDate = birthDate
        self.visitType = visitType
        self.admissionDate = admissionDate
        self.dischargeDate = dischargeDate
        self.primaryDiagnosis = primaryDiagnosis
        self.secondaryDiagnoses = secondaryDiagnoses
        self.totalFen = totalFen
        self.fundFen = fundFen
        self.settledAt = settledAt
    }

    /// The first three characters of the primary diagnosis (the ICD-10 category), upper-cased.
    public var diagnosisGroup: String { String(primaryDiagnosis.uppercased().prefix(3)) }
}

/// One row of `items.csv`: a charged line of a settlement.
public struct SettlementItem: Sendable, Hashable, Codable {
    public var settlementID: String
    public var lineNo: Int
    public var itemCode: String
    public var itemName: String
    public var itemType: ClaimItemType
    public var quantity: Double
    public var unitPriceFen: Int
    public var amountFen: Int
    public var daysSupply: Int?
    public var doctorCode: String
    public var chargedAt: ClaimDay

    public init(
        settlementID: String, lineNo: Int, itemCode: String, itemName: String, itemType: ClaimItemType, quantity: Double,
        unitPriceFen: Int, amountFen: Int, daysSupply: Int? = nil, doctorCode: String, chargedAt: ClaimDay
    ) {
        self.settlementID = settlementID
        self.lineNo = lineNo
        self.itemCode = itemCode
        self.itemName = itemName
        self.itemType = itemType
        self.quantity = quantity
        self.unitPriceFen = unitPriceFen
        self.amountFen = amountFen
        self.daysSupply = daysSupply
        self.doctorCode = doctorCode
        self.chargedAt = chargedAt
    }
}

/// The reference lists the rules read: the price list (`prices.csv`) and the sex-specific items (`sex_items.csv`).
public struct ClaimReferences: Sendable, Hashable {
    public var maxUnitPriceFen: [String: Int]
    public var itemSex: [String: ClaimSex]

    public init(maxUnitPriceFen: [String: Int] = [:], itemSex: [String: ClaimSex] = [:]) {
        self.maxUnitPriceFen = maxUnitPriceFen
        self.itemSex = itemSex
    }
}
