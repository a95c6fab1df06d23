extension WorkOrderEventKind {
    /// The event's name in an order's timeline, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .created: english ? "Submitted" : "提交诉求"
        case .accepted: english ? "Accepted" : "受理"
        case .dispatched: english ? "Dispatched" : "派单"
        case .redispatched: english ? "Redispatched" : "改派"
        case .signed: english ? "Signed" : "签收"
        case .assigned: english ? "Assigned" : "分派承办人"
        case .returned: english ? "Returned" : "退单"
        case .arrived: english ? "On site" : "到场"
        case .progressStarted: english ? "Work started" : "开始办理"
        case .progressNoted: english ? "Progress note" : "办理进展"
        case .extensionRequested: english ? "Extension requested" : "申请延期"
        case .extensionApproved: english ? "Extension approved" : "同意延期"
        case .extensionRefused: english ? "Extension refused" : "驳回延期"
        case .completed: english ? "Completed" : "办结"
        case .reviewed: english ? "Reviewed" : "审核"
        case .evaluated: english ? "Evaluated" : "回访评价"
        case .reopened: english ? "Reopened" : "重办"
        case .closed: english ? "Closed" : "结案"
        case .closedWithParent: english ? "Closed with its parent" : "随主单结案"
        case .merged: english ? "Merged" : "并单"
        case .shelved: english ? "Shelved" : "挂账"
        case .unshelved: english ? "Unshelved" : "取消挂账"
        case .cancelled: english ? "Cancelled" : "作废"
        case .paused: english ? "Clock paused" : "中止计时"
        case .resumed: english ? "Clock resumed" : "恢复计时"
        case .reminded: english ? "Reminded" : "催办"
        case .supervised: english ? "Supervised" : "督办"
        case .escalated: english ? "Escalated" : "上报提级"
        case .informationAdded: english ? "Information added" : "补充信息"
        case .answeredDirectly: english ? "Answered and closed on the call" : "直接办结"
        }
    }
}
