import Foundation

/// The four files other systems feed (settlements, items, prices, sex items), in exactly the
/// columns the supervision platform publishes. Readers check every row and name every problem;
/// writers produce the same columns (the generator and exports use them).
public enum ClaimCSV {
    public static let settlementColumns = [
        "settlement_id", "institution_code", "patient_id", "patient_sex", "patient_birth_date", "visit_type", "admission_date",
        "discharge_date", "primary_diagnosis", "secondary_diagnoses", "total_amount", "fund_amount", "settled_at",
    ]
    public static let itemColumns = [
        "settlement_id", "line_no", "item_code", "item_name", "item_type", "quantity", "unit_price", "amount", "days_supply",
        "doctor_code", "charged_at",
    ]
    public static let priceColumns = ["item_code", "max_unit_price"]
    public static let sexItemColumns = ["item_code", "sex"]

    /// One problem of one row: the file line, the column and what is wrong.
    public struct Problem: Sendable, Hashable, Error {
        public enum Reason: String, Sendable, Hashable {
            case missingColumn, missing, invalid, duplicate, order, unknownSettlement, unknownInstitution, alreadyImported
        }

        public var line: Int
        public var column: String
        public var reason: Reason

        public init(line: Int, column: String, reason: Reason) {
            self.line = line
            self.column = column
            self.reason = reason
        }
    }

    /// What a reader found: the records it could read and every problem.
    public struct Reading<Record: Sendable>: Sendable {
        public var records: [Record]
        /// The file line of each record.
        public var lines: [Int] = []
        public var problems: [Problem]
    }

    /// A settlement row before its patient ID is replaced by a key: the ID stays with the caller, which encrypts it.
    public struct SettlementRow: Sendable, Hashable {
        public var settlement: Settlement
        public var patientID: String
    }

    // MARK: - Readers

    public static func settlements(_ table: CSVTable, now: Date) -> Reading<SettlementRow> {
        var problems = missingColumns(table, settlementColumns)
        guard problems.isEmpty else { return Reading(records: [], problems: problems) }
        let index = columnIndex(table, settlementColumns)
        var seen: Set<String> = []
        var rows: [SettlementRow] = []
        var lines: [Int] = []
        for (line, fields) in table.rows {
            var row = Row(line: line, fields: fields, index: index)
            let id = row.text("settlement_id")
            if let id, !seen.insert(id).inserted { row.fail("settlement_id", .duplicate) }
            let institution = row.text("institution_code")
            let patient = row.value("patient_id") { text in (try? ResidentIDNumber(validating: text, now: now))?.value }
            let sex = row.value("patient_sex") { ClaimSex(rawValue: $0) }
            let birth = row.value("patient_birth_date") { ClaimDay($0) }
            let visit = row.value("visit_type") { VisitType(rawValue: $0) }
            let admission = row.value("admission_date") { ClaimDay($0) }
            let discharge = row.value("discharge_date") { ClaimDay($0) }
            let diagnosis = row.value("primary_diagnosis") { isDiagnosis($0) ? $0.uppercased() : nil }
            let secondary = row.optional("secondary_diagnoses") { text -> [String]? in
                let codes = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                return codes.allSatisfy(isDiagnosis) ? codes : nil
            }
            let total = row.value("total_amount") { ClaimMoney.fen($0) }
            let fund = row.value("fund_amount") { ClaimMoney.fen($0) }
            let settled = row.value("settled_at") { ISOTimestamp.parse($0) }
            if let admission, let discharge, discharge < admission { row.fail("discharge_date", .order) }
            if let total, let fund, fund > total { row.fail("fund_amount", .order) }
            problems += row.problems
            guard row.problems.isEmpty, let id, let institution, let patient, let sex, let birth, let visit, let admission,
                let discharge, let diagnosis, let total, let fund, let settled
            else { continue }
            lines.append(line)
            rows.append(
                SettlementRow(
                    settlement: Settlement(
                        id: id, institutionCode: institution, patientKey: patient, sex: sex, birthDate: birth, visitType: visit,
                        admissionDate: admission, dischargeDate: discharge, primaryDiagnosis: diagnosis,
                        secondaryDiagnoses: secondary ?? [], totalFen: total, fundFen: fund, settledAt: settled),
                    patientID: patient))
        }
        return Reading(records: rows, lines: lines, problems: problems)
    }

    public static func items(_ table: CSVTable) -> Reading<SettlementItem> {
        var problems = missingColumns(table, itemColumns)
        guard problems.isEmpty else { return Reading(records: [], problems: problems) }
        let index = columnIndex(table, itemColumns)
        struct LineKey: Hashable {
            let settlement: String
            let line: Int
        }
        var seen: Set<LineKey> = []
        var items: [SettlementItem] = []
        var lines: [Int] = []
        items.reserveCapacity(table.rows.count)
        for (line, fields) in table.rows {
            var row = Row(line: line, fields: fields, index: index)
            let settlement = row.text("settlement_id")
            let lineNo = row.value("line_no") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
            if let settlement, let lineNo, !seen.insert(LineKey(settlement: settlement, line: lineNo)).inserted {
                row.fail("line_no", .duplicate)
            }
            let code = row.text("item_code")
            let name = row.text("item_name")
            let type = row.value("item_type") { ClaimItemType(rawValue: $0) }
            let quantity = row.value("quantity") { Double($0).flatMap { $0.isFinite && $0 > 0 ? $0 : nil } }
            let unitPrice = row.value("unit_price") { ClaimMoney.fen($0) }
            let amount = row.value("amount") { ClaimMoney.fen($0) }
            let days = row.optional("days_supply") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
            let doctor = row.text("doctor_code")
            let charged = row.value("charged_at") { ClaimDay($0) }
            problems += row.problems
            guard row.problems.isEmpty, let settlement, let lineNo, let code, let name, let type, let quantity, let unitPrice,
                let amount, let doctor, let charged
            else { continue }
            lines.append(line)
            items.append(
                SettlementItem(
                    settlementID: settlement, lineNo: lineNo, itemCode: code, itemName: name, itemType: type, quantity: quantity,
                    unitPriceFen: unitPrice, amountFen: amount, daysSupply: days, doctorCode: doctor, chargedAt: charged))
        }
        return Reading(records: items, lines: lines, problems: problems)
    }

    public static func prices(_ table: CSVTable) -> Reading<(code: String, value: Int)> {
        keyed(table, priceColumns) { row in row.value("max_unit_price") { ClaimMoney.fen($0) } }
    }

    public static func sexItems(_ table: CSVTable) -> Reading<(code: String, value: ClaimSex)> {
        keyed(table, sexItemColumns) { row in row.value("sex") { ClaimSex(rawValue: $0) } }
    }

    /// A problem for each item whose settlement is not among `settlements`.
    public static func orphanItems(_ reading: Reading<SettlementItem>, settlements: Set<String>) -> [Problem] {
        zip(reading.records, reading.lines).filter { !settlements.contains($0.0.settlementID) }.map {
            Problem(line: $0.1, column: "settlement_id", reason: .unknownSettlement)
        }
    }

    // MARK: - Writers

    public static func line(_ row: SettlementRow) -> String {
        let s = row.settlement
        return CSVWriter.line([
            s.id, s.institutionCode, row.patientID, s.sex.rawValue, s.birthDate.description, s.visitType.rawValue,
            s.admissionDate.description, s.dischargeDate.description, s.primaryDiagnosis, s.secondaryDiagnoses.joined(separator: ";"),
            ClaimMoney.yuan(s.totalFen), ClaimMoney.yuan(s.fundFen), ISOTimestamp.format(s.settledAt),
        ])
    }

    public static func line(_ item: SettlementItem) -> String {
        let quantity = item.quantity == item.quantity.rounded() ? String(Int(item.quantity)) : String(item.quantity)
        return CSVWriter.line([
            item.settlementID, "\(item.lineNo)", item.itemCode, item.itemName, item.itemType.rawValue, quantity,
            ClaimMoney.yuan(item.unitPriceFen), ClaimMoney.yuan(item.amountFen), item.daysSupply.map(String.init) ?? "",
            item.doctorCode, item.chargedAt.description,
        ])
    }

    // MARK: - Helpers

    /// ICD-10 shaped: a letter, two digits or a digit and a letter, then an optional dot and up to 4 more characters.
    public static func isDiagnosis(_ code: String) -> Bool {
        let bytes = Array(code.uppercased().utf8)
        guard (3...8).contains(bytes.count), (0x41...0x5A).contains(bytes[0]), (0x30...0x39).contains(bytes[1]) else { return false }
        return bytes.dropFirst(2).allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || $0 == 0x2E }
    }

    private static func missingColumns(_ table: CSVTable, _ columns: [String]) -> [Problem] {
        columns.filter { !table.header.contains($0) }.map { Problem(line: 1, column: $0, reason: .missingColumn) }
    }

    private static func columnIndex(_ table: CSVTable, _ columns: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0, table.header.firstIndex(of: $0)!) })
    }

    private static func keyed<Value>(_ table: CSVTable, _ columns: [String], _ read: (inout Row) -> Value?) -> Reading<(code: String, value: Value)> {
        var problems = missingColumns(table, columns)
        guard problems.isEmpty else { return Reading(records: [], problems: problems) }
        let index = columnIndex(table, columns)
        var seen: Set<String> = []
        var records: [(code: String, value: Value)] = []
        var lines: [Int] = []
        for (line, fields) in table.rows {
            var row = Row(line: line, fields: fields, index: index)
            let code = row.text("item_code")
            if let code, !seen.insert(code).inserted { row.fail("item_code", .duplicate) }
            let value = read(&row)
            problems += row.problems
            if row.problems.isEmpty, let code, let value {
                records.append((code: code, value: value))
                lines.append(line)
            }
        }
        return Reading(records: records, lines: lines, problems: problems)
    }

    /// One row being read, collecting its problems.
    struct Row {
        let line: Int
        let fields: [String]
        let index: [String: Int]
        var problems: [Problem] = []

        init(line: Int, fields: [String], index: [String: Int]) {
            self.line = line
            self.fields = fields
            self.index = index
        }

        mutating func fail(_ column: String, _ reason: Problem.Reason) {
            problems.append(Problem(line: line, column: column, reason: reason))
        }

        func raw(_ column: String) -> String { fields[index[column]!].trimmingCharacters(in: .whitespaces) }

        mutating func text(_ column: String) -> String? {
            let value = raw(column)
            if value.isEmpty { fail(column, .missing); return nil }
            if value.count > 100 { fail(column, .invalid); return nil }
            return value
        }

        mutating func value<T>(_ column: String, _ parse: (String) -> T?) -> T? {
            guard let text = text(column) else { return nil }
            guard let value = parse(text) else { fail(column, .invalid); return nil }
            return value
        }

        mutating func optional<T>(_ column: String, _ parse: (String) -> T?) -> T? {
            let text = raw(column)
            guard !text.isEmpty else { return nil }
            guard let value = parse(text) else { fail(column, .invalid); return nil }
            return value
        }
    }
}
