/// Who may take each action and from which statuses: one table, so pages, API and tests agree.
struct WorkOrderActionGuard {
    /// Staff roles allowed to act.
    let roles: Set<Role>
    let allowsSystem: Bool
    let allowsResident: Bool
    /// Statuses the action applies in.
    let statuses: Set<WorkOrderStatus>
    /// Whether the action is allowed while the order waits on the requester.
    let allowedWhilePaused: Bool

    /// Roles that act for the unit the order is assigned to, and only for it.
    static let unitRoles: Set<Role> = [.departmentHandler, .departmentLead, .gridMember, .communityStaff]

    private static let handling: Set<WorkOrderStatus> = [.signed, .arrived, .inProgress]
    private static let beforeSigning: Set<WorkOrderStatus> = [.submitted, .received, .returned, .dispatched]
    private static let live: Set<WorkOrderStatus> = [
        .received, .dispatched, .returned, .signed, .arrived, .inProgress, .completed, .verifying, .reviewed, .reopened,
    ]
    /// Where a joint order's assisting parts are worked on: while the lead handles it (and waits for a return decision).
    static let jointOpen: Set<WorkOrderStatus> = [.dispatched, .returned, .signed, .arrived, .inProgress, .reopened]
    /// Who checks a completion on site (核查): independent of the handling unit, so the unit check does not apply.
    static let checkers: Set<Role> = [.supervisor, .gridMember]
    private static let escalatable: Set<WorkOrderStatus> = [
        .received, .returned, .dispatched, .signed, .arrived, .inProgress, .reopened,
    ]

    /// Where an assessment appeal may be filed and decided: from dispatch on, closed orders included.
    private static let appealable: Set<WorkOrderStatus> = [
        .dispatched, .signed, .arrived, .inProgress, .completed, .verifying, .reviewed, .evaluated, .reopened, .shelved,
        .closed,
    ]

    init(
        _ roles: Set<Role>, system: Bool = false, resident: Bool = false,
        from statuses: Set<WorkOrderStatus>, whilePaused: Bool = false
    ) {
        self.roles = roles
        allowsSystem = system
        allowsResident = resident
        self.statuses = statuses
        allowedWhilePaused = whilePaused
    }

    /// Whether this kind of actor may ever take the action.
    func permits(_ kind: WorkOrderActor.Kind) -> Bool {
        switch kind {
        case .staff(let role): roles.contains(role)
        case .system: allowsSystem
        case .resident: allowsResident
        }
    }

    /// The guard of `kind`.
    static func of(_ kind: WorkOrderActionKind) -> WorkOrderActionGuard {
        switch kind {
        case .create:
            WorkOrderActionGuard(
                [.operator, .dispatcher, .gridMember, .communityStaff], system: true, resident: true, from: [])
        case .accept:
            WorkOrderActionGuard([.operator, .dispatcher], from: [.submitted])
        case .dispatch:
            WorkOrderActionGuard([.operator, .dispatcher], from: [.received])
        case .redispatch:
            // The system redispatches the open orders of a unit being disabled, to the unit its administrator chose.
            WorkOrderActionGuard([.dispatcher], system: true, from: [.returned, .dispatched, .signed, .arrived, .inProgress, .reopened])
        case .sign:
            WorkOrderActionGuard(unitRoles, from: [.dispatched, .reopened])
        case .assign:
            WorkOrderActionGuard([.departmentLead, .communityStaff], from: handling)
        case .returnOrder:
            WorkOrderActionGuard(unitRoles, from: [.dispatched, .signed])
        case .approveReturn, .refuseReturn:
            WorkOrderActionGuard([.dispatcher], from: [.returned])
        case .appealAssessment:
            WorkOrderActionGuard(unitRoles.union([.dispatcher]), from: appealable, whilePaused: true)
        case .decideAppeal:
            WorkOrderActionGuard([.supervisor], from: appealable, whilePaused: true)
        case .arrive:
            WorkOrderActionGuard(unitRoles, from: [.signed])
        case .startProgress:
            WorkOrderActionGuard(unitRoles, from: [.signed, .arrived])
        case .addProgressNote:
            WorkOrderActionGuard(
                unitRoles.union([.dispatcher, .supervisor]), from: handling.union([.shelved]), whilePaused: true)
        case .requestExtension, .complete, .pauseForRequester:
            WorkOrderActionGuard(unitRoles, from: handling)
        case .approveExtension, .refuseExtension:
            WorkOrderActionGuard([.dispatcher, .supervisor, .leader], from: handling, whilePaused: true)
        case .review:
            WorkOrderActionGuard([.dispatcher, .supervisor], from: [.completed])
        case .verify:
            WorkOrderActionGuard(checkers, from: [.verifying])
        case .revisit:
            WorkOrderActionGuard([.operator, .dispatcher], system: true, resident: true, from: [.completed, .reviewed])
        case .reopen:
            WorkOrderActionGuard([.operator, .dispatcher, .supervisor, .leader], resident: true, from: [.evaluated, .closed])
        case .close:
            WorkOrderActionGuard(
                [.operator, .dispatcher, .supervisor], system: true, from: [.completed, .reviewed, .evaluated])
        case .merge:
            // The system links a repeat call (重复诉求) to the open order it repeats.
            WorkOrderActionGuard([.operator, .dispatcher], system: true, from: beforeSigning)
        case .shelve:
            WorkOrderActionGuard([.dispatcher, .supervisor, .leader], from: escalatable)
        case .unshelve:
            WorkOrderActionGuard([.dispatcher, .supervisor, .leader], from: [.shelved])
        case .cancel:
            WorkOrderActionGuard([.operator, .dispatcher, .supervisor], resident: true, from: beforeSigning)
        case .resume:
            WorkOrderActionGuard(unitRoles.union([.dispatcher, .supervisor]), from: handling, whilePaused: true)
        case .remind:
            // The system reminds and supervises by the county's escalation rules (升级规则).
            WorkOrderActionGuard([.dispatcher, .supervisor, .leader], system: true, from: live, whilePaused: true)
        case .addInformation:
            WorkOrderActionGuard(
                [.operator, .dispatcher], resident: true,
                from: live.union([.submitted, .shelved]).subtracting([.completed, .verifying, .reviewed]), whilePaused: true)
        case .supervise:
            WorkOrderActionGuard([.supervisor, .leader], system: true, from: live, whilePaused: true)
        case .escalate:
            WorkOrderActionGuard(unitRoles.union([.dispatcher, .supervisor, .leader]), from: escalatable)
        case .answerDirectly:
            WorkOrderActionGuard([.operator, .dispatcher], from: [.submitted, .received])
        case .addAssists:
            WorkOrderActionGuard([.dispatcher], from: jointOpen)
        case .signAssist, .reportAssist, .requestAssistRelease:
            WorkOrderActionGuard(unitRoles, from: jointOpen)
        case .decideAssistRelease, .waiveAssist:
            WorkOrderActionGuard([.dispatcher], from: jointOpen, whilePaused: true)
        }
    }
}
