import Vapor
import LianxinCore

/// A new request as an operator, a grid member, an integration or a resident submits it.
/// Everything is optional here so that each missing or bad field is named in the reply.
struct NewWorkOrder: Content {
    var title: String?
    var description: String?
    var categoryCode: String?
    var channel: String?
    var requestKind: String?
    var tier: String?
    var priority: String?
    var divisionCode: String?
    var latitude: Double?
    var longitude: Double?
    var address: String?
    var requesterName: String?
    var requesterPhone: String?
    var anonymous: Bool?
    /// The category the intake desk suggested (from `/work-orders/suggestions`); when the operator
    /// files under another top-level category, the choice is kept for the next training.
    var suggestedCategoryCode: String?
}

/// The checked form of `NewWorkOrder`.
struct ValidWorkOrder: Sendable {
    var title: String
    var description: String
    var category: Category
    var channel: LianxinCore.Channel
    var requestKind: RequestKind
    var tier: Tier
    var priority: Priority
    var division: DivisionCode
    var location: GeoPoint?
    var address: String?
    var requesterName: String?
    var requesterPhone: PhoneNumber?
    var anonymous: Bool
    /// The grid the position lies in (code, version), when it lies in one inside the division.
    var grid: (code: String, version: Int)? = nil
    /// The unit that owns the city asset (部件) the report names: routing suggests it before the category's rules.
    var assetOwnerID: UUID? = nil
}

/// One step asked of an order, as JSON: `{"action": "dispatch", "departmentId": "…", "note": "…"}`.
struct TransitionInput: Content {
    var action: String?
    var note: String?
    var reason: String?
    var departmentId: UUID?
    var assigneeId: UUID?
    var latitude: Double?
    var longitude: Double?
    var photoIds: [UUID]?
    var extraAmount: Int?
    var extraUnit: String?
    var approved: Bool?
    var satisfaction: String?
    var solved: Bool?
    var comment: String?
    /// `complete`: the reply the resident sees (答复内容), apart from the internal `note`.
    var publicReply: String?
    /// `answerDirectly`: the answer given on the call, and the knowledge entry it came from.
    var answer: String?
    var knowledgeEntryId: UUID?
    var parentId: UUID?
    var deadline: Date?
    /// `return`: the county's return reason (退单原因) the unit chose; with it, `reason` only adds detail.
    var returnReasonId: UUID?
    /// `appealAssessment`: why the order should leave the unit's assessment (核减).
    var appealKind: String?
    /// `dispatch`, `addAssists`: the assisting units (协办单位).
    var assistDepartmentIds: [UUID]?

    /// The core action this input asks for, or a 422 naming the field at fault.
    func resolved() throws -> WorkOrderAction {
        guard let name = action?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw Problem.invalid(field: "/action", "choose an action / 请选择要执行的操作")
        }
        func need<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else { throw Problem.invalid(field: "/\(field)", Self.missing(field)) }
            return value
        }
        func text(_ value: String?, _ field: String) throws -> String {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !trimmed.isEmpty else { throw Problem.invalid(field: "/\(field)", Self.missing(field)) }
            guard trimmed.count <= 2000 else { throw Problem.invalid(field: "/\(field)", "at most 2000 characters / 不超过 2000 字") }
            return trimmed
        }
        switch name {
        case "accept": return .accept(note: note)
        case "dispatch":
            return .dispatch(departmentID: try need(departmentId, "departmentId"), note: note, assists: assistDepartmentIds ?? [])
        case "addAssists":
            guard let ids = assistDepartmentIds, !ids.isEmpty else {
                throw Problem.invalid(field: "/assistDepartmentIds", Self.missing("assistDepartmentIds"))
            }
            return .addAssists(departmentIDs: ids, note: note)
        case "signAssist": return .signAssist
        case "reportAssist": return .reportAssist(note: try text(note, "note"), photoIDs: photoIds ?? [])
        case "requestAssistRelease": return .requestAssistRelease(reason: try text(reason, "reason"))
        case "decideAssistRelease":
            return .decideAssistRelease(departmentID: try need(departmentId, "departmentId"), approved: try need(approved, "approved"), note: note)
        case "waiveAssist": return .waiveAssist(departmentID: try need(departmentId, "departmentId"), reason: try text(reason, "reason"))
        case "redispatch": return .redispatch(departmentID: try need(departmentId, "departmentId"), reason: try text(reason, "reason"))
        case "sign": return .sign
        case "assign": return .assign(assigneeID: try need(assigneeId, "assigneeId"))
        case "return", "returnOrder":
            // With a reason from the county's list the explanation is optional (the service asks for it where the
            // reason needs one and writes the reason's name into the note).
            guard let chosen = returnReasonId else { return .returnOrder(reason: try text(reason, "reason")) }
            let detail = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard detail.count <= 2000 else { throw Problem.invalid(field: "/reason", "at most 2000 characters / 不超过 2000 字") }
            return .returnOrder(reason: detail, reasonCode: chosen.uuidString)
        case "approveReturn": return .approveReturn(note: note)
        case "refuseReturn": return .refuseReturn(reason: try text(reason, "reason"))
        case "appealAssessment":
            guard let kind = appealKind.flatMap(AppealKind.init(rawValue:)) else {
                throw Problem.invalid(field: "/appealKind", "choose why the order should be left out / 请选择核减理由")
            }
            return .appealAssessment(kind: kind, reason: try text(reason, "reason"), photoIDs: photoIds ?? [])
        case "decideAppeal": return .decideAppeal(approved: try need(approved, "approved"), note: note)
        case "arrive":
            if (latitude == nil) != (longitude == nil) { throw Problem.invalid(field: "/latitude", "give both latitude and longitude / 经纬度须同时提供") }
            return .arrive(location: latitude.flatMap { lat in longitude.map { GeoPoint(lon: $0, lat: lat) } })
        case "startProgress": return .startProgress
        case "addProgressNote": return .addProgressNote(note: try text(note, "note"), photoIDs: photoIds ?? [])
        case "requestExtension":
            let amount = try need(extraAmount, "extraAmount")
            guard let unit = TimeLimitUnit(rawValue: extraUnit ?? "workingDays") else {
                throw Problem.invalid(field: "/extraUnit", "choose working days, calendar days or hours / 请选择工作日、自然日或小时")
            }
            let extra = TimeLimit(amount, unit)
            guard extra.isValid, amount > 0 else { throw Problem.invalid(field: "/extraAmount", "must be a positive amount / 须为正数") }
            return .requestExtension(extra: extra, reason: try text(reason, "reason"))
        case "approveExtension": return .approveExtension(note: note)
        case "refuseExtension": return .refuseExtension(reason: try text(reason, "reason"))
        case "complete":
            let reply = publicReply?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let reply, reply.count > 2000 {
                throw Problem.invalid(field: "/publicReply", "at most 2000 characters / 不超过 2000 字")
            }
            return .complete(note: try text(note, "note"), photoIDs: photoIds ?? [], publicReply: reply?.isEmpty == false ? reply : nil)
        case "answerDirectly":
            // The order's own request kind is filled in by `WorkOrderService.apply`, which knows the order.
            return .answerDirectly(answer: try text(answer, "answer"), knowledgeEntryID: knowledgeEntryId, requestKind: .inquiry)
        case "review": return .review(approved: try need(approved, "approved"), note: note)
        case "verify":
            let passed = try need(approved, "approved")
            guard let latitude, let longitude else { throw Problem.invalid(field: "/latitude", Self.missing("latitude")) }
            guard !(photoIds ?? []).isEmpty else { throw Problem.invalid(field: "/photoIds", Self.missing("photoIds")) }
            if !passed { _ = try text(note, "note") }
            return .verify(passed: passed, location: GeoPoint(lon: longitude, lat: latitude), photoIDs: photoIds ?? [], note: note)
        case "revisit", "evaluate":
            guard let satisfaction = satisfaction.flatMap(Satisfaction.init(rawValue:)) else {
                throw Problem.invalid(field: "/satisfaction", "choose how satisfied you are / 请选择满意度")
            }
            return .revisit(Evaluation(satisfaction: satisfaction, solved: try need(solved, "solved"), comment: comment))
        case "reopen": return .reopen(reason: try text(reason, "reason"))
        case "close": return .close(note: note)
        case "merge": return .merge(parentID: try need(parentId, "parentId"))
        case "shelve": return .shelve(reason: try text(reason, "reason"))
        case "unshelve": return .unshelve(note: note)
        case "cancel": return .cancel(reason: try text(reason, "reason"))
        case "pause", "pauseForRequester": return .pauseForRequester(reason: try text(reason, "reason"))
        case "resume": return .resume
        case "addInformation": return .addInformation(note: try text(note, "note"), photoIDs: photoIds ?? [])
        case "remind": return .remind(note: try text(note, "note"))
        case "supervise": return .supervise(deadline: deadline, note: try text(note, "note"))
        case "escalate": return .escalate(reason: try text(reason, "reason"))
        default:
            throw Problem.invalid(field: "/action", "this action is not known / 没有这项操作")
        }
    }

    /// What a person is asked for when `field` is missing, in English and Chinese.
    static func missing(_ field: String) -> String {
        switch field {
        case "departmentId": "choose a unit / 请选择承办单位"
        case "assistDepartmentIds": "tick at least one assisting unit / 请至少勾选一个协办单位"
        case "assigneeId": "choose who handles it / 请选择承办人"
        case "reason": "give a reason / 请填写理由"
        case "note": "write what was done / 请填写办理说明"
        case "answer": "write the answer given to the caller / 请填写答复内容"
        case "extraAmount": "enter how much more time is needed / 请填写延期时长"
        case "approved": "choose approve or refuse / 请选择是否通过"
        case "solved": "say whether the problem was solved / 请选择问题是否解决"
        case "parentId": "choose the order to merge into / 请选择要合并到的工单"
        case "latitude": "record the position on site / 请记录现场定位"
        case "photoIds": "take a photo on site / 请上传现场照片"
        default: "is required / 此项必填"
        }
    }
}
