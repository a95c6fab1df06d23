import Vapor
import Fluent

/// What an audit entry records.
enum AuditAction: String, Codable, CaseIterable, Sendable {
    case loginSucceeded = "login.success"
    case requesterMarkProposed = "requester-mark.propose"
    case requesterMarkDecided = "requester-mark.decide"
    case topicChanged = "topic.change"
    case loginFailed = "login.failure"
    case accountLocked = "login.locked"
    case logout = "logout"
    case permissionDenied = "permission.denied"
    case scopeDenied = "scope.denied"
    case csrfRejected = "csrf.rejected"
    case userCreated = "user.create"
    case userDisabled = "user.disable"
    case passwordReset = "user.password.reset"
    case passwordChanged = "user.password.change"
    case roleChanged = "user.role.change"
    case tokenCreated = "token.create"
    case tokenRevoked = "token.revoke"
    case divisionsImported = "divisions.import"
    case gridsImported = "grids.import"
    case gridChange = "grids.change"
    case basemapImported = "basemap.import"
    case settingsChanged = "settings.change"
    case exported = "export"
    case exportVolumeAlert = "export.volume-alert"
    case personalDataUnmasked = "personal-data.unmask"
    case auditRead = "audit.read"
    case secondFactorEnrolled = "user.totp.enrol"
    case residentsImported = "residents.import"
    case residentTagsChanged = "resident-tags.change"
    case gridStaffAssigned = "grid-staff.assign"
    case gridStaffEnded = "grid-staff.end"
    case rentalUnitCreated = "rental-unit.create"
    case tenantCheckedIn = "tenancy.check-in"
    case tenantCheckedOut = "tenancy.check-out"
    case visitTaskDone = "visit-task.done"
    case disputeRecordViewed = "dispute-record.view"
    case personalDataViewed = "personal-data.view"
    case auditVerified = "audit.verify"
    case accountUnlocked = "user.unlock"
    case administratorChangeFiled = "admin-change.file"
    case administratorChangeDecided = "admin-change.decide"
    case userUpdated = "user.update"
    case userMoved = "user.move"
    case userEnabled = "user.enable"
    case usersImported = "users.import"
    case ordersImported = "orders.import"
    case backupTaken = "backup.create"
    case backupRestored = "backup.restore"
    case retentionApplied = "retention.anonymise"
    case knowledgeChanged = "knowledge.change"
    case settlementsImported = "mi-settlements.import"
    case insuranceRegistryImported = "mi-registry.import"
    case insuranceLeadReviewed = "mi-lead.review"
    case insuranceRecoveryRecorded = "mi-recovery.record"
    case insurancePointActionDecided = "mi-points.decide"
    case insuranceStationTaskAssigned = "mi-station-task.assign"
    case insuranceStationTaskDone = "mi-station-task.complete"
    case talentProfileCreated = "talent-profile.create"
    case talentContactRead = "talent-contact.read"
    case talentDemandReviewed = "talent-demand.review"
    case talentAgreementChanged = "talent-agreement.change"
    case partyPointsDecided = "party-points.decide"
    case partyRulesChanged = "party-rules.change"
    case subsidyDecided = "ne-subsidy.decide"
    case canteenDinerRegistered = "canteen-diner.register"
    case canteenPricesChanged = "canteen-prices.change"
    case conductReportViewed = "conduct-report.view"
    case conductReportHandled = "conduct-report.handle"
    case conductContactRead = "conduct-contact.read"
    case handoverFiled = "inspection-handover.file"
    case handoverDecided = "inspection-handover.decide"
    case leaderDutyTaskDecided = "leader-duty.decide"
    case leaderMatterAssigned = "leader-matter.assign"
}

/// How the audited action ended.
enum AuditResult: String, Codable, Sendable { case success, failure, denied }

/// Who did it, when there is no request (command line).
struct AuditActor: Sendable {
    var id: UUID?
    var name: String
    var role: String?
    var division: String?

    static let commandLine = AuditActor(id: nil, name: "cli:\(ProcessInfo.processInfo.userName)", role: nil, division: nil)
}

enum AuditLog {
    /// Appends one entry to the chain. It throws, so that an action audited inside a transaction is
    /// rolled back with its entry if the entry cannot be written.
    static func record(
        _ action: AuditAction, result: AuditResult, actor: AuditActor, target: String? = nil, recordDivision: String? = nil,
        ip: String? = nil, requestID: String? = nil, detail: String? = nil,
        at date: Date, on database: any Database
    ) async throws {
        let entry = AuditEntry()
        entry.at = date
        entry.action = action.rawValue
        entry.result = result.rawValue
        entry.actorID = actor.id
        entry.actorName = actor.name
        entry.actorRole = actor.role
        entry.divisionCode = actor.division
        entry.recordDivision = recordDivision
        entry.target = target
        entry.ip = ip
        entry.requestID = requestID
        entry.detail = detail
        try await AuditChain.append(entry, on: database)
    }
}

extension Request {
    /// Who is acting, for the audit log.
    var auditActor: AuditActor {
        principal.map { AuditActor(id: $0.userID, name: $0.username, role: $0.role.rawValue, division: $0.division.value) }
            ?? AuditActor(id: nil, name: "anonymous", role: nil, division: nil)
    }

    /// Audits an event by the current principal (or an anonymous caller), outside any transaction;
    /// a failure to write is logged as critical.
    func audit(
        _ action: AuditAction, result: AuditResult, target: String? = nil, recordDivision: String? = nil, detail: String? = nil,
        actor: AuditActor? = nil, on database: (any Database)? = nil
    ) async {
        do {
            try await AuditLog.record(
                action, result: result, actor: actor ?? auditActor, target: target, recordDivision: recordDivision, ip: clientIP,
                requestID: id, detail: detail, at: lianxin.now(), on: database ?? db)
        } catch {
            logger.critical("could not write audit entry", metadata: ["action": "\(action.rawValue)", "error": "\(error)"])
        }
    }

    /// Audits a read of personal data before the data is shown, and fails closed: when the entry
    /// cannot be written (committed), this throws a 503 and the caller shows nothing.
    func auditDisclosure(_ action: AuditAction, target: String, recordDivision: String?, detail: String?) async throws {
        do {
            try await lianxin.writes.run {
                try await db.transaction { db in
                    try await AuditLog.record(
                        action, result: .success, actor: self.auditActor, target: target, recordDivision: recordDivision,
                        ip: self.clientIP, requestID: self.id, detail: detail, at: self.lianxin.now(), on: db)
                }
            }
        } catch {
            logger.critical(
                "personal data withheld: could not write its audit entry", metadata: ["action": "\(action.rawValue)", "error": "\(error)"])
            throw Problem.auditUnavailable
        }
    }
}

extension Problem {
    /// Personal data is shown only once its reading is audited.
    static let auditUnavailable = Problem(
        .serviceUnavailable, type: "audit-unavailable", title: "Audit log unavailable",
        detail: "The read could not be audited, so nothing is shown; try again later / 无法记录审计日志，数据未显示，请稍后再试")
}
