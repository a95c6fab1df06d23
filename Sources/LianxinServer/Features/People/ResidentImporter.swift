import Vapor
import Fluent
import LianxinCore

/// Loads a resident file (see `ResidentColumn`): every row is checked first — ID number checksum
/// and embedded birth date (GB 11643), phone, required fields, known grid in force (and in the
/// importer's scope), community, tags, relation, one head per household, duplicate ID numbers in
/// the file and against the registry (by blind index) — and every problem is reported with its
/// line (the first 200). Only a clean file is written, in one transaction with multi-row inserts.
struct ResidentImporter {
    let app: Application

    /// Problems listed in a report; the total is always given.
    static let reportLimit = 200

    /// One checked row, ready to write.
    struct Row: Sendable {
        var line: Int
        var grid: String
        var community: String
        var building: String
        var buildingKind: String?
        var door: String
        var householdTags: [String]
        var name: String
        var idNumber: ResidentIDNumber
        var idIndex: String
        var phone: PhoneNumber?
        var relation: HouseholdRelation
        var tags: [String]
        var registrationDivision: String?
        var residenceType: String
        /// Where the building stands (WGS84), when the file says.
        var buildingPosition: GeoPoint?
        var householdKey: String { grid + "\u{1F}" + building + "\u{1F}" + door }
    }

    private struct Issue {
        var line: Int
        var column: String
        var message: String
    }

    /// Imports `text`; `scope` (nil on the command line) limits the grids rows may go to.
    func importCSV(
        _ text: String, scope: RegistryScope?, actor: AuditActor,
        progress: (@Sendable (ResidentImportProgress) -> Void)? = nil
    ) async throws -> ResidentImportReport {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw Problem.invalid(field: "/file", "\(error)")
        }
        var columns: [ResidentColumn: Int] = [:]
        for column in ResidentColumn.allCases {
            if let index = column.headers.lazy.compactMap({ table.header.firstIndex(of: $0) }).first { columns[column] = index }
        }
        let missing = ResidentColumn.required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw Problem.invalid(
                missing.map { .init(field: "/header/\($0.rawValue)", message: "the column \($0.header) is missing / 缺少列 \($0.header)") },
                detail: "The resident file lacks required columns / 居民文件缺少必需的列")
        }
        guard !table.rows.isEmpty else { throw Problem.invalid(field: "/rows", "the file has no resident / 文件中没有居民") }

        let now = app.lianxin.now()
        let cipher = app.lianxin.cipher
        let total = table.rows.count
        func cell(_ fields: [String], _ column: ResidentColumn) -> String {
            columns[column].map { fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        }

        // Reference data: grids in force named in the file, the tag catalogue.
        let gridCodes = Set(table.rows.map { cell($0.fields, .grid) }.filter { !$0.isEmpty })
        var gridCommunity: [String: String] = [:]
        for chunk in Array(gridCodes).chunked(500) {
            for grid in try await Grid.query(on: app.db).filter(\.$validTo == nil).filter(\.$code ~~ chunk).all()
            where scope?.contains(grid: grid.code, community: grid.communityCode) ?? true {
                gridCommunity[grid.code] = grid.communityCode
            }
        }
        var tagCodes: [String: String] = [:]
        for tag in try await ResidentTagRecord.query(on: app.db).filter(\.$active == true).all() {
            guard let code = tag.id else { continue }
            tagCodes[code] = code
            tagCodes[tag.chineseLabel] = code
        }

        var issues: [Issue] = []
        var rows: [Row] = []
        rows.reserveCapacity(total)
        var firstLineOfIndex: [String: Int] = [:]
        var headLineOfHousehold: [String: Int] = [:]
        for (position, (line, fields)) in table.rows.enumerated() {
            if position > 0, position % 10_000 == 0 { progress?(.init(phase: .checking, done: position, total: total)) }
            var rowIssues: [Issue] = []
            func fail(_ column: ResidentColumn, _ message: String) { rowIssues.append(Issue(line: line, column: column.rawValue, message: message)) }
            func required(_ column: ResidentColumn, maxLength: Int) -> String {
                let value = cell(fields, column)
                if value.isEmpty {
                    fail(column, "line \(line): \(column.header) is required / 第 \(line) 行：\(column.header) 不能为空")
                } else if value.count > maxLength {
                    fail(
                        column,
                        "line \(line): \(column.header) is longer than \(maxLength) characters / 第 \(line) 行：\(column.header) 超过 \(maxLength) 个字符")
                }
                return value
            }
            let gridCode = required(.grid, maxLength: 40)
            let building = required(.building, maxLength: 100)
            let door = required(.door, maxLength: 50)
            let name = required(.name, maxLength: 50)
            let idText = required(.idNumber, maxLength: 18)

            var community = ""
            if !gridCode.isEmpty {
                if let known = gridCommunity[gridCode] {
                    community = known
                    let stated = cell(fields, .community)
                    if !stated.isEmpty, DivisionCode(stated)?.value != known {
                        fail(
                            .community,
                            "line \(line): grid \(gridCode) belongs to community \(known), not \(stated) / 第 \(line) 行：网格 \(gridCode) 属于社区 \(known)，不是 \(stated)"
                        )
                    }
                } else {
                    fail(
                        .grid,
                        "line \(line): grid \(gridCode) is unknown, not in force or outside your scope / 第 \(line) 行：网格 \(gridCode) 不存在、已停用或不在您的管辖范围内"
                    )
                }
            }
            var idNumber: ResidentIDNumber?
            if !idText.isEmpty {
                do {
                    idNumber = try ResidentIDNumber(validating: idText, now: now)
                } catch {
                    fail(
                        .idNumber,
                        "line \(line): ID number \(PersonalDataMask.idNumber(idText)): \(error.englishMessage) / 第 \(line) 行：身份证号 \(PersonalDataMask.idNumber(idText))：\(error.chineseMessage)"
                    )
                }
            }
            var phone: PhoneNumber?
            let phoneText = cell(fields, .phone)
            if !phoneText.isEmpty {
                do {
                    phone = try PhoneNumber(parsing: phoneText)
                } catch {
                    fail(
                        .phone,
                        "line \(line): phone \(PersonalDataMask.phone(phoneText)): \(error.englishMessage) / 第 \(line) 行：电话 \(PersonalDataMask.phone(phoneText))：\(error.chineseMessage)"
                    )
                }
            }
            let relationText = cell(fields, .relation)
            let relation = relationText.isEmpty ? HouseholdRelation.other : HouseholdRelation(text: relationText)
            if relation == nil {
                fail(
                    .relation,
                    "line \(line): relation \(relationText) is not one of \(HouseholdRelation.allCases.map(\.rawValue).joined(separator: ", ")) / 第 \(line) 行：与户主关系 \(relationText) 无效"
                )
            }
            func tags(_ column: ResidentColumn) -> [String] {
                var codes: [String] = []
                for text in RegistryVocabulary.splitTags(cell(fields, column)) {
                    if let code = tagCodes[text] {
                        if !codes.contains(code) { codes.append(code) }
                    } else {
                        fail(column, "line \(line): tag \(text) is not in the tag catalogue / 第 \(line) 行：标签 \(text) 不在标签目录中")
                    }
                }
                return codes
            }
            var residentTags = tags(.tags)
            let householdTags = tags(.householdTags)
            let residenceText = cell(fields, .residenceType)
            let residenceType = residenceText.isEmpty ? "permanent" : RegistryVocabulary.residenceTypes[residenceText]
            if residenceType == nil {
                fail(
                    .residenceType,
                    "line \(line): residence type \(residenceText) is neither permanent nor floating / 第 \(line) 行：居住类型 \(residenceText) 应为户籍或流动")
            }
            if residenceType == "floating", tagCodes["floating"] != nil, !residentTags.contains("floating") { residentTags.append("floating") }
            let kindText = cell(fields, .buildingKind)
            let kind = kindText.isEmpty ? nil : RegistryVocabulary.buildingKinds[kindText]
            if !kindText.isEmpty, kind == nil {
                fail(
                    .buildingKind,
                    "line \(line): building kind \(kindText) is not one of residential, mixed, commercial, bungalow, other / 第 \(line) 行：楼栋类型 \(kindText) 无效"
                )
            }
            let latitudeText = cell(fields, .latitude), longitudeText = cell(fields, .longitude)
            var buildingPosition: GeoPoint?
            if !latitudeText.isEmpty || !longitudeText.isEmpty {
                if let lat = Double(latitudeText), let lon = Double(longitudeText), GeoPoint(lon: lon, lat: lat).isValidWGS84 {
                    buildingPosition = GeoPoint(lon: lon, lat: lat)
                } else {
                    fail(.latitude, "line \(line): give the building's WGS84 latitude and longitude together / 第 \(line) 行：楼栋经纬度无效（须同时填写）")
                }
            }
            let registrationText = cell(fields, .registrationDivision)
            let registration = registrationText.isEmpty ? nil : DivisionCode(registrationText)?.value
            if !registrationText.isEmpty, registration == nil {
                fail(.registrationDivision, "line \(line): \(registrationText) is not a division code / 第 \(line) 行：户籍地 \(registrationText) 不是区划代码")
            }

            guard rowIssues.isEmpty, let idNumber, let relation, let residenceType else {
                issues += rowIssues
                continue
            }
            let index = cipher.blindIndex(idNumber.value)
            if let first = firstLineOfIndex[index] {
                issues.append(
                    Issue(
                        line: line, column: ResidentColumn.idNumber.rawValue,
                        message:
                            "line \(line): ID number \(idNumber.masked) repeats line \(first) / 第 \(line) 行：身份证号 \(idNumber.masked) 与第 \(first) 行重复"))
                continue
            }
            firstLineOfIndex[index] = line
            let row = Row(
                line: line, grid: gridCode, community: community, building: building, buildingKind: kind, door: door,
                householdTags: householdTags, name: name, idNumber: idNumber, idIndex: index, phone: phone, relation: relation,
                tags: residentTags, registrationDivision: registration, residenceType: residenceType,
                buildingPosition: buildingPosition)
            if relation == .head {
                if let first = headLineOfHousehold[row.householdKey] {
                    issues.append(
                        Issue(
                            line: line, column: ResidentColumn.relation.rawValue,
                            message: "line \(line): the household already has its head on line \(first) / 第 \(line) 行：该户已在第 \(first) 行登记户主"))
                    continue
                }
                headLineOfHousehold[row.householdKey] = line
            }
            rows.append(row)
        }

        // Duplicates against the registry, by blind index.
        for chunk in rows.chunked(500) {
            let existing = Set(try await Resident.query(on: app.db).filter(\.$idNumberIndex ~~ chunk.map(\.idIndex)).all(\.$idNumberIndex))
            for row in chunk where existing.contains(row.idIndex) {
                issues.append(
                    Issue(
                        line: row.line, column: ResidentColumn.idNumber.rawValue,
                        message:
                            "line \(row.line): ID number \(row.idNumber.masked) is already registered / 第 \(row.line) 行：身份证号 \(row.idNumber.masked) 已登记"
                    ))
            }
        }
        // A head for a household that already has one.
        let existingHeads = try await Self.existingHouseholds(of: rows.filter { $0.relation == .head }, on: app.db).filter { $0.value.head != nil }
        for row in rows where row.relation == .head && existingHeads[row.householdKey] != nil {
            issues.append(
                Issue(
                    line: row.line, column: ResidentColumn.relation.rawValue,
                    message:
                        "line \(row.line): \(row.building) \(row.door) already has a head of household / 第 \(row.line) 行：\(row.building) \(row.door) 已有户主"
                ))
        }
        guard issues.isEmpty else {
            issues.sort { $0.line < $1.line }
            throw Problem.invalid(
                issues.prefix(Self.reportLimit).map { .init(field: "/rows/\($0.line)/\($0.column)", message: $0.message) },
                detail: "The resident file was not imported: \(issues.count) problem(s), nothing was written / 居民文件未导入：\(issues.count) 处问题，未写入任何数据")
        }
        progress?(.init(phase: .checking, done: total, total: total))
        return try await write(rows, actor: actor, now: now, progress: progress)
    }
}
