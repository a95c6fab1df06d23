import Vapor
import Fluent
import Crypto
import LianxinCore

/// Recording a visit with its findings: handled on the spot or filed as work orders.
extension VisitsController {
    /// Records a visit. Every finding is checked first; work orders are then filed through the normal
    /// intake (channel `gridPatrol`, at the visit's position or the household's community), and the
    /// visit is written with their numbers. With an `Idempotency-Key` (a phone's outbox), it is recorded once: the
    /// same key again answers 200 with the same visit, and `visitedAt` is when it was done.
    func record(req: Request) async throws -> Response {
        let principal = try await req.require(.recordVisits)
        let input = try req.content.decode(VisitInput.self)
        guard let householdID = input.householdId, let household = try await Household.find(householdID, on: req.db) else {
            throw Problem.invalid(field: "/householdId", "an existing household / 户不存在")
        }
        guard try await req.registryScope(principal).contains(grid: household.gridCode, community: household.communityCode) else {
            throw await req.outOfScope("household", target: "household:\(householdID)")
        }
        // Sent from a phone's outbox (离线补传) under its key: the same key answers with the visit it became.
        let key = try req.idempotencyKey(owner: principal.userID.uuidString)
        if let key, let earlier = try await Self.earlierVisit(key: key, of: principal, req) { return earlier }
        let now = req.lianxin.now()
        var checks = InputValidator(req)
        let visitedAt = input.visitedAt ?? now
        if visitedAt > now.addingTimeInterval(300) || visitedAt < now.addingTimeInterval(-30 * 86_400) {
            checks.fail("/visitedAt", "within the last 30 days, not in the future / 走访时间须在 30 天内且不晚于现在")
        }
        switch (input.latitude, input.longitude) {
        case (nil, nil): break
        case let (lat?, lon?) where GeoPoint(lon: lon, lat: lat).isValidWGS84: break
        default: checks.fail("/latitude", "give a WGS84 latitude and longitude together / 坐标无效")
        }
        let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if note.count > 2000 { checks.fail("/note", "at most 2000 characters / 记录不超过 2000 字") }
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let findings = input.findings ?? []
        for (index, finding) in findings.enumerated() {
            let description = finding.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !(2...2000).contains(description.count) {
                checks.fail("/findings/\(index)/description", "2–2000 characters / 请描述发现的问题")
            }
            switch finding.outcome {
            case "selfHandled":
                if (finding.result?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").count < 2 {
                    checks.fail("/findings/\(index)/result", "say how it was handled on the spot / 请填写自办结果")
                }
            case "workOrder":
                if finding.categoryCode.flatMap(catalog.category) == nil {
                    checks.fail("/findings/\(index)/categoryCode", "a known category / 事项分类不存在")
                }
            default:
                checks.fail("/findings/\(index)/outcome", "selfHandled or workOrder / 自办或转工单")
            }
        }
        let photoIDs = Array(Set(input.photoIds ?? []))
        let photos =
            photoIDs.isEmpty
            ? []
            : try await VisitPhoto.query(on: req.db).filter(\.$id ~~ photoIDs).filter(\.$householdID == householdID)
                .filter(\.$uploaderID == principal.userID).filter(\.$visitID == nil).all()
        if photos.count != photoIDs.count {
            checks.fail("/photoIds", "photos you uploaded for this household and not yet on a visit / 照片须为本人为该户上传且未使用")
        }
        if VisitContent(note: note, findings: findings.count, photos: photoIDs.count).isEmpty {
            checks.fail("/note", key: "visit_empty")
        }
        try checks.finish()

        let service = WorkOrderService(application: req.application, database: req.db)
        var recorded: [Finding] = []
        for finding in findings {
            let description = finding.description!.trimmingCharacters(in: .whitespacesAndNewlines)
            guard finding.outcome == "workOrder" else {
                recorded.append(
                    Finding(description: description, outcome: "selfHandled", result: finding.result?.trimmingCharacters(in: .whitespacesAndNewlines))
                )
                continue
            }
            let valid = try await service.validate(
                NewWorkOrder(
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
        do {
            try await req.lianxin.writes.run {
                try await req.db.transaction { db in
                    try await visit.create(on: db)
                    if let key {
                        let sent = OfflineVisit()
                        sent.key = key
                        sent.userID = principal.userID
                        sent.visitID = visitID
                        sent.doneAt = visitedAt
                        sent.receivedAt = now
                        try await sent.create(on: db)
                    }
                    for photo in photos {
                        photo.visitID = visitID
                        try await photo.update(on: db)
                    }
                }
            }
        } catch let error as any DatabaseError where error.isConstraintFailure && key != nil {
            // The same key sent twice at once: the first one recorded it.
            if let key, let earlier = try await Self.earlierVisit(key: key, of: principal, req) { return earlier }
            throw Problem.conflict(InputValidator(req).message("offline_write_conflict"))
        }
        return try await Self.dto(visit, photoIDs: photos.compactMap(\.id)).encodeResponse(status: .created, for: req)
    }

    /// The visit an earlier request under the same idempotency key became, answered as 200.
    static func earlierVisit(key: String, of principal: Principal, _ req: Request) async throws -> Response? {
        guard let earlier = try await OfflineVisit.query(on: req.db).filter(\.$userID == principal.userID).filter(\.$key == key).first(),
            let visit = try await Visit.find(earlier.visitID, on: req.db)
        else { return nil }
        let photoIDs = try await VisitPhoto.query(on: req.db).filter(\.$visitID == earlier.visitID).all().compactMap(\.id)
        return try await dto(visit, photoIDs: photoIDs).encodeResponse(status: .ok, for: req)
    }
}
