import Vapor
import Fluent
import Crypto
import LianxinCore

/// 走访: each grid member's visits due today (by the visit rules, most urgent first), the visit
/// record with its photos and findings — each either handled on the spot (自办) or filed as a work order with
/// channel `gridPatrol` — and coverage per grid and community for the dashboards.
struct VisitsController: RouteCollection {
    /// A photo's size cap plus room for a multipart envelope.
    let maxBody: ByteCount

    init(maxUploadBytes: Int) { maxBody = ByteCount(integerLiteral: maxUploadBytes + 65_536) }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.on(.POST, "visits", "photos", body: .collect(maxSize: maxBody), use: uploadPhoto)
        api.get("visits", "photos", ":id", use: photo)
        api.get("visits", "due", use: due)
        api.get("visits", use: list)
        api.post("visits", use: record)
        api.get("visit-coverage", use: coverage)
        api.get("visit-rules", use: rules)
        api.put("visit-rules", ":tag", use: putRule)
    }

    // MARK: DTOs

    struct DueItem: Content {
        var householdId: UUID
        var address: String
        var gridCode: String
        var tags: [String]
        var lastVisitAt: Date?
        /// The Beijing day the visit is due (`YYYY-MM-DD`).
        var dueOn: String
        var daysOverdue: Int
        /// The tag whose rule set the day (nil: the rule for every household).
        var because: String?
    }

    struct FindingInput: Content {
        var description: String?
        /// `selfHandled` (closed on the spot, with `result`) or `workOrder` (filed with `categoryCode`).
        var outcome: String?
        var result: String?
        var categoryCode: String?
    }

    struct VisitInput: Content {
        var householdId: UUID?
        var visitedAt: Date?
        var latitude: Double?
        var longitude: Double?
        var note: String?
        var findings: [FindingInput]?
        /// Photos uploaded for this household by the visitor (`POST /visits/photos`), not yet on a visit.
        var photoIds: [UUID]?
    }

    struct Finding: Content {
        var description: String
        var outcome: String
        var result: String?
        var orderId: UUID?
        var orderNumber: String?
    }

    struct VisitDTO: Content {
        var id: UUID
        var householdId: UUID
        var gridCode: String
        var visitor: String
        var visitedAt: Date
        var latitude: Double?
        var longitude: Double?
        var note: String
        var findings: [Finding]
        var photoIds: [UUID]
    }

    struct CoverageRow: Content {
        var code: String
        var households: Int
        /// Households some rule applies to.
        var householdsWithRules: Int
        /// Of those, visited and still within their cadence (never visited counts as not covered).
        var visitedAsDue: Int
        var overdue: Int
        /// visitedAsDue ÷ householdsWithRules (nil when no household has a rule).
        var coverage: Double?
    }

    struct Coverage: Content {
        var formula: String
        var by: String
        var rows: [CoverageRow]
    }

    struct RuleDTO: Content { var tag: String; var cadence: String }

    // MARK: Handlers

    /// The households in the principal's scope whose visit is due by today, most urgent first.
    func due(req: Request) async throws -> [DueItem] {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        var query = scope.limit(Household.query(on: req.db))
        if let grid = try req.query.get(String?.self, at: "grid") { query = query.filter(\.$gridCode == grid) }
        let households = try await query.limit(5000).all()
        let now = req.lianxin.now()
        let policy = try await VisitSchedule.policy(on: req.db)
        let states = try await VisitSchedule.states(of: households, on: req.db)
        let formatter = Self.dayFormatter
        var items: [(DueItem, VisitDue)] = []
        for household in households {
            guard let id = household.id else { continue }
            let tags = states.tags[id] ?? []
            let due = policy.due(tags: tags, lastVisit: states.lastVisit[id], lastChange: household.createdAt, now: now)
            guard let day = due.dueDay, day <= now else { continue }
            items.append((DueItem(householdId: id, address: household.address, gridCode: household.gridCode, tags: tags.sorted(),
                                  lastVisitAt: states.lastVisit[id], dueOn: formatter.string(from: day), daysOverdue: due.daysOverdue,
                                  because: due.governingTag), due))
        }
        return items.sorted { left, right in
            left.1.isMoreUrgent(than: right.1) || (!right.1.isMoreUrgent(than: left.1) && left.0.address < right.0.address)
        }.map(\.0)
    }

    func list(req: Request) async throws -> [VisitDTO] {
        let principal = try await req.require(.viewResidents)
        let scope = try await req.registryScope(principal)
        var query = Visit.query(on: req.db).filter(\.$communityCode, .custom("LIKE"), principal.division.value + "%")
        if let grids = scope.grids { query = query.filter(\.$gridCode ~~ grids) }
        if let household = try req.query.get(UUID?.self, at: "household") { query = query.filter(\.$householdID == household) }
        if let grid = try req.query.get(String?.self, at: "grid") { query = query.filter(\.$gridCode == grid) }
        let visits = try await query.sort(\.$visitedAt, .descending).limit(200).all()
        let photos = try await VisitPhoto.query(on: req.db).filter(\.$visitID ~~ visits.compactMap(\.id)).all()
        let byVisit = Dictionary(grouping: photos, by: { $0.visitID ?? UUID() })
        return try visits.map { try Self.dto($0, photoIDs: (byVisit[$0.id ?? UUID()] ?? []).compactMap(\.id)) }
    }

    struct PhotoDTO: Content {
        var id: UUID
        var contentType: String
        var byteSize: Int
        var sha256: String
        var url: String
    }

    /// A photo for a visit about to be recorded: checked like every photo (an image by its bytes,
    /// within the size cap), stored, then cited by `photoIds` when the visit is recorded.
    func uploadPhoto(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        guard let householdID = try req.query.get(UUID?.self, at: "household"), let household = try await Household.find(householdID, on: req.db) else {
            throw Problem.invalid(field: "/household", "an existing household / 户不存在")
        }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(householdID)")
        }
        let upload = try PhotoUploads.photo(in: req)
        let context = req.lianxin
        let row = VisitPhoto()
        row.id = UUID()
        row.householdID = householdID
        row.uploaderID = principal.userID
        row.contentType = upload.format.contentType
        row.byteSize = upload.data.count
        row.sha256 = Data(SHA256.hash(data: upload.data)).hexString
        row.storageKey = UUID().uuidString.lowercased()
        row.createdAt = context.now()
        try await context.storeFile(upload.data, key: row.storageKey, on: req.db) { try await row.create(on: req.db) }
        return try await PhotoDTO(id: row.id!, contentType: row.contentType, byteSize: row.byteSize, sha256: row.sha256,
                                  url: "/api/v1/visits/photos/\(row.id!)").encodeResponse(status: .created, for: req)
    }

    /// A visit photo's bytes, for those who see the household.
    func photo(req: Request) async throws -> Response {
        let principal = try await req.require(.viewResidents)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)), let row = try await VisitPhoto.find(id, on: req.db),
              let household = try await Household.find(row.householdID, on: req.db)
        else { throw Problem.notFound("photo") }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("photo", target: "visit-photo:\(id)")
        }
        guard let data = try await req.lianxin.files.get(row.storageKey, on: req.db) else { throw Problem.notFound("photo") }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: row.contentType)
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(row.sha256)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=86400")
        return response
    }

    /// Records a visit. Every finding is checked first; work orders are then filed through the normal
    /// intake (channel `gridPatrol`, at the visit's position or the household's community), and the
    /// visit is written with their numbers.
    func record(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        let input = try req.content.decode(VisitInput.self)
        guard let householdID = input.householdId, let household = try await Household.find(householdID, on: req.db) else {
            throw Problem.invalid(field: "/householdId", "an existing household / 户不存在")
        }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(householdID)")
        }
        let now = req.lianxin.now()
        var errors: [Problem.FieldError] = []
        let visitedAt = input.visitedAt ?? now
        if visitedAt > now.addingTimeInterval(300) || visitedAt < now.addingTimeInterval(-30 * 86_400) {
            errors.append(.init(field: "/visitedAt", message: "within the last 30 days, not in the future / 走访时间须在 30 天内且不晚于现在"))
        }
        switch (input.latitude, input.longitude) {
        case (nil, nil): break
        case let (lat?, lon?) where GeoPoint(lon: lon, lat: lat).isValidWGS84: break
        default: errors.append(.init(field: "/latitude", message: "give a WGS84 latitude and longitude together / 坐标无效"))
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if note.count > 2000 { errors.append(.init(field: "/note", message: "at most 2000 characters / 记录不超过 2000 字")) }
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let findings = input.findings ?? []
        for (index, finding) in findings.enumerated() {
            let description = finding.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !(2...2000).contains(description.count) {
                errors.append(.init(field: "/findings/\(index)/description", message: "2–2000 characters / 请描述发现的问题"))
            }
            switch finding.outcome {
            case "selfHandled":
                if (finding.result?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").count < 2 {
                    errors.append(.init(field: "/findings/\(index)/result", message: "say how it was handled on the spot / 请填写自办结果"))
                }
            case "workOrder":
                if finding.categoryCode.flatMap(catalog.category) == nil {
                    errors.append(.init(field: "/findings/\(index)/categoryCode", message: "a known category / 事项分类不存在"))
                }
            default:
                errors.append(.init(field: "/findings/\(index)/outcome", message: "selfHandled or workOrder / 自办或转工单"))
            }
        }
        let photoIDs = Array(Set(input.photoIds ?? []))
        let photos = photoIDs.isEmpty ? [] : try await VisitPhoto.query(on: req.db).filter(\.$id ~~ photoIDs).filter(\.$householdID == householdID)
            .filter(\.$uploaderID == principal.userID).filter(\.$visitID == nil).all()
        if photos.count != photoIDs.count {
            errors.append(.init(field: "/photoIds", message: "photos you uploaded for this household and not yet on a visit / 照片须为本人为该户上传且未使用"))
        }
        guard errors.isEmpty else { throw Problem.invalid(errors) }

        let service = WorkOrderService(application: req.application, database: req.db)
        var recorded: [Finding] = []
        for finding in findings {
            let description = finding.description!.trimmingCharacters(in: .whitespacesAndNewlines)
            guard finding.outcome == "workOrder" else {
                recorded.append(Finding(description: description, outcome: "selfHandled", result: finding.result?.trimmingCharacters(in: .whitespacesAndNewlines)))
                continue
            }
            let valid = try await service.validate(NewWorkOrder(
                title: String(("走访发现：" + description).prefix(200)), description: description + "（\(household.address)）",
                categoryCode: finding.categoryCode, channel: LianxinCore.Channel.gridPatrol.rawValue, requestKind: RequestKind.report.rawValue,
                divisionCode: household.communityCode, latitude: input.latitude, longitude: input.longitude, address: household.address
            ), scope: principal.division)
            let order = try await service.create(valid, by: principal.workOrderActor, idempotencyKey: nil).0
            recorded.append(Finding(description: description, outcome: "workOrder", orderId: order.id, orderNumber: order.number))
        }
        let visit = Visit()
        visit.householdID = householdID
        visit.gridCode = household.gridCode
        visit.communityCode = household.communityCode
        visit.visitorID = principal.userID
        visit.visitorName = principal.displayName
        visit.visitedAt = visitedAt
        visit.latitude = input.latitude
        visit.longitude = input.longitude
        visit.note = note
        visit.findings = String(decoding: try JSONEncoder().encode(recorded), as: UTF8.self)
        visit.createdAt = now
        visit.id = UUID()
        let visitID = visit.id!
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await visit.create(on: db)
                for photo in photos {
                    photo.visitID = visitID
                    try await photo.update(on: db)
                }
            }
        }
        return try await Self.dto(visit, photoIDs: photos.compactMap(\.id)).encodeResponse(status: .created, for: req)
    }

    /// Coverage per grid (or per community with `by=community`) of the principal's scope: households
    /// visited within their cadence over households some rule applies to.
    func coverage(req: Request) async throws -> Coverage {
        let principal = try await req.require(.viewResidents)
        let by = try req.query.get(String?.self, at: "by") ?? "grid"
        guard ["grid", "community"].contains(by) else { throw Problem.invalid(field: "/by", "grid or community") }
        let scope = try await req.registryScope(principal)
        let households = try await scope.limit(Household.query(on: req.db)).all()
        let now = req.lianxin.now()
        let policy = try await VisitSchedule.policy(on: req.db)
        let states = try await VisitSchedule.states(of: households, on: req.db)
        var rows: [String: CoverageRow] = [:]
        for household in households {
            guard let id = household.id else { continue }
            let key = by == "grid" ? household.gridCode : household.communityCode
            var row = rows[key] ?? CoverageRow(code: key, households: 0, householdsWithRules: 0, visitedAsDue: 0, overdue: 0, coverage: nil)
            row.households += 1
            let due = policy.due(tags: states.tags[id] ?? [], lastVisit: states.lastVisit[id], lastChange: household.createdAt, now: now)
            if due.dueDay != nil {
                row.householdsWithRules += 1
                if due.isOverdue { row.overdue += 1 } else if states.lastVisit[id] != nil { row.visitedAsDue += 1 }
            }
            rows[key] = row
        }
        let definition = VisitCoverage().definition
        return Coverage(formula: req.language == .en ? definition.formula.en : definition.formula.zh, by: by,
                        rows: rows.values.sorted { $0.code < $1.code }.map { row in
                            var row = row
                            row.coverage = row.householdsWithRules == 0 ? nil : Double(row.visitedAsDue) / Double(row.householdsWithRules)
                            return row
                        })
    }

    func rules(req: Request) async throws -> [RuleDTO] {
        _ = try await req.require(.viewResidents)
        return try await VisitRuleRecord.query(on: req.db).sort(\.$id).all().map { RuleDTO(tag: $0.id ?? "", cadence: $0.cadence) }
    }

    struct RuleInput: Content { var cadence: String? }

    /// Sets a tag's cadence (`*` for every household); audited.
    func putRule(req: Request) async throws -> RuleDTO {
        let principal = try await req.require(.manageResidents)
        guard let tag = req.parameters.get("tag") else { throw Problem.notFound("tag") }
        let known = try await ResidentTagRecord.find(tag, on: req.db) != nil
        guard tag == "*" || known else { throw Problem.notFound("tag") }
        guard let text = try req.content.decode(RuleInput.self).cadence, VisitCadence(text: text) != nil else {
            throw Problem.invalid(field: "/cadence", "daily, weekly, monthly, every:N or onChange")
        }
        let rule = try await VisitRuleRecord.find(tag, on: req.db) ?? {
            let rule = VisitRuleRecord()
            rule.id = tag
            return rule
        }()
        rule.cadence = text
        rule.updatedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await rule.save(on: req.db) }
        await req.audit(.settingsChanged, result: .success, target: "visit-rule:\(tag)", detail: text, actor: principal.auditActor)
        return RuleDTO(tag: tag, cadence: text)
    }

    // MARK: Shared

    static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = VisitPolicy.chinaCalendar.timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()

    static func dto(_ visit: Visit, photoIDs: [UUID]) throws -> VisitDTO {
        VisitDTO(id: try visit.requireID(), householdId: visit.householdID, gridCode: visit.gridCode, visitor: visit.visitorName,
                 visitedAt: visit.visitedAt, latitude: visit.latitude, longitude: visit.longitude, note: visit.note,
                 findings: (try? JSONDecoder().decode([Finding].self, from: Data(visit.findings.utf8))) ?? [], photoIds: photoIDs)
    }
}
