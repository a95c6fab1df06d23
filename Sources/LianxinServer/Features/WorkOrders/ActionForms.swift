import Vapor
import LianxinCore

/// One input of an action form, described in Swift so one template draws every form.
struct FormField: Encodable, Sendable {
    /// text, textarea, select, number, file, geo (a "use my location" button filling latitude/longitude), hidden
    let kind: String
    let name: String
    let label: String
    var options: [SelectOption] = []
    var required = false
    var value = ""
    var error = ""
    var help = ""
}

/// A form for one lifecycle action on the order page, posted to `/orders/:id/act`.
struct ActionForm: Encodable, Sendable {
    let action: String
    let title: String
    let fields: [FormField]
    /// Shown open (the usual next step) rather than folded.
    let primary: Bool
    let multipart: Bool
    /// The form that was just sent and refused: shown open, with the refusal beside its button.
    var failed = false
}

/// What a page form posts for an action: all text, so an empty select or a mistyped number is named
/// in the reply instead of failing to decode.
struct ActionFormInput: Content {
    var action: String?
    var note: String?
    var reason: String?
    var departmentId: String?
    var latitude: String?
    var longitude: String?
    var extraAmount: String?
    var extraUnit: String?
    var approved: String?
    var satisfaction: String?
    var solved: String?
    var comment: String?
    var parentNumber: String?
    var deadline: String?
    /// `complete`: the reply the resident sees (答复内容).
    var publicReply: String?
    /// `return`: the return reason (退单原因) chosen from the county's list.
    var returnReasonId: String?
    /// `appealAssessment`: the kind of 核减 asked for.
    var appealKind: String?
    /// `dispatch`, `addAssists`: the assisting units (协办单位) ticked.
    var assistDepartmentIds: [String]?

    /// The API's input for the same step, or a 422 naming the field.
    func transition(parentID: UUID?, calendar: WorkCalendar) throws -> TransitionInput {
        func uuid(_ text: String?, _ field: String) throws -> UUID? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let id = UUID(uuidString: text) else { throw Problem.invalid(field: "/\(field)", "choose from the list / 请从列表中选择") }
            return id
        }
        func flag(_ text: String?) -> Bool? { text.flatMap { ["true": true, "false": false][$0] } }
        var deadlineDate: Date?
        if let text = deadline?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            // A date picker gives yyyy-MM-dd: the deadline is the end of that day in Beijing time.
            guard let day = LocalDate(iso: text) else { throw Problem.invalid(field: "/deadline", "a date / 须为日期") }
            deadlineDate = calendar.instant(on: day.adding(days: 1), minute: 0).addingTimeInterval(-1)
        }
        var amount: Int?
        if let value = try formNumber(extraAmount, field: "extraAmount") {
            guard value == value.rounded(), abs(value) < 1000 else { throw Problem.invalid(field: "/extraAmount", "a whole number / 须为整数") }
            amount = Int(value)
        }
        return TransitionInput(
            action: action, note: note, reason: reason, departmentId: try uuid(departmentId, "departmentId"),
            latitude: try formNumber(latitude, field: "latitude"), longitude: try formNumber(longitude, field: "longitude"),
            extraAmount: amount, extraUnit: extraUnit?.isEmpty == false ? extraUnit : nil,
            approved: flag(approved), satisfaction: satisfaction?.isEmpty == false ? satisfaction : nil,
            solved: flag(solved), comment: comment, publicReply: publicReply, parentId: parentID, deadline: deadlineDate,
            returnReasonId: try uuid(returnReasonId, "returnReasonId"), appealKind: appealKind?.isEmpty == false ? appealKind : nil,
            assistDepartmentIds: try (assistDepartmentIds ?? []).compactMap { try uuid($0, "assistDepartmentIds") })
    }
}

extension WorkbenchLookup {
    /// The forms for the actions offered to this user on this order, the usual next step first.
    func actionForms(
        offered: [WorkOrderActionKind], order: WorkOrder, principal: Principal, t: (String) -> String,
        values: [String: String] = [:], errors: [String: String] = [:], returnReasons: [SelectOption] = []
    ) -> [ActionForm] {
        func field(_ kind: String, _ name: String, _ label: String, required: Bool = false, options: [SelectOption] = [], help: String = "")
            -> FormField
        {
            FormField(
                kind: kind, name: name, label: t(label), options: options.selecting(values[name]), required: required,
                value: values[name] ?? "", error: errors[name] ?? "", help: help.isEmpty ? "" : t(help))
        }
        let unitChoices = DivisionCode(order.divisionCode).map { departmentOptions(for: $0, principal: principal) } ?? []
        let departments = unitChoices.filter { $0.value != order.departmentID?.uuidString }
        let yesNo = [SelectOption(value: "true", label: t("wb_yes")), SelectOption(value: "false", label: t("wb_no"))]
        let satisfaction = Satisfaction.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
        let units = [TimeLimitUnit.workingDays, .workingHours, .minutes].map { SelectOption(value: $0.rawValue, label: t("wb_unit_\($0.rawValue)")) }
        let next: Set<WorkOrderActionKind> = [
            .accept, .dispatch, .sign, .arrive, .complete, .verify, .revisit, .close, .approveExtension, .signAssist, .reportAssist,
            .decideAssistRelease,
        ]
        let ticked = Set((values["assistDepartmentIds"] ?? "").split(separator: ",").map(String.init))
        func checks(_ options: [SelectOption]) -> FormField {
            FormField(
                kind: "checks", name: "assistDepartmentIds[]", label: t("jt_assist_units"),
                options: options.map { SelectOption(value: $0.value, label: $0.label, selected: ticked.contains($0.value)) },
                error: errors["assistDepartmentIds"] ?? "", help: t("jt_assist_units_help"))
        }
        let state = try? WorkOrderService.decodeState(order)
        func parts(_ statuses: Set<AssistStatus>) -> [SelectOption] {
            (state?.assists ?? []).filter { statuses.contains($0.status) }.map {
                SelectOption(value: $0.departmentID.uuidString, label: departmentNames[$0.departmentID] ?? "—")
            }
        }
        return offered.compactMap { kind -> ActionForm? in
            let fields: [FormField]
            switch kind {
            case .accept, .startProgress, .sign, .resume: fields = []
            case .dispatch:
                fields = [
                    FormField(
                        kind: "select", name: "departmentId", label: t("wb_department"),
                        options: unitChoices.selecting(values["departmentId"] ?? order.suggestedDepartmentID?.uuidString),
                        required: true, error: errors["departmentId"] ?? ""),
                    checks(unitChoices),
                    field("text", "note", "wb_note"),
                ]
            case .addAssists:
                let taken = Set((state?.assists ?? []).filter(\.status.isOpen).map(\.departmentID.uuidString))
                fields = [checks(departments.filter { !taken.contains($0.value) }), field("text", "note", "wb_note")]
            case .signAssist: fields = []
            case .reportAssist:
                fields = [
                    field("textarea", "note", "jt_report", required: true, help: "jt_report_help"),
                    field("file", "file", "wb_photo"),
                ]
            case .requestAssistRelease: fields = [field("textarea", "reason", "jt_release_reason", required: true)]
            case .decideAssistRelease:
                fields = [
                    field("select", "departmentId", "jt_assist_unit", required: true, options: parts([.releaseRequested])),
                    field("select", "approved", "jt_release_decision", required: true, options: yesNo),
                    field("textarea", "note", "wb_note", help: "jt_release_decision_help"),
                ]
            case .waiveAssist:
                fields = [
                    field("select", "departmentId", "jt_assist_unit", required: true, options: parts([.awaitingSign, .signed, .releaseRequested])),
                    field("textarea", "reason", "jt_waive_reason", required: true, help: "jt_waive_help"),
                ]
            case .redispatch:
                fields = [
                    field("select", "departmentId", "wb_department", required: true, options: departments),
                    field("textarea", "reason", "wb_reason", required: true),
                ]
            case .returnOrder where !returnReasons.isEmpty:
                fields = [
                    field("select", "returnReasonId", "wb_return_reason", required: true, options: returnReasons),
                    field("textarea", "reason", "wb_return_detail", help: "wb_return_detail_help"),
                ]
            case .returnOrder, .refuseExtension, .reopen, .shelve, .cancel, .pauseForRequester, .escalate:
                fields = [field("textarea", "reason", "wb_reason", required: true)]
            case .refuseReturn: fields = [field("textarea", "reason", "wb_refuse_return_reason", required: true)]
            case .approveReturn: fields = [field("text", "note", "wb_note", help: "wb_approve_return_help")]
            case .appealAssessment:
                let kinds = AppealKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.title(english: english)) }
                fields = [
                    field("select", "appealKind", "wb_appeal_kind", required: true, options: kinds),
                    field("textarea", "reason", "wb_appeal_reason", required: true, help: "wb_appeal_reason_help"),
                    field("file", "file", "wb_appeal_evidence"),
                ]
            case .decideAppeal:
                fields = [
                    field("select", "approved", "wb_appeal_decision", required: true, options: yesNo),
                    field("textarea", "note", "wb_appeal_decision_note", help: "wb_appeal_decision_help"),
                ]
            case .arrive: fields = [field("geo", "latitude", "wb_location", help: "wb_location_help")]
            case .addProgressNote: fields = [field("textarea", "note", "wb_note", required: true), field("file", "file", "wb_photo")]
            case .complete:
                fields = [
                    field("textarea", "note", "wb_result", required: true, help: "wb_result_internal_help"),
                    field("textarea", "publicReply", "wb_public_reply", help: "wb_public_reply_help"),
                    field("file", "file", "wb_photo", help: "wb_photo_help"),
                ]
            case .requestExtension:
                fields = [
                    field("number", "extraAmount", "wb_extra_amount", required: true),
                    field("select", "extraUnit", "wb_extra_unit", options: units),
                    field("textarea", "reason", "wb_reason", required: true),
                ]
            case .approveExtension, .unshelve, .close: fields = [field("text", "note", "wb_note")]
            case .review: fields = [field("select", "approved", "wb_approved", required: true, options: yesNo), field("text", "note", "wb_note")]
            case .verify:
                let outcomes = [
                    SelectOption(value: "true", label: t("fw_verify_passed")), SelectOption(value: "false", label: t("fw_verify_failed")),
                ]
                fields = [
                    field("select", "approved", "fw_verify_outcome", required: true, options: outcomes),
                    field("geo", "latitude", "fw_verify_location", required: true, help: "fw_verify_location_help"),
                    field("file", "file", "fw_verify_photo", required: true, help: "fw_verify_photo_help"),
                    field("textarea", "note", "fw_verify_note", help: "fw_verify_note_help"),
                ]
            case .revisit:
                fields = [
                    field("select", "satisfaction", "wb_satisfaction", required: true, options: satisfaction),
                    field("select", "solved", "wb_solved", required: true, options: yesNo),
                    field("textarea", "comment", "wb_comment"),
                ]
            case .merge: fields = [field("text", "parentNumber", "wb_parent_number", required: true, help: "wb_parent_help")]
            case .remind: fields = [field("text", "note", "wb_note", required: true)]
            case .supervise: fields = [field("date", "deadline", "wb_deadline"), field("textarea", "note", "wb_note", required: true)]
            case .addInformation: fields = [field("textarea", "note", "wb_note", required: true)]
            // 直接办结 happens at the desk, where the call is taken.
            case .assign, .create, .answerDirectly: return nil
            }
            // What was typed and what was wrong belong to the form that was sent, not to every form with a field of that name.
            let sent = values["action"].map { $0 == kind.rawValue } ?? true
            return ActionForm(
                action: kind.rawValue, title: kind.title(english: english),
                fields: sent
                    ? fields
                    : fields.map {
                        FormField(kind: $0.kind, name: $0.name, label: $0.label, options: $0.options, required: $0.required, help: $0.help)
                    },
                primary: next.contains(kind), multipart: fields.contains { $0.kind == "file" }, failed: values["action"] == kind.rawValue)
        }
    }
}
