import Vapor
import Fluent
import LianxinCore

/// 三上三下: grid changes proposed by a township, reviewed by departments, approved by the county
/// with a date, and versioned in on that date. Every step is checked against the grids in force
/// (the same all-or-nothing validation as an import) and recorded as a review.
struct GridChangesController: RouteCollection {
    /// Rounds of "up and down" allowed before the proposal must be withdrawn and restarted.
    static let maximumRounds = 3
    static let kinds = ["split", "merge", "redraw", "create"]

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1", "grid-changes")
        api.get(use: list)
        api.on(.POST, body: .collect(maxSize: "64mb"), use: propose)
        api.get(":id", use: show)
        api.on(.PUT, ":id", body: .collect(maxSize: "64mb"), use: resubmit)
        api.post(":id", "reviews", use: review)
        api.post(":id", "decision", use: decide)
    }

    // MARK: DTOs

    struct ReviewDTO: Content {
        var round: Int
        var reviewer: String
        var role: String
        var departmentId: UUID?
        var decision: String
        var comment: String
        var at: Date
    }

    /// What the change touches: per new grid, the orders of the last 12 months inside it; per grid
    /// it replaces or retires, its households, residents and orders.
    struct Impact: Content {
        struct NewGrid: Content {
            var code: String
            var name: String
            var communityCode: String
            var areaSquareMetres: Double
            /// Households and residents of the buildings (with a known position) inside the new grid.
            var households: Int
            var residents: Int
            var ordersLast12Months: Int
        }
        struct OldGrid: Content {
            var code: String
            var name: String
            var households: Int
            var residents: Int
            var ordersLast12Months: Int
        }
        var newGrids: [NewGrid]
        var replacedGrids: [OldGrid]
        /// Buildings of the communities concerned without a position: their households are not in
        /// the new grids' counts.
        var buildingsWithoutPosition: Int
    }

    struct ChangeDTO: Content {
        var id: UUID
        var divisionCode: String
        var kind: String
        var title: String
        var reason: String
        var status: String
        var round: Int
        var retiringCodes: [String]
        var proposedAt: Date
        var effectiveOn: String?
        var appliedAt: Date?
        var failure: String?
        /// What applying it now would do (added, changed, unchanged, retired).
        var plan: GridImportReport?
        var reviews: [ReviewDTO]?
        var impact: Impact?
    }

    // MARK: Handlers

    func list(req: Request) async throws -> [ChangeDTO] {
        let principal = try await Self.requireAny(req)
        let rows = try await GridChange.query(on: req.db).filter(\.$divisionCode, .custom("LIKE"), principal.division.value + "%")
            .sort(\.$proposedAt, .descending).limit(200).all()
        return try rows.map { try Self.dto($0) }
    }

    func show(req: Request) async throws -> ChangeDTO {
        let principal = try await Self.requireAny(req)
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        var dto = try Self.dto(change)
        dto.reviews = try await GridChangeReview.query(on: req.db).filter(\.$changeID == change.requireID()).sort(\.$at).all().map {
            ReviewDTO(round: $0.round, reviewer: $0.reviewerName, role: $0.reviewerRole, departmentId: $0.departmentID,
                      decision: $0.decision, comment: $0.comment, at: $0.at)
        }
        dto.impact = try await Self.impact(of: change, req)
        if ["submitted", "returned", "approved"].contains(change.status) {
            dto.plan = try? await Self.dryRun(change, req)
        }
        return dto
    }

    /// A township (or community) proposes: kind, title, reason, the new grids and the grids they retire.
    func propose(req: Request) async throws -> Response {
        let principal = try await req.require(.proposeGridChanges)
        let input = try Self.decodeProposal(req)
        let change = GridChange()
        change.id = UUID()
        change.kind = input.kind
        change.title = input.title
        change.reason = input.reason
        change.status = "submitted"
        change.round = 1
        change.grids = input.grids
        change.retiring = JSONColumn.text(input.retiring)
        change.proposedBy = principal.userID
        change.proposedAt = req.lianxin.now()
        change.updatedAt = change.proposedAt
        change.divisionCode = try await Self.checkedDivision(of: change, for: principal, req)
        _ = try await Self.dryRun(change, req)
        try await req.lianxin.writes.run { try await change.create(on: req.db) }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)", detail: "proposed \(change.kind): \(change.title)")
        return try await Self.dto(change).encodeResponse(status: .created, for: req)
    }

    /// After a return, the proposer sends the revised grids up again (the next round).
    func resubmit(req: Request) async throws -> ChangeDTO {
        let principal = try await req.require(.proposeGridChanges)
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        guard change.status == "returned" else { throw Problem.conflict("only a returned change can be resubmitted / 仅退回的方案可重新报送") }
        guard change.round < Self.maximumRounds else {
            throw Problem.conflict("three rounds are used up (三上三下); withdraw and start a new proposal / 已满三轮")
        }
        let input = try Self.decodeProposal(req)
        change.kind = input.kind
        change.title = input.title
        change.reason = input.reason
        change.grids = input.grids
        change.retiring = JSONColumn.text(input.retiring)
        change.divisionCode = try await Self.checkedDivision(of: change, for: principal, req)
        _ = try await Self.dryRun(change, req)
        change.status = "submitted"
        change.round += 1
        change.updatedAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await change.update(on: req.db) }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)", detail: "resubmitted, round \(change.round)")
        return try Self.dto(change)
    }

    struct ReviewInput: Content {
        var decision: String?
        var comment: String?
    }

    /// A department's word in the current round: approve, comment, or return it to the township.
    func review(req: Request) async throws -> ChangeDTO {
        let principal = try await req.require(.reviewGridChanges)
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(ReviewInput.self)
        guard let decision = input.decision, ["approve", "return", "comment"].contains(decision) else {
            throw Problem.invalid(field: "/decision", "one of approve, return, comment")
        }
        let comment = input.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard (decision == "approve" && comment.count <= 2000) || (2...2000).contains(comment.count) else {
            throw Problem.invalid(field: "/comment", "2–2000 characters / 请填写 2–2000 字意见")
        }
        guard change.status == "submitted" else { throw Problem.conflict("the change is \(change.status), not under review / 方案不在审核中") }
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await Self.reviewRecord(change, decision: decision, comment: comment, principal: principal, req).create(on: db)
                if decision == "return" {
                    change.status = "returned"
                    change.updatedAt = req.lianxin.now()
                    try await change.update(on: db)
                }
            }
        }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)", detail: "review \(decision)")
        return try Self.dto(change)
    }

    struct DecisionInput: Content {
        var decision: String?
        var effectiveOn: String?
        var comment: String?
    }

    /// The county approves (with the day it takes effect) or returns the change.
    func decide(req: Request) async throws -> ChangeDTO {
        let principal = try await req.require(.approveGridChanges)
        guard principal.division.value.count <= 6 else {
            await req.audit(.permissionDenied, result: .denied, target: "grid-change decision", detail: "needs a county-level account")
            throw Problem.forbidden
        }
        let change = try await Self.find(req.parameters.get("id"), for: principal, req)
        let input = try req.content.decode(DecisionInput.self)
        guard let decision = input.decision, ["approve", "return"].contains(decision) else {
            throw Problem.invalid(field: "/decision", "approve or return")
        }
        guard change.status == "submitted" else { throw Problem.conflict("the change is \(change.status), not under review / 方案不在审核中") }
        let comment = input.comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        var effective: LocalDate?
        if decision == "approve" {
            let today = LocalDate(req.lianxin.now(), in: Self.beijing)
            guard let day = input.effectiveOn.flatMap({ LocalDate(iso: $0) }), day >= today else {
                throw Problem.invalid(field: "/effectiveOn", "a day from today on, YYYY-MM-DD / 生效日期须为今天或以后")
            }
            effective = day
            let approvals = try await GridChangeReview.query(on: req.db).filter(\.$changeID == change.requireID())
                .filter(\.$round == change.round).filter(\.$decision == "approve").count()
            guard approvals > 0 else {
                throw Problem.conflict("no department has approved this round yet / 尚无部门审核通过")
            }
            _ = try await Self.dryRun(change, req)
        } else if comment.count < 2 {
            throw Problem.invalid(field: "/comment", "say why it is returned / 请填写退回理由")
        }
        let effectiveDay = effective?.description
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await Self.reviewRecord(change, decision: decision == "approve" ? "countyApprove" : "countyReturn",
                                            comment: comment, principal: principal, req).create(on: db)
                change.status = decision == "approve" ? "approved" : "returned"
                change.effectiveOn = effectiveDay
                change.decidedBy = principal.userID
                change.updatedAt = req.lianxin.now()
                try await change.update(on: db)
            }
        }
        await req.audit(.gridChange, result: .success, target: "grid-change:\(change.id!)",
                        detail: "county \(decision)" + (effective.map { ", effective \($0)" } ?? ""))
        if decision == "approve" { try await Self.applyDue(req.application) }
        return try Self.dto(try await GridChange.find(change.id, on: req.db) ?? change)
    }

    // MARK: Applying

    /// Versions in every approved change whose day has come (called by the `serve` loop and after
    /// an approval). A change that no longer fits the grids in force is marked failed with the reason.
    @discardableResult
    static func applyDue(_ app: Application) async throws -> Int {
        let today = LocalDate(app.lianxin.now(), in: beijing).description
        let due = try await GridChange.query(on: app.db).filter(\.$status == "approved").filter(\.$effectiveOn <= today)
            .sort(\.$proposedAt).all()
        var applied = 0
        for change in due {
            let actor = AuditActor(id: change.decidedBy, name: "grid-change:\(change.id!)", role: nil, division: change.divisionCode)
            do {
                _ = try await GridImporter(app: app).importGeoJSON(Data(change.grids.utf8), coordinates: .wgs84, replace: false,
                                                                  retiring: Set(retiringCodes(change)), actor: actor)
                change.status = "effective"
                change.appliedAt = app.lianxin.now()
                applied += 1
            } catch let problem as Problem {
                change.status = "failed"
                change.failure = ([problem.detail] + problem.errors.map { "\($0.field): \($0.message)" }).joined(separator: "\n")
            }
            change.updatedAt = app.lianxin.now()
            try await app.lianxin.writes.run { try await change.update(on: app.db) }
        }
        return applied
    }

    // MARK: Shared

    /// Beijing time, in which effective days are counted.
    static let beijing = WorkCalendar.shanghai

    struct Proposal {
        var kind: String
        var title: String
        var reason: String
        var grids: String
        var retiring: [String]
    }

    /// Reads `{kind, title, reason, retiringCodes, grids: FeatureCollection}`, every problem at once.
    static func decodeProposal(_ req: Request) throws -> Proposal {
        guard let body = req.body.data, let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            throw Problem.invalid(field: "/", "send a JSON object / 请提交 JSON")
        }
        var checks = InputValidator(req)
        let kind = object["kind"] as? String ?? ""
        if !kinds.contains(kind) { checks.fail("/kind", "one of \(kinds.joined(separator: ", "))") }
        let title = (object["title"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...200).contains(title.count) { checks.fail("/title", "1–200 characters / 标题 1–200 字") }
        let reason = (object["reason"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(2...4000).contains(reason.count) { checks.fail("/reason", "2–4000 characters / 理由 2–4000 字") }
        let retiring = object["retiringCodes"] as? [String] ?? []
        if object["retiringCodes"] != nil, object["retiringCodes"] as? [String] == nil {
            checks.fail("/retiringCodes", "a list of grid codes")
        }
        var grids = ""
        if let collection = object["grids"] as? [String: Any], let data = try? JSONSerialization.data(withJSONObject: collection) {
            grids = String(decoding: data, as: UTF8.self)
        } else {
            checks.fail("/grids", "a GeoJSON FeatureCollection of the new grids / 新网格的 GeoJSON")
        }
        if kind == "split" || kind == "merge", retiring.isEmpty {
            checks.fail("/retiringCodes", "a \(kind) retires at least one grid / 拆分或合并须列出撤销的网格")
        }
        try checks.finish()
        return Proposal(kind: kind, title: title, reason: reason, grids: grids, retiring: Array(Set(retiring)).sorted())
    }

    /// The smallest division over every grid concerned; each must lie in the principal's division.
    static func checkedDivision(of change: GridChange, for principal: Principal, _ req: Request) async throws -> String {
        let features = (try? GeoJSONReader().read(Data(change.grids.utf8))) ?? []
        var communities = features.compactMap { $0.parentCode ?? ($0.code.count > 12 ? String($0.code.prefix(12)) : nil) }
        let retiring = retiringCodes(change)
        communities += try await Grid.query(on: req.db).filter(\.$validTo == nil).filter(\.$code ~~ retiring).all().map(\.communityCode)
        for community in Set(communities) where !principal.canSee(divisionCode: community) {
            throw Problem.invalid(field: "/grids", "community \(community) is outside your division / 社区 \(community) 超出您的管辖范围")
        }
        return HotspotService.commonDivision(of: communities.isEmpty ? [principal.division.value] : communities)
    }

    /// Runs the import checks without writing; 422 with every problem when the change does not fit.
    static func dryRun(_ change: GridChange, _ req: Request) async throws -> GridImportReport {
        try await GridImporter(app: req.application).importGeoJSON(
            Data(change.grids.utf8), coordinates: .wgs84, replace: false, retiring: Set(retiringCodes(change)),
            actor: UsersController.actor(try req.requirePrincipal()), dryRun: true)
    }

    static func impact(of change: GridChange, _ req: Request) async throws -> Impact {
        let features = (try? GeoJSONReader().read(Data(change.grids.utf8))) ?? []
        let since = req.lianxin.now().addingTimeInterval(-365 * 86_400)
        let communities = Set(features.compactMap(\.parentCode))
        let orders = try await WorkOrder.query(on: req.db).filter(\.$createdAt >= since)
            .filter(\.$divisionCode ~~ communities).filter(\.$latitude != nil)
            .field(\.$id).field(\.$latitude).field(\.$longitude).field(\.$gridCode).all()
        let buildings = try await Building.query(on: req.db).filter(\.$communityCode ~~ communities).all()
        let located = buildings.filter { $0.latitude != nil && $0.longitude != nil }
        var householdsByBuilding: [UUID: Int] = [:], residentsByBuilding: [UUID: Int] = [:]
        let locatedIDs = located.compactMap(\.id)
        for chunk in locatedIDs.chunked(500) {
            for household in try await Household.query(on: req.db).filter(\.$buildingID ~~ chunk).field(\.$id).field(\.$buildingID).all() {
                householdsByBuilding[household.buildingID, default: 0] += 1
            }
            for resident in try await Resident.query(on: req.db).filter(\.$buildingID ~~ chunk).field(\.$id).field(\.$buildingID).all() {
                residentsByBuilding[resident.buildingID, default: 0] += 1
            }
        }
        let newGrids = features.map { feature in
            let inside = located.filter { feature.geometry.contains(GeoPoint(lon: $0.longitude!, lat: $0.latitude!)) }.compactMap(\.id)
            return Impact.NewGrid(code: feature.code, name: feature.name ?? feature.code, communityCode: feature.parentCode ?? "",
                                  areaSquareMetres: (feature.geometry.area).rounded(),
                                  households: inside.reduce(0) { $0 + (householdsByBuilding[$1] ?? 0) },
                                  residents: inside.reduce(0) { $0 + (residentsByBuilding[$1] ?? 0) },
                                  ordersLast12Months: orders.filter { order in
                                      guard let lat = order.latitude, let lon = order.longitude else { return false }
                                      return feature.geometry.contains(GeoPoint(lon: lon, lat: lat))
                                  }.count)
        }
        let replacedCodes = Set(retiringCodes(change)).union(features.map(\.code))
        var replaced: [Impact.OldGrid] = []
        for grid in try await Grid.query(on: req.db).filter(\.$validTo == nil).filter(\.$code ~~ replacedCodes).sort(\.$code).all() {
            let recent = try await WorkOrder.query(on: req.db).filter(\.$gridCode == grid.code).filter(\.$createdAt >= since).count()
            replaced.append(Impact.OldGrid(
                code: grid.code, name: grid.name,
                households: try await Household.query(on: req.db).filter(\.$gridCode == grid.code).count(),
                residents: try await Resident.query(on: req.db).filter(\.$gridCode == grid.code).count(),
                ordersLast12Months: recent))
        }
        return Impact(newGrids: newGrids, replacedGrids: replaced, buildingsWithoutPosition: buildings.count - located.count)
    }

    static func reviewRecord(_ change: GridChange, decision: String, comment: String, principal: Principal, _ req: Request) throws -> GridChangeReview {
        let review = GridChangeReview()
        review.changeID = try change.requireID()
        review.round = change.round
        review.reviewerID = principal.userID
        review.reviewerName = principal.displayName
        review.reviewerRole = principal.role.rawValue
        review.departmentID = principal.departmentID
        review.decision = decision
        review.comment = comment
        review.at = req.lianxin.now()
        return review
    }

    /// Anyone who proposes, reviews or approves changes.
    static func requireAny(_ req: Request) async throws -> Principal {
        let principal = try req.requirePrincipal()
        if principal.role.can(.reviewGridChanges) || principal.role.can(.approveGridChanges) { return principal }
        return try await req.require(.proposeGridChanges)
    }

    /// The change if it lies in the principal's division; otherwise 404, like a missing one.
    static func find(_ raw: String?, for principal: Principal, _ req: Request) async throws -> GridChange {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let change = try await GridChange.find(id, on: req.db) else {
            throw Problem.notFound("grid change")
        }
        guard change.divisionCode.hasPrefix(principal.division.value) else {
            await req.audit(.scopeDenied, result: .denied, target: "grid-change:\(id)")
            throw Problem.notFound("grid change")
        }
        return change
    }

    static func retiringCodes(_ change: GridChange) -> [String] {
        JSONColumn.list(String.self, from: change.retiring)
    }

    static func dto(_ change: GridChange) throws -> ChangeDTO {
        ChangeDTO(id: try change.requireID(), divisionCode: change.divisionCode, kind: change.kind, title: change.title, reason: change.reason,
                  status: change.status, round: change.round, retiringCodes: retiringCodes(change), proposedAt: change.proposedAt,
                  effectiveOn: change.effectiveOn, appliedAt: change.appliedAt, failure: change.failure)
    }
}
