import Foundation

/// Something a person or the system asks to do to an existing work order.
public enum WorkOrderAction: Sendable, Hashable, Codable {
    /// 受理: an operator accepts a submitted request.
    case accept(note: String?)
    /// 派单: send to the unit responsible.
    case dispatch(departmentID: UUID, note: String?, assists: [UUID] = [])
    /// 改派: send to another unit, with the reason.
    case redispatch(departmentID: UUID, reason: String)
    /// 签收: the unit acknowledges the order; the signer becomes the assignee.
    case sign
    /// 分派: the unit's lead hands the order to one of its people.
    case assign(assigneeID: UUID)
    /// 退单: the unit says the order is not theirs, with the reason and, when the county keeps a list of return
    /// reasons, the code of the one chosen. The return waits for the dispatcher's decision; the unit's clocks run on.
    case returnOrder(reason: String, reasonCode: String? = nil)
    /// 同意退单: the dispatcher accepts a unit's return; the order waits for redispatch and the unit's clocks stop.
    case approveReturn(note: String?)
    /// 申请核减: ask the hotline centre to leave the order out of the unit's assessment (三率 and ranking), with the kind,
    /// the reason and evidence photos already uploaded to the order.
    case appealAssessment(kind: AppealKind, reason: String, photoIDs: [UUID])
    /// 审核核减: the centre approves or refuses the waiting appeal; a refusal needs a note.
    case decideAppeal(approved: Bool, note: String?)
    /// 驳回退单: the dispatcher refuses a unit's return, with the reason; the order goes back to the unit as it was.
    case refuseReturn(reason: String)
    /// 到场: someone is on site, with the check-in position when known.
    case arrive(location: GeoPoint?)
    /// 开始办理.
    case startProgress
    /// 办理进展: a note (and photos) without a change of status.
    case addProgressNote(note: String, photoIDs: [UUID])
    /// 延期申请: ask for `extra` time, with the reason.
    case requestExtension(extra: TimeLimit, reason: String)
    /// 同意延期.
    case approveExtension(note: String?)
    /// 驳回延期, with the reason.
    case refuseExtension(reason: String)
    /// 办结/回单: report the result with an internal note and photos, and the reply the resident sees (答复内容).
    case complete(note: String, photoIDs: [UUID], publicReply: String? = nil)
    /// 核查: an on-site check of a completed order by a supervisor or grid member who did not handle it, with the
    /// position and photos taken there; a failed check (a note is then required) sends the order back to the unit.
    case verify(passed: Bool, location: GeoPoint?, photoIDs: [UUID], note: String?)
    /// 审核: accept the result, or send it back to the unit (a reason is then required).
    case review(approved: Bool, note: String?)
    /// 回访: record the requester's evaluation; dissatisfied or unsolved reopens the order.
    case revisit(Evaluation)
    /// 重办: send an evaluated or closed order back to its unit, with the reason.
    case reopen(reason: String)
    /// 结案; a note is required when closing without an evaluation (requester unreachable).
    case close(note: String?)
    /// 并单: link this duplicate under `parentID`.
    case merge(parentID: UUID, repeatedRequest: Bool = false)
    /// 挂账, with the reason.
    case shelve(reason: String)
    /// 取消挂账: back to where the order was.
    case unshelve(note: String?)
    /// 作废, with the reason.
    case cancel(reason: String)
    /// 中止: wait on the requester (more information, access); the clocks stand still.
    case pauseForRequester(reason: String)
    /// 恢复 after a pause.
    case resume
    /// 补充信息: the requester (or the operator on the phone with them) adds details or photos;
    /// it ends a wait on the requester.
    case addInformation(note: String, photoIDs: [UUID])
    /// 催办.
    case remind(note: String)
    /// 督办, optionally with a deadline; supervising a supervised order raises it (提级督办).
    case supervise(deadline: Date?, note: String)
    /// 上报/提级: move the order one handling level up, back to that level's dispatcher.
    case escalate(reason: String)
    /// 直接办结: a consultation (咨询) answered on the call is closed at once with the answer, which the resident
    /// sees; `knowledgeEntryID` names the knowledge entry that answered it, if any. `requestKind` is the order's.
    case answerDirectly(answer: String, knowledgeEntryID: UUID?, requestKind: RequestKind)
    /// 指定协办单位: the dispatcher names assisting units (at dispatch, or later); each gets its own part and clocks.
    case addAssists(departmentIDs: [UUID], note: String?)
    /// 协办签收: an assisting unit acknowledges its part.
    case signAssist
    /// 协办反馈: an assisting unit reports what it did, with photos already uploaded to the order.
    case reportAssist(note: String, photoIDs: [UUID])
    /// 申请退出协办: an assisting unit says the part is not theirs; the dispatcher decides.
    case requestAssistRelease(reason: String)
    /// 审核退出协办: the dispatcher lets the assisting unit go or keeps it (a refusal needs a note).
    case decideAssistRelease(departmentID: UUID, approved: Bool, note: String?)
    /// 不再等待协办: the dispatcher decides the lead may complete without this unit's report, with the reason.
    case waiveAssist(departmentID: UUID, reason: String)

    /// The action without its data, for guards and messages.
    public var kind: WorkOrderActionKind {
        switch self {
        case .accept: .accept
        case .dispatch: .dispatch
        case .redispatch: .redispatch
        case .sign: .sign
        case .assign: .assign
        case .returnOrder: .returnOrder
        case .approveReturn: .approveReturn
        case .refuseReturn: .refuseReturn
        case .appealAssessment: .appealAssessment
        case .decideAppeal: .decideAppeal
        case .arrive: .arrive
        case .startProgress: .startProgress
        case .addProgressNote: .addProgressNote
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .refuseExtension: .refuseExtension
        case .complete: .complete
        case .review: .review
        case .verify: .verify
        case .revisit: .revisit
        case .reopen: .reopen
        case .close: .close
        case .merge: .merge
        case .shelve: .shelve
        case .unshelve: .unshelve
        case .cancel: .cancel
        case .pauseForRequester: .pauseForRequester
        case .resume: .resume
        case .addInformation: .addInformation
        case .remind: .remind
        case .supervise: .supervise
        case .escalate: .escalate
        case .answerDirectly: .answerDirectly
        case .addAssists: .addAssists
        case .signAssist: .signAssist
        case .reportAssist: .reportAssist
        case .requestAssistRelease: .requestAssistRelease
        case .decideAssistRelease: .decideAssistRelease
        case .waiveAssist: .waiveAssist
        }
    }
}

/// The kinds of `WorkOrderAction`, including `create`, which starts an order.
public enum WorkOrderActionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case create, accept, dispatch, redispatch, sign, assign, returnOrder, arrive, startProgress, addProgressNote
    case requestExtension, approveExtension, refuseExtension, complete, review, revisit, reopen, close, merge
    case shelve, unshelve, cancel, pauseForRequester, resume, remind, supervise, escalate, addInformation
    case answerDirectly, approveReturn, refuseReturn, appealAssessment, decideAppeal, verify
    case addAssists, signAssist, reportAssist, requestAssistRelease, decideAssistRelease, waiveAssist

    /// The action's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .create: english ? "create" : "提交"
        case .accept: english ? "accept" : "受理"
        case .dispatch: english ? "dispatch" : "派单"
        case .redispatch: english ? "redispatch" : "改派"
        case .sign: english ? "sign" : "签收"
        case .assign: english ? "assign" : "分派"
        case .returnOrder: english ? "return" : "退单"
        case .arrive: english ? "arrive on site" : "到场"
        case .startProgress: english ? "start work" : "开始办理"
        case .addProgressNote: english ? "add a progress note" : "填写进展"
        case .requestExtension: english ? "request an extension" : "申请延期"
        case .approveExtension: english ? "approve the extension" : "同意延期"
        case .refuseExtension: english ? "refuse the extension" : "驳回延期"
        case .complete: english ? "complete" : "办结"
        case .review: english ? "review" : "审核"
        case .revisit: english ? "revisit" : "回访"
        case .reopen: english ? "reopen" : "重办"
        case .close: english ? "close" : "结案"
        case .merge: english ? "merge" : "并单"
        case .shelve: english ? "shelve" : "挂账"
        case .unshelve: english ? "unshelve" : "取消挂账"
        case .cancel: english ? "cancel" : "作废"
        case .pauseForRequester: english ? "pause for the requester" : "中止计时"
        case .resume: english ? "resume" : "恢复计时"
        case .addInformation: english ? "add information" : "补充信息"
        case .remind: english ? "remind" : "催办"
        case .supervise: english ? "supervise" : "督办"
        case .escalate: english ? "escalate" : "上报提级"
        case .answerDirectly: english ? "answer and close on the call" : "直接办结"
        case .approveReturn: english ? "approve the return" : "同意退单"
        case .refuseReturn: english ? "refuse the return" : "驳回退单"
        case .appealAssessment: english ? "ask to leave it out of the assessment" : "申请核减"
        case .decideAppeal: english ? "decide the assessment appeal" : "审核核减申请"
        case .verify: english ? "verify on site" : "核查"
        case .addAssists: english ? "name assisting units" : "指定协办单位"
        case .signAssist: english ? "sign our assisting part" : "协办签收"
        case .reportAssist: english ? "report our assisting part" : "协办反馈"
        case .requestAssistRelease: english ? "ask to be released from assisting" : "申请退出协办"
        case .decideAssistRelease: english ? "decide a release from assisting" : "审核退出协办"
        case .waiveAssist: english ? "go on without an assisting unit's report" : "不再等待协办反馈"
        }
    }
}
