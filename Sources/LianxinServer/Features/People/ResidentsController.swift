import Vapor
import Fluent
import LianxinCore

/// The resident registry under /api/v1: residents (searchable by name, tag, building, grid and, by
/// blind index, exact ID number or phone), households with their members, buildings, the tag
/// catalogue, the all-or-nothing CSV import and the CSV export. Every list and lookup is limited
/// to the caller's registry scope; a record outside it answers 404.
struct ResidentsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        let residents = api.grouped("residents")
        residents.get(use: list)
        residents.get(":id", use: show)
        residents.post(":id", "unmask", use: unmask)
        residents.on(.POST, "import", body: .collect(maxSize: "256mb"), use: importResidents)
        api.get("residents.csv", use: export)
        api.get("households", use: households)
        api.get("households", ":id", use: household)
        api.get("buildings", use: buildings)
        api.get("resident-tags", use: tags)
        api.put("resident-tags", ":code", use: putTag)
    }

    // MARK: Residents

    /// Sorted by name; filters `name` (contains), `tag`, `building` (id or name), `household`, `grid`,
    /// `idNumber` and `phone` (exact, through the blind index); keyset-paginated.
    func list(req: Request) async throws -> ListPage<ResidentDTO> {
        let principal = try await req.require(.viewResidents)
        let page = try PageRequest(req)
        var query = try await Self.filtered(req, scope: try await req.registryScope(principal))
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else { throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效") }
            query = query.group(.or) { or in
                or.filter(\.$name > after[0]).group(.and) { and in and.filter(\.$name == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$name).sort(\.$id).limit(page.limit + 1).all()
        let items = try await ResidentDTO.make(Array(rows.prefix(page.limit)), cipher: req.lianxin.cipher, on: req.db)
        let next = rows.count > page.limit ? rows[page.limit - 1] : nil
        return ListPage(items: items, nextCursor: try next.map { PageRequest.cursor([$0.name, try $0.requireID().uuidString]) })
    }

    func show(req: Request) async throws -> ResidentDTO {
        let principal = try await req.require(.viewResidents)
        let resident = try await Self.find(req.parameters.get("id"), for: principal, on: req)
        return try await ResidentDTO.make([resident], cipher: req.lianxin.cipher, on: req.db)[0]
    }

    struct UnmaskInput: Content { var reason: String? }
    struct Unmasked: Content { var idNumber: String; var phone: String? }

    /// The full ID number and phone, for a role allowed to unmask, with a stated reason; audited.
    func unmask(req: Request) async throws -> Unmasked {
        _ = try await req.require(.viewResidents)
        let principal = try await req.require(.unmaskPersonalData)
        let resident = try await Self.find(req.parameters.get("id"), for: principal, on: req)
        let reason = try Self.reason(try req.content.decode(UnmaskInput.self).reason)
        let cipher = req.lianxin.cipher
        let shown = Unmasked(idNumber: try cipher.open(resident.idNumberCipher), phone: try resident.phoneCipher.map { try cipher.open($0) })
        await req.audit(.personalDataUnmasked, result: .success, target: "resident:\(try resident.requireID())", detail: reason)
        return shown
    }

    /// Imports a resident CSV (text/csv, UTF-8 with or without BOM) into grids of the caller's scope.
    func importResidents(req: Request) async throws -> ResidentImportReport {
        let principal = try await req.require(.manageResidents)
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw Problem.invalid(field: "/file", "send the resident CSV as the body / 请上传居民 CSV 文件")
        }
        guard let text = String(data: Data(body.readableBytesView), encoding: .utf8) else {
            throw Problem.invalid(field: "/file", "the file is not UTF-8 text; save it as CSV UTF-8 / 文件不是 UTF-8 编码，请另存为 CSV UTF-8")
        }
        do {
            return try await ResidentImporter(app: req.application)
                .importCSV(text, scope: try await req.registryScope(principal), actor: principal.auditActor)
        } catch let problem as Problem {
            await req.audit(.residentsImported, result: .failure, target: "residents", detail: problem.detail)
            throw problem
        }
    }

    /// The residents of the list's filters as CSV (UTF-8 with BOM, the import's columns). ID
    /// numbers and phones are masked unless `unmasked=true` with a `reason` by a role allowed to
    /// unmask; every export is audited.
    func export(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        var unmasked = false
        var reason: String?
        if let text = req.query[String.self, at: "unmasked"], text == "true" {
            guard principal.role.can(.unmaskPersonalData) else {
                await req.audit(.permissionDenied, result: .denied, target: "GET \(req.url.path)", detail: "needs \(Permission.unmaskPersonalData.rawValue)")
                throw Problem.forbidden
            }
            reason = try Self.reason(req.query[String.self, at: "reason"])
            unmasked = true
        }
        let rows = try await Self.filtered(req, scope: scope).sort(\.$communityCode).sort(\.$gridCode).sort(\.$name).sort(\.$id).all()
        let text = try await ResidentExport.csv(rows, unmasked: unmasked, cipher: req.lianxin.cipher, on: req.db)
        await req.audit(.exported, result: .success, target: "residents",
                        detail: "\(rows.count) rows, \(unmasked ? "unmasked: \(reason ?? "")" : "masked")")
        return Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"residents.csv\"",
        ], body: .init(string: text))
    }

    // MARK: Households and buildings

    /// Households by address; filters `grid`, `building` (id) and `tag`; keyset-paginated.
    func households(req: Request) async throws -> ListPage<HouseholdDTO> {
        let principal = try await req.require(.viewResidents)
        let page = try PageRequest(req)
        var query = try await req.registryScope(principal).limit(Household.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let text = req.query[String.self, at: "building"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "building", "not a building id / 楼栋编号无效") }
            query = query.filter(\.$buildingID == id)
        }
        if let text = req.query[String.self, at: "tag"], !text.isEmpty {
            query = query.filter(\.$tags, .custom("LIKE"), "%,\(try await Self.tagCode(text, on: req.db)),%")
        }
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else { throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效") }
            query = query.group(.or) { or in
                or.filter(\.$address > after[0]).group(.and) { and in and.filter(\.$address == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$address).sort(\.$id).limit(page.limit + 1).all()
        let names = try await Self.buildingNames(Set(rows.map(\.buildingID)), on: req.db)
        return try page.page(rows, key: { [$0.address, $0.id?.uuidString ?? ""] }) { try HouseholdDTO($0, buildingName: names[$0.buildingID] ?? "") }
    }

    /// One household with its members (the head first).
    func household(req: Request) async throws -> HouseholdDTO {
        let principal = try await req.require(.viewResidents)
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw),
              let household = try await Household.find(id, on: req.db) else { throw Problem.notFound("household") }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(id)")
        }
        let members = try await Resident.query(on: req.db).filter(\.$householdID == id).sort(\.$name).sort(\.$id).all()
        let sorted = members.filter { $0.id == household.headResidentID } + members.filter { $0.id != household.headResidentID }
        let names = try await Self.buildingNames([household.buildingID], on: req.db)
        return try HouseholdDTO(household, buildingName: names[household.buildingID] ?? "",
                                members: try await ResidentDTO.make(sorted, cipher: req.lianxin.cipher, on: req.db))
    }

    /// Buildings by name; filters `grid` and `name` (contains); keyset-paginated.
    func buildings(req: Request) async throws -> ListPage<BuildingDTO> {
        let principal = try await req.require(.viewResidents)
        let page = try PageRequest(req)
        var query = try await req.registryScope(principal).limit(Building.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let name = req.query[String.self, at: "name"], !name.isEmpty { query = query.filter(\.$name, .custom("LIKE"), Self.contains(name)) }
        if let after = page.after {
            guard after.count == 2, let id = UUID(uuidString: after[1]) else { throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效") }
            query = query.group(.or) { or in
                or.filter(\.$name > after[0]).group(.and) { and in and.filter(\.$name == after[0]).filter(\.$id > id) }
            }
        }
        let rows = try await query.sort(\.$name).sort(\.$id).limit(page.limit + 1).all()
        return try page.page(rows, key: { [$0.name, $0.id?.uuidString ?? ""] }, map: BuildingDTO.init)
    }

    // MARK: Tags

    func tags(req: Request) async throws -> [ResidentTagDTO] {
        _ = try await req.require(.viewResidents)
        return try await ResidentTagRecord.query(on: req.db).sort(\.$id).all().map {
            ResidentTagDTO(code: $0.id ?? "", chineseLabel: $0.chineseLabel, englishLabel: $0.englishLabel, active: $0.active)
        }
    }

    struct TagInput: Content { var chineseLabel: String; var englishLabel: String; var active: Bool? }

    /// Adds or changes a tag of the catalogue (a tag in use is deactivated, never deleted).
    func putTag(req: Request) async throws -> ResidentTagDTO {
        let principal = try await req.require(.manageResidents)
        let code = req.parameters.get("code") ?? ""
        guard (1...40).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw Problem.invalid(field: "/code", "a tag code of 1–40 ASCII letters and digits, e.g. livingAloneElderly / 标签编码须为 1–40 位字母或数字")
        }
        let input = try req.content.decode(TagInput.self)
        let chinese = input.chineseLabel.trimmingCharacters(in: .whitespaces)
        let english = input.englishLabel.trimmingCharacters(in: .whitespaces)
        guard (1...20).contains(chinese.count) else { throw Problem.invalid(field: "/chineseLabel", "1–20 characters / 中文名称须为 1–20 个字符") }
        guard (1...60).contains(english.count) else { throw Problem.invalid(field: "/englishLabel", "1–60 characters / 英文名称须为 1–60 个字符") }
        let record = try await req.lianxin.writes.run {
            try await req.db.transaction { db -> ResidentTagRecord in
                let record = try await ResidentTagRecord.find(code, on: db) ?? ResidentTagRecord()
                let isNew = record.id == nil
                record.id = code
                record.chineseLabel = chinese
                record.englishLabel = english
                record.active = input.active ?? true
                if isNew { try await record.create(on: db) } else { try await record.update(on: db) }
                try await AuditLog.record(.residentTagsChanged, result: .success, actor: principal.auditActor, target: "resident-tag:\(code)",
                                          ip: req.clientIP, requestID: req.id, detail: "\(chinese) / \(english)\(record.active ? "" : " (inactive)")",
                                          at: req.lianxin.now(), on: db)
                return record
            }
        }
        return ResidentTagDTO(code: code, chineseLabel: record.chineseLabel, englishLabel: record.englishLabel, active: record.active)
    }

    // MARK: Helpers

    /// The residents of `scope` matching the request's filters.
    static func filtered(_ req: Request, scope: RegistryScope) async throws -> QueryBuilder<Resident> {
        var query = scope.limit(Resident.query(on: req.db))
        if let grid = req.query[String.self, at: "grid"], !grid.isEmpty { query = query.filter(\.$gridCode == grid) }
        if let name = req.query[String.self, at: "name"], !name.isEmpty { query = query.filter(\.$name, .custom("LIKE"), contains(name)) }
        if let text = req.query[String.self, at: "tag"], !text.isEmpty {
            query = query.filter(\.$tags, .custom("LIKE"), "%,\(try await tagCode(text, on: req.db)),%")
        }
        if let text = req.query[String.self, at: "household"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "household", "not a household id / 户编号无效") }
            query = query.filter(\.$householdID == id)
        }
        if let text = req.query[String.self, at: "building"], !text.isEmpty {
            if let id = UUID(uuidString: text) {
                query = query.filter(\.$buildingID == id)
            } else {
                let ids = try await scope.limit(Building.query(on: req.db)).filter(\.$name, .custom("LIKE"), contains(text)).limit(500).all(\.$id)
                query = ids.isEmpty ? query.filter(\.$gridCode == "") : query.filter(\.$buildingID ~~ ids)
            }
        }
        if let text = req.query[String.self, at: "idNumber"], !text.isEmpty {
            let normal = (try? ResidentIDNumber(validating: text, now: req.lianxin.now()).value) ?? text.uppercased()
            query = query.filter(\.$idNumberIndex == req.lianxin.cipher.blindIndex(normal))
        }
        if let text = req.query[String.self, at: "phone"], !text.isEmpty {
            let normal = (try? PhoneNumber(parsing: text).value) ?? text
            query = query.filter(\.$phoneIndex == req.lianxin.cipher.blindIndex(normal))
        }
        return query
    }

    /// The resident, or 404 when it does not exist or lies outside the principal's scope.
    static func find(_ raw: String?, for principal: Principal, on req: Request) async throws -> Resident {
        guard let raw, let id = UUID(uuidString: raw), let resident = try await Resident.find(id, on: req.db) else {
            throw Problem.notFound("resident")
        }
        guard try await req.registryScope(principal).contains(grid: resident.gridCode, community: resident.communityCode) else {
            throw await req.outOfScope("resident", target: "resident:\(id)")
        }
        return resident
    }

    /// A typed reason for seeing personal data, 2–200 characters.
    static func reason(_ text: String?) throws -> String {
        guard let reason = text?.trimmingCharacters(in: .whitespacesAndNewlines), (2...200).contains(reason.count) else {
            throw Problem.invalid(field: "/reason", "say why you need the full numbers (2–200 characters) / 请说明查看原因（2–200 个字符）")
        }
        return reason
    }

    /// A tag code from its code or Chinese label; 422 when the catalogue has neither.
    static func tagCode(_ text: String, on db: any Database) async throws -> String {
        if let record = try await ResidentTagRecord.find(text, on: db), let code = record.id { return code }
        if let record = try await ResidentTagRecord.query(on: db).filter(\.$chineseLabel == text).first(), let code = record.id { return code }
        throw Problem.invalid(field: "tag", "\(text) is not in the tag catalogue / 标签 \(text) 不在标签目录中")
    }

    /// A LIKE pattern for "contains `text`", with the pattern characters removed from it.
    static func contains(_ text: String) -> String { "%" + text.filter { $0 != "%" && $0 != "_" } + "%" }

    static func buildingNames(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let buildings = try await Building.query(on: db).filter(\.$id ~~ Array(ids)).all()
        return Dictionary(buildings.compactMap { building in building.id.map { ($0, building.name) } }, uniquingKeysWith: { first, _ in first })
    }
}
