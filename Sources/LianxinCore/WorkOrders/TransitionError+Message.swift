extension TransitionError {
    /// The reason for people, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .notPermitted(let action, let actor):
            english
                ? "A \(Self.actorName(actor, english: true)) may not \(action.title(english: true)) work orders."
                : "\(Self.actorName(actor, english: false))无权对工单执行“\(action.title(english: false))”。"
        case .notAssignedUnit(let action):
            english
                ? "Only the unit the order is assigned to may \(action.title(english: true)) it."
                : "只有承办单位才能对该工单执行“\(action.title(english: false))”。"
        case .notAllowedInStatus(let action, let status):
            english
                ? "Cannot \(action.title(english: true)) an order that is \(status.title(english: true).lowercased())."
                : "工单处于“\(status.title(english: false))”状态，不能执行“\(action.title(english: false))”。"
        case .pausedForRequester(let action):
            english
                ? "The order is waiting on the requester; resume it before you \(action.title(english: true))."
                : "工单正在等待诉求人，请先恢复计时再执行“\(action.title(english: false))”。"
        case .notPaused:
            english ? "The order is not paused." : "工单未中止计时。"
        case .reasonRequired(let action):
            english
                ? "Give a reason or note to \(action.title(english: true))."
                : "执行“\(action.title(english: false))”须填写原因或说明。"
        case .invalidLocation:
            english ? "The check-in position is not a valid longitude and latitude." : "到场定位不是有效的经纬度。"
        case .invalidExtension(let extra):
            english ? "An extension must be a positive amount of time, not \(extra)." : "延期时长必须为正数（收到：\(extra)）。"
        case .extensionPending:
            english ? "An extension request is already waiting for an answer." : "已有待审批的延期申请。"
        case .noPendingExtension:
            english ? "There is no extension request to answer." : "没有待审批的延期申请。"
        case .reviewRequired:
            english ? "The result must pass review first." : "办理结果须先通过审核。"
        case .reopenWindowClosed:
            english ? "The time to ask for this order to be redone has passed." : "已超过可申请重办的期限。"
        case .sameDepartment:
            english ? "The order is already with that unit." : "工单已在该单位，无需改派。"
        case .mergeIntoItself:
            english ? "An order cannot be merged into itself." : "工单不能并入自身。"
        case .invalidDeadline:
            english ? "The supervision deadline must lie in the future." : "督办期限必须晚于当前时间。"
        case .highestLevelReached(let level):
            english
                ? "The order is already handled at the highest level (\(level.rawValue))."
                : "工单已在最高层级（\(Self.levelName(level))）办理，不能再提级。"
        case .notAnInquiry(let kind):
            english
                ? "Only an inquiry can be answered and closed on the call; this is a \(kind.title(english: true).lowercased())."
                : "只有咨询类诉求可以直接办结，本诉求为\(kind.title(english: false))。"
        case .noPendingReturn:
            english ? "No return from a unit is waiting for a decision." : "没有待审核的退单申请。"
        case .appealNotPossible:
            english
                ? "An assessment appeal is already waiting, or the order is already left out of the assessment."
                : "已有待审核的核减申请，或工单已核减。"
        case .noPendingAppeal:
            english ? "No assessment appeal is waiting for a decision." : "没有待审核的核减申请。"
        case .checkerIsHandler:
            english
                ? "The on-site check must be made by someone who did not handle the order."
                : "核查须由未承办该工单的人员进行。"
        case .verificationNeedsPosition:
            english ? "Record the position where the check was made." : "核查须记录现场定位。"
        case .verificationNeedsPhoto:
            english ? "Take at least one photo on site." : "核查须上传至少一张现场照片。"
        case .assistsOutstanding:
            english
                ? "Every assisting unit must report first, or the dispatcher must decide to go on without it."
                : "协办单位尚未全部反馈：须等协办单位反馈，或由派单员决定不再等待。"
        case .noAssistPart(let action):
            english
                ? "Your unit has no assisting part on this order that can \(action.title(english: true)) now."
                : "本单位在该工单中没有可执行“\(action.title(english: false))”的协办任务。"
        case .invalidAssist:
            english
                ? "An assisting unit must be another unit than the lead unit, each named once."
                : "协办单位不能是主办单位，且不能重复。"
        }
    }

    private static func actorName(_ kind: WorkOrderActor.Kind, english: Bool) -> String {
        switch kind {
        case .system: return english ? "system job" : "系统"
        case .resident: return english ? "resident" : "群众"
        case .staff(let role):
            guard !english else { return role.rawValue }
            switch role {
            case .admin: return "系统管理员"
            case .securityAdmin: return "安全管理员"
            case .auditor: return "安全审计员"
            case .operator: return "话务员"
            case .dispatcher: return "派单员"
            case .departmentHandler: return "承办人员"
            case .departmentLead: return "承办单位负责人"
            case .gridMember: return "网格员"
            case .communityStaff: return "社区工作人员"
            case .supervisor: return "督办人员"
            case .leader: return "领导"
            case .fundSupervisor: return "医保监管员"
            case .stationWorker: return "医保服务站专职人员"
            case .talentCentre: return "人才中心工作人员"
            case .enterpriseContact: return "企业人才联络员"
            case .branchSecretary: return "党支部书记"
            case .disciplineInspector: return "纪检监察干部"
            case .inspectionGroup: return "巡察组"
            }
        }
    }

    private static func levelName(_ level: DivisionLevel) -> String {
        switch level {
        case .province: "省级"
        case .city: "市级"
        case .county: "县级"
        case .township: "乡镇"
        case .community: "社区"
        }
    }
}
