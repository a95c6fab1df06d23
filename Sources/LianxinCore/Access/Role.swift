/// A staff role. The first three are the separated administrator roles of MLPS level 3
/// (等保三级 三员分立): system admin, security admin and auditor.
public enum Role: String, Codable, Sendable, CaseIterable, Hashable {
    case admin
    case securityAdmin
    case auditor
    case `operator`
    case dispatcher
    case departmentHandler
    case departmentLead
    case gridMember
    case communityStaff
    case supervisor
    case leader
    /// 医保监管员: screens the medical-insurance fund's settlements, reviews leads, scores institutions.
    case fundSupervisor
    /// 医保服务站专职人员: a hospital station's worker (前沿哨兵) who does the daily patrols, focused checks and discharge
    /// reviews assigned to them, on a phone, and records the 14 services given at the station.
    case stationWorker
    /// 人才中心工作人员: runs the talent-sharing centre: organisations, profiles, demand review, matching, agreements.
    case talentCentre
    /// 企业人才联络员: an organisation's contact on the talent-sharing platform (demands, approvals, evaluations).
    case enterpriseContact
    /// 党支部书记: approves the points entries of the branch's party members (党员积分制) and keeps their ratings.
    case branchSecretary
    /// 纪检监察干部: the discipline commission's staff of a division; the only role that reads and handles the
    /// confidential 监督一点通 reports about officials' conduct.
    case disciplineInspector
    /// 巡察组: an inspection group of the county; records the problems it finds and hands them to a township or village
    /// for 立行立改, then accepts or returns the rectification.
    case inspectionGroup

    /// Roles whose accounts must belong to a `Department` as well as a division.
    public var requiresDepartment: Bool {
        self == .departmentHandler || self == .departmentLead
    }

    /// The three administrator roles, which must be held by different accounts.
    public var isAdministrator: Bool {
        self == .admin || self == .securityAdmin || self == .auditor
    }
}

/// What a role may do. Kept in one table so that the pages, the API and the tests agree.
public enum Permission: String, Sendable, CaseIterable {
    case manageAccounts  // create, disable, reset passwords, change roles, unlock, second factors (the security admin)
    case manageSecuritySettings  // tokens of others, Open311 keys, webhook secrets (the security admin)
    case approveAdministratorChanges  // the second, different-role approval of an administrator account change
    case readAuditLog
    case manageDivisions
    case viewDivisions
    case exportData
    case exportPersonalData  // residents with full ID numbers and phones in a file (with exportData)
    case unmaskPersonalData
    case viewWorkOrders
    case createWorkOrders
    case blowWhistle
    case manageRules
    case viewHotspots
    case createProactiveTasks
    case proposeGridChanges
    case reviewGridChanges
    case approveGridChanges
    case recordVisits
    case viewResidents  // the resident registry (buildings, households, residents) in scope
    case manageResidents  // import residents, edit resident tags
    case manageGridStaff  // assign grid members to grids
    case viewEngagement  // service events (红帐篷) and meetings in scope
    case manageEngagement  // run service events and meetings, file their requests and opinions
    case handleDisputes  // mediation cases and petitions (personal data, audited)
    case viewCommunityServices  // service orders, wishes, volunteers and points, stations in scope
    case orderCommunityServices  // order a service or post a wish for a resident
    case viewMedicalInsurance  // the medical-insurance dashboard and registries in scope (no patient data, no evidence)
    case superviseMedicalInsurance  // import settlements, read leads' evidence, review leads, record recoveries, confirm actions
    case doStationWork  // a hospital station's tasks assigned to oneself (patrol, focused check, discharge review) and their findings
    case viewTalent  // the talent-sharing platform: shared profiles (masked), published demands, the talent map
    case manageTalent  // the talent centre: organisations, profiles, demand review, matching, agreements
    case manageCommunityServices  // service menus, assignment, volunteers, activities, merchants, stations, earn rules
    case viewKnowledge  // the knowledge base (知识库): published entries in scope, and the desk's matches
    case writeKnowledge  // write and revise entries of one's unit or division, submit them for approval
    case approveKnowledge  // the hotline centre approves, refuses and withdraws entries
    case viewPartyBuilding  // party branches, members, posts, points ledgers, ratings and rankings in scope (党员积分制)
    case recordPartyPoints  // register branches and members, posts and claims, record points entries with their evidence
    case approvePartyPoints  // the branch secretary approves or refuses entries; the county's rules and scheme
    case viewNewEmployment  // new-employment workers (riders, couriers) as part-time grid members, their reports, stages, subsidies
    case manageNewEmployment  // register workers, move them along the growth path, run the tuition subsidy and its public notice
    case viewCanteens  // 幸福食堂 in scope: canteens, diners (masked), meals, subsidies owed, villages covered
    case manageCanteens  // open canteens, register diners, record meals served
    case setCanteenPrices  // the price list of one's own division (who eats free, who pays what)
    case viewFarmAid  // 农耕地互助 in scope: fields, teams, requests, days exchanged
    case manageFarmAid  // record fields and teams, file requests and their steps
    case viewLeaderDuty  // leaders on duty in scope: 我陪群众走流程 sessions, problems and rectification; 三高包保 matters
    case manageLeaderDuty  // record sessions and problems, confirm or send back rectifications, assign matters and set tasks
    case rectifyLeaderDuty  // report what was done on a rectification task (a unit's staff: only their own unit's tasks)
    case viewAssets  // the city asset registry (部件) in scope and its map layer
    case manageAssets  // import and edit city assets (the city-management centre)
    case recordPatrols  // start and end one's own patrols (巡查) in the field app, their positions kept offline too
    case viewPatrols  // patrols and their tracks in scope (a grid member: only their own)
    case handleConductReports  // 监督一点通: read and handle confidential reports about officials' conduct (the discipline commission only)
    case viewConductFigures  // 监督一点通 counts by division, month and state, without any content
    case runInspections  // 巡察: record problems found, hand them to a township with a deadline, accept or return the rectification
    case viewHandovers  // 巡察移交 in scope: problems handed over, replies, deadlines, on-time figures
    case replyHandovers  // a township's or village's reply to a handover: what was done and its proof
    case viewSupervisedProjects  // projects with volunteer supervisors (义务监督员, 银发监督队), their inspections and findings
    case manageSupervisedProjects  // register projects, attach volunteer supervisors, record their inspections
    case answerSupervisionFindings  // the responsible unit answers a volunteer supervisor's finding on its project
    case proposeRequesterMarks  // mark an order's caller (恶意, 无理, 频繁来电, 特殊关爱) for the centre to decide
    case decideRequesterMarks  // the hotline centre approves, refuses or withdraws caller marks
    case readRequesterMarks  // the marks in force on a number the desk has typed, and the centre's list
    case viewTopics  // 每月一题 in scope: topics, the class's requests before and after, tasks (a unit reports its own done)
    case manageTopics  // take up a topic (chosen or from a hotspot), set tasks for units, close it

    /// The roles holding this permission.
    public var roles: Set<Role> {
        switch self {
        case .manageAccounts: [.securityAdmin]
        case .manageSecuritySettings: [.securityAdmin]
        case .approveAdministratorChanges: [.admin]
        case .readAuditLog: [.auditor]
        case .manageDivisions: [.admin]
        case .viewDivisions: Set(Role.allCases)
        case .exportData: [.supervisor, .leader, .departmentLead]
        case .exportPersonalData: [.leader]
        case .unmaskPersonalData: [.operator, .dispatcher, .departmentHandler, .gridMember, .communityStaff]
        case .viewWorkOrders: Set(Role.allCases).subtracting([.admin, .securityAdmin, .auditor])
        case .createWorkOrders: [.operator, .dispatcher, .gridMember, .communityStaff]
        case .blowWhistle: [.communityStaff, .dispatcher, .supervisor, .leader]
        case .manageRules: [.admin]
        case .viewHotspots: [.dispatcher, .supervisor, .leader, .communityStaff, .departmentLead]
        case .createProactiveTasks: [.dispatcher, .supervisor, .leader]
        case .proposeGridChanges: [.communityStaff, .leader]
        case .reviewGridChanges: [.departmentLead, .supervisor]
        case .approveGridChanges: [.leader]
        case .recordVisits: [.gridMember, .communityStaff]
        case .viewResidents: [.gridMember, .communityStaff, .supervisor, .leader]
        case .manageResidents: [.communityStaff]
        case .manageGridStaff: [.admin, .communityStaff]
        case .viewEngagement: [.gridMember, .communityStaff, .supervisor, .leader, .dispatcher]
        case .manageEngagement: [.gridMember, .communityStaff, .leader]
        case .handleDisputes: [.communityStaff, .supervisor, .leader]
        case .viewCommunityServices: [.gridMember, .communityStaff, .dispatcher, .supervisor, .leader]
        case .orderCommunityServices: [.gridMember, .communityStaff]
        case .manageCommunityServices: [.communityStaff]
        case .viewKnowledge: Set(Role.allCases).subtracting([.admin, .securityAdmin, .auditor])
        case .writeKnowledge: [.departmentHandler, .departmentLead, .communityStaff, .dispatcher, .supervisor]
        case .approveKnowledge: [.dispatcher, .supervisor]
        case .viewMedicalInsurance: [.fundSupervisor, .leader]
        case .superviseMedicalInsurance: [.fundSupervisor]
        case .doStationWork: [.stationWorker, .fundSupervisor]
        case .viewTalent: [.talentCentre, .enterpriseContact, .leader]
        case .manageTalent: [.talentCentre]
        case .viewPartyBuilding: [.branchSecretary, .communityStaff, .supervisor, .leader]
        case .recordPartyPoints: [.branchSecretary, .communityStaff]
        case .approvePartyPoints: [.branchSecretary]
        case .viewNewEmployment: [.communityStaff, .gridMember, .supervisor, .leader]
        case .manageNewEmployment: [.communityStaff]
        case .viewCanteens: [.communityStaff, .gridMember, .supervisor, .leader]
        case .manageCanteens: [.communityStaff]
        case .setCanteenPrices: [.leader]
        case .viewFarmAid: [.communityStaff, .gridMember, .supervisor, .leader]
        case .manageFarmAid: [.communityStaff, .gridMember]
        case .viewLeaderDuty: [.leader, .supervisor, .communityStaff, .departmentLead, .departmentHandler, .dispatcher]
        case .manageLeaderDuty: [.leader, .supervisor, .communityStaff]
        case .rectifyLeaderDuty: [.departmentHandler, .departmentLead, .communityStaff, .supervisor, .leader]
        case .viewAssets:
            Set(Role.allCases).subtracting([
                .admin, .securityAdmin, .auditor, .fundSupervisor, .stationWorker, .talentCentre, .enterpriseContact, .branchSecretary,
                .disciplineInspector,
                .inspectionGroup,
            ])
        case .manageAssets: [.dispatcher, .supervisor]
        case .recordPatrols: [.gridMember]
        case .viewPatrols: [.gridMember, .communityStaff, .supervisor, .leader]
        case .handleConductReports: [.disciplineInspector]
        case .viewConductFigures: [.disciplineInspector, .leader, .supervisor]
        case .runInspections: [.inspectionGroup]
        case .viewHandovers: [.inspectionGroup, .disciplineInspector, .communityStaff, .leader, .supervisor]
        case .replyHandovers: [.communityStaff]
        case .viewSupervisedProjects:
            [.communityStaff, .gridMember, .supervisor, .leader, .disciplineInspector, .departmentHandler, .departmentLead]
        case .manageSupervisedProjects: [.communityStaff]
        case .answerSupervisionFindings: [.departmentHandler, .departmentLead]
        case .proposeRequesterMarks: [.operator, .dispatcher, .supervisor, .departmentHandler, .departmentLead]
        case .decideRequesterMarks: [.supervisor]
        case .readRequesterMarks: [.operator, .dispatcher, .supervisor]
        case .viewTopics: [.leader, .supervisor, .dispatcher, .departmentLead, .departmentHandler, .communityStaff]
        case .manageTopics: [.leader, .supervisor]
        }
    }
}

extension Role {
    /// Whether this role holds `permission`.
    public func can(_ permission: Permission) -> Bool { permission.roles.contains(self) }
}
