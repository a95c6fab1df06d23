import Fluent
import Foundation
import LianxinCore
import Vapor

/// The writes of 农耕地互助: fields, teams, requests and their steps. Every household, field, team and request named
/// is checked against the caller's registry scope (out of it: 404); every problem names its field; each write is one
/// transaction.
struct FarmAidService {
    let req: Request
    let principal: Principal

    static let crops = ["rice", "vegetables", "rapeseed", "tea", "fruit", "other"]

    struct FieldInput: Content {
        var householdId: String?
        var name: String?
        /// Mu, e.g. `3` or `2.5`.
        var area: String?
        var crop: String?
        var labourShort: Bool?
    }

    struct TeamInput: Content {
        var name: String?
        var leader: String?
        var householdIds: [String]?
    }

    struct RequestInput: Content {
        var fieldId: String?
        var task: String?
        var wantedOn: String?
        /// Person-days, e.g. `4` or `1.5`.
        var days: String?
    }

    struct ActionInput: Content {
        struct Help: Content {
            var householdId: String?
            var days: String?
        }
        var action: String?
        var teamId: String?
        var helpers: [Help]?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    static func household(_ id: String?, _ principal: Principal, _ req: Request) async throws -> Household {
        try await req.household(id, for: principal)
    }

    static func field(_ id: String?, _ principal: Principal, _ req: Request) async throws -> FarmField {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await FarmField.find(id, on: req.db) else { throw Problem.notFound("field") }
        guard principal.canSee(divisionCode: row.communityCode) else { throw await req.outOfScope("field", target: id.uuidString) }
        return row
    }

    static func team(_ id: String?, _ principal: Principal, _ req: Request) async throws -> FarmTeam {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await FarmTeam.find(id, on: req.db) else { throw Problem.notFound("team") }
        guard principal.canSee(divisionCode: row.communityCode) else { throw await req.outOfScope("team", target: id.uuidString) }
        return row
    }

    static func request(_ id: String?, _ principal: Principal, _ req: Request) async throws -> FarmRequest {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await FarmRequest.find(id, on: req.db) else {
            throw Problem.notFound("request")
        }
        guard principal.canSee(divisionCode: row.communityCode) else { throw await req.outOfScope("request", target: id.uuidString) }
        return row
    }

    func addField(_ input: FieldInput) async throws -> FarmField {
        var checks = InputValidator(req)
        var household: Household?
        if let id = input.householdId, !id.isEmpty { household = try await Self.household(id, principal, req) }
        if household == nil { checks.fail("/householdId", key: "farm_err_household") }
        let name = checks.text(input.name, "/name", 1...30)
        let area = FarmAid.tenths((input.area ?? "").trimmingCharacters(in: .whitespaces))
        if area == nil || area == 0 || area! > 10_000 { checks.fail("/area", key: "farm_err_area") }
        if !Self.crops.contains(input.crop ?? "") { checks.fail("/crop", key: "farm_err_crop") }
        try checks.finish()
        let row = FarmField()
        row.householdID = try household!.requireID()
        row.communityCode = household!.communityCode
        row.name = name
        row.areaTenths = area ?? 0
        row.crop = input.crop ?? "other"
        row.labourShort = input.labourShort ?? false
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func addTeam(_ input: TeamInput) async throws -> FarmTeam {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 2...30)
        let leader = checks.text(input.leader, "/leader", 1...20)
        var members: [Household] = []
        for id in Set(input.householdIds ?? []) where !id.isEmpty { members.append(try await Self.household(id, principal, req)) }
        if members.isEmpty { checks.fail("/householdIds", key: "farm_err_members") }
        if Set(members.map(\.communityCode)).count > 1 { checks.fail("/householdIds", key: "farm_err_one_village") }
        try checks.finish()
        let row = FarmTeam()
        row.communityCode = members[0].communityCode
        row.name = name
        row.leader = leader
        row.members = members.compactMap { $0.id?.uuidString }.sorted().joined(separator: ";")
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func addRequest(_ input: RequestInput) async throws -> FarmRequest {
        var checks = InputValidator(req)
        var field: FarmField?
        if let id = input.fieldId, !id.isEmpty { field = try await Self.field(id, principal, req) }
        if field == nil { checks.fail("/fieldId", key: "farm_err_field") }
        let task = FarmAid.Task(rawValue: input.task ?? "")
        if task == nil { checks.fail("/task", key: "farm_err_task") }
        let day = LocalDate(iso: input.wantedOn ?? "")
        if day == nil || day! < today.adding(days: -7) || day! > today.adding(days: 180) { checks.fail("/wantedOn", key: "farm_err_day") }
        let days = FarmAid.tenths((input.days ?? "").trimmingCharacters(in: .whitespaces))
        if days == nil || days == 0 || days! > 1_000 { checks.fail("/days", key: "farm_err_days") }
        try checks.finish()
        let row = FarmRequest()
        row.communityCode = field!.communityCode
        row.householdID = field!.householdID
        row.fieldID = try field!.requireID()
        row.task = task!.rawValue
        row.season = FarmAid.Season(month: day!.components.month).rawValue
        row.wantedOn = day!.description
        row.daysTenths = days!
        row.status = FarmAid.Status.open.rawValue
        row.createdBy = principal.username
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func act(_ request: FarmRequest, _ input: ActionInput) async throws {
        var checks = InputValidator(req)
        guard let action = FarmAid.Action(rawValue: input.action ?? "") else {
            checks.fail("/action", key: "farm_err_action")
            try checks.finish()
            return
        }
        guard let next = FarmAid.apply(action, to: FarmAid.Status(rawValue: request.status) ?? .open) else {
            throw Problem.conflict(checks.message("farm_err_not_now"), field: "/action")
        }
        var exchanges: [FarmExchange] = []
        switch action {
        case .assign:
            var team: FarmTeam?
            if let id = input.teamId, !id.isEmpty { team = try await Self.team(id, principal, req) }
            if team == nil || team?.communityCode != request.communityCode { checks.fail("/teamId", key: "farm_err_team") }
            try checks.finish()
            request.teamID = team?.id
        case .complete:
            for (index, help) in (input.helpers ?? []).enumerated() where !(help.householdId ?? "").isEmpty || !(help.days ?? "").isEmpty {
                var helper: Household?
                if let id = help.householdId, !id.isEmpty { helper = try await Self.household(id, principal, req) }
                if helper == nil || helper?.id == request.householdID { checks.fail("/helpers/\(index)/householdId", key: "farm_err_helper") }
                let days = FarmAid.tenths((help.days ?? "").trimmingCharacters(in: .whitespaces))
                if days == nil || days == 0 || days! > 100 { checks.fail("/helpers/\(index)/days", key: "farm_err_days") }
                if let helper, let days, helper.id != request.householdID {
                    let exchange = FarmExchange()
                    exchange.requestID = try request.requireID()
                    exchange.communityCode = request.communityCode
                    exchange.helperHouseholdID = try helper.requireID()
                    exchange.hostHouseholdID = request.householdID
                    exchange.tenths = days
                    exchange.workedOn = today.description
                    exchanges.append(exchange)
                }
            }
            if exchanges.isEmpty && checks.isValid { checks.fail("/helpers/0/householdId", key: "farm_err_helpers") }
            try checks.finish()
            request.doneOn = today.description
        case .cancel:
            break
        }
        request.status = next.rawValue
        let written = exchanges
        try await req.lianxin.writes.run {
            try await req.db.transaction { db in
                try await request.save(on: db)
                for exchange in written { try await exchange.create(on: db) }
            }
        }
    }
}
