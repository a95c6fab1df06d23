import Vapor
import Fluent
import LianxinCore

/// `lianxin import settlements`: the four published files read and checked whole — every row's
/// columns, settlement ids once, institutions registered, lines of a known settlement — then written
/// in one transaction (patient IDs sealed, found by blind index), or nothing; screening follows.
struct SettlementImporter {
    let application: Application
    /// The most rows a file may have (a year of a county's lines fits).
    static let maximumRows = 5_000_000

    /// The texts of the files; `items`, `prices` and `sexItems` may be left out.
    struct Files: Sendable {
        var settlements: String?
        var items: String?
        var prices: String?
        var sexItems: String?
    }

    struct Report: Sendable, Content {
        var settlements = 0
        var lines = 0
        var references = 0
        var screening: ScreeningService.Report?
    }

    func importFiles(_ files: Files, actor: AuditActor, progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Report {
        let context = application.lianxin
        let texts = InputValidator(context.localizer)
        var problems: [Problem.FieldError] = []
        func table(_ text: String?, _ name: String) -> CSVTable? {
            guard let text else { return nil }
            do {
                try ImportLimits.checkRows(text, limit: Self.maximumRows, texts)
                return try CSVTable(parsing: text)
            } catch let error as CSVTable.ParseError {
                problems.append(.init(field: name, message: "\(error)"))
            } catch {
                problems.append(.init(field: name, message: texts.message("mi_csv_too_many_rows", ["rows": "\(Self.maximumRows)"])))
            }
            return nil
        }
        func report(_ name: String, _ found: [ClaimCSV.Problem]) {
            problems += found.map {
                .init(
                    field: "\(name) line \($0.line), \($0.column)",
                    message: texts.message("mi_csv_\($0.reason.rawValue)", ["column": $0.column]))
            }
        }
        let settlementTable = table(files.settlements, "settlements.csv")
        let itemTable = table(files.items, "items.csv")
        let priceTable = table(files.prices, "prices.csv")
        let sexTable = table(files.sexItems, "sex_items.csv")
        let settlements = settlementTable.map { ClaimCSV.settlements($0, now: context.now()) }
        if let settlements { report("settlements.csv", settlements.problems) }
        progress("settlements.csv: \(settlements?.records.count ?? 0) rows read")
        let items = itemTable.map(ClaimCSV.items)
        if let items { report("items.csv", items.problems) }
        progress("items.csv: \(items?.records.count ?? 0) rows read")
        let prices = priceTable.map(ClaimCSV.prices)
        if let prices { report("prices.csv", prices.problems) }
        let sexItems = sexTable.map(ClaimCSV.sexItems)
        if let sexItems { report("sex_items.csv", sexItems.problems) }

        let db = application.db
        let institutions = try await InsuranceStore.institutions(on: db)
        let rows = settlements?.records ?? []
        var unknownInstitutions: [ClaimCSV.Problem] = []
        for (row, line) in zip(rows, settlements?.lines ?? []) where institutions[row.settlement.institutionCode] == nil {
            unknownInstitutions.append(.init(line: line, column: "institution_code", reason: .unknownInstitution))
        }
        report("settlements.csv", unknownInstitutions)
        let fileIDs = Set(rows.map(\.settlement.id))
        var stored: Set<String> = []
        for chunk in Array(fileIDs).chunked(500) {
            stored.formUnion(try await InsuranceSettlement.query(on: db).filter(\.$settlementID ~~ chunk).all(\.$settlementID))
        }
        report(
            "settlements.csv",
            zip(rows, settlements?.lines ?? []).filter { stored.contains($0.0.settlement.id) }.map {
                .init(line: $0.1, column: "settlement_id", reason: .alreadyImported)
            })
        if let items {
            var known = fileIDs
            let referenced = Set(items.records.map(\.settlementID)).subtracting(fileIDs)
            for chunk in Array(referenced).chunked(500) {
                known.formUnion(try await InsuranceSettlement.query(on: db).filter(\.$settlementID ~~ chunk).all(\.$settlementID))
            }
            report("items.csv", ClaimCSV.orphanItems(items, settlements: known))
        }
        progress("checked: \(problems.count) problems")
        guard problems.isEmpty else { throw Problem.invalid(problems, detail: texts.message("mi_csv_refused", ["count": "\(problems.count)"])) }

        let cipher = context.cipher
        let models = try rows.map { row in
            let model = InsuranceSettlement()
            let id = UUID()
            let s = row.settlement
            model.id = id
            model.settlementID = s.id
            model.institutionCode = s.institutionCode
            model.divisionCode = institutions[s.institutionCode]?.divisionCode ?? ""
            model.patientIDCipher = try cipher.seal(row.patientID, for: .insurancePatientID, row: id)
            model.patientIDIndex = cipher.blindIndex(row.patientID)
            model.patientSex = s.sex.rawValue
            model.patientBirthDate = s.birthDate.description
            model.visitType = s.visitType.rawValue
            model.admissionDate = s.admissionDate.description
            model.dischargeDate = s.dischargeDate.description
            model.primaryDiagnosis = s.primaryDiagnosis
            model.secondaryDiagnoses = s.secondaryDiagnoses.joined(separator: ";")
            model.totalFen = Int64(s.totalFen)
            model.fundFen = Int64(s.fundFen)
            model.settledAt = s.settledAt
            return model
        }
        let lineModels = (items?.records ?? []).map { item in
            let model = InsuranceItem()
            model.id = UUID()
            model.settlementID = item.settlementID
            model.lineNo = item.lineNo
            model.itemCode = item.itemCode
            model.itemName = item.itemName
            model.itemType = item.itemType.rawValue
            model.quantity = item.quantity
            model.unitPriceFen = Int64(item.unitPriceFen)
            model.amountFen = Int64(item.amountFen)
            model.daysSupply = item.daysSupply
            model.doctorCode = item.doctorCode
            model.chargedAt = item.chargedAt.description
            return model
        }
        var referenceRows: [String: (price: Int?, sex: ClaimSex?)] = [:]
        for price in prices?.records ?? [] { referenceRows[price.code, default: (nil, nil)].price = price.value }
        for sex in sexItems?.records ?? [] { referenceRows[sex.code, default: (nil, nil)].sex = sex.value }
        let references = referenceRows
        try await context.writes.run {
            try await db.transaction { db in
                let existing = Dictionary(
                    try await InsuranceReferenceItem.query(on: db).all().map { ($0.itemCode, $0) }, uniquingKeysWith: { first, _ in first })
                for (code, values) in references.sorted(by: { $0.key < $1.key }) {
                    let row = existing[code] ?? InsuranceReferenceItem()
                    row.itemCode = code
                    if let price = values.price { row.maxUnitPriceFen = Int64(price) }
                    if let sex = values.sex { row.sex = sex.rawValue }
                    try await row.save(on: db)
                }
                if priceTable != nil {
                    let listed = Set(prices?.records.map(\.code) ?? [])
                    for row in existing.values where row.maxUnitPriceFen != nil && !listed.contains(row.itemCode) {
                        row.maxUnitPriceFen = nil
                        try await row.save(on: db)
                    }
                }
                if sexTable != nil {
                    let listed = Set(sexItems?.records.map(\.code) ?? [])
                    for row in existing.values where row.sex != nil && !listed.contains(row.itemCode) {
                        row.sex = nil
                        try await row.save(on: db)
                    }
                }
                var written = 0
                for chunk in models.chunked(500) {
                    try await chunk.create(on: db)
                    written += chunk.count
                    if written % 10_000 < 500 || written == models.count { progress("settlements written: \(written)/\(models.count)") }
                }
                written = 0
                for chunk in lineModels.chunked(500) {
                    try await chunk.create(on: db)
                    written += chunk.count
                    if written % 50_000 < 500 || written == lineModels.count { progress("lines written: \(written)/\(lineModels.count)") }
                }
                try await AuditLog.record(
                    .settlementsImported, result: .success, actor: actor, target: "mi_settlements",
                    detail: "\(models.count) settlements, \(lineModels.count) lines, \(references.count) reference items", at: context.now(),
                    on: db)
            }
        }
        var result = Report(settlements: models.count, lines: lineModels.count, references: referenceRows.count)
        result.screening = try await context.writes.run {
            try await ScreeningService(database: db, now: context.now()).run(progress: progress)
        }
        return result
    }
}
