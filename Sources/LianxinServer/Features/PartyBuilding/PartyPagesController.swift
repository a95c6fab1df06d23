import Vapor
import Fluent
import LianxinCore

/// `/party`: the points system at a glance (county leaders, supervisors, community staff, branch secretaries), a
/// branch's ranking, a member's ledger with the entry and claim forms, and the secretary's approval queue.
struct PartyPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let pages = routes.grouped("party")
        pages.get(use: overview)
        pages.post("branches", use: createBranch)
        pages.get("branches", ":id", use: branch)
        pages.post("members", use: createMember)
        pages.get("members", ":id", use: member)
        pages.post("members", ":id", "claims", use: claim)
        pages.post("entries", use: record)
        pages.get("entries", use: queue)
        pages.post("entries", ":id", "decision", use: decide)
    }

    struct OverviewModel: Encodable, Sendable {
        let figures: PartyOverview
        let stars: [SelectOption]
        let canRecord: Bool
        let canApprove: Bool
        let divisionPicker: DivisionPicker?
    }

    func overview(req: Request) async throws -> Response {
        let principal = try await req.require(.viewPartyBuilding)
        let year = (try? PartyLookup.requestedYear(req)) ?? PartyLookup.year(of: req.lianxin.now())
        let figures = try await PartyOverview.load(req, principal: principal, year: year)
        let stars = (1...5).reversed().map { SelectOption(value: "\(figures.stars[$0 - 1])", label: req.t("party_stars_\($0)"), selected: false) }
        let canRecord = principal.role.can(.recordPartyPoints)
        let picker =
            canRecord
            ? try await DivisionPicker.load(
                req, id: "pb-division", name: "divisionCode", label: req.t("party_division"), under: principal.division,
                selected: req.formEcho.values["divisionCode"], empty: req.t("field_picker_choose"), help: req.t("party_division_help"),
                error: req.formEcho.errors["divisionCode"] ?? "") : nil
        let model = OverviewModel(
            figures: figures, stars: stars, canRecord: canRecord, canApprove: principal.role.can(.approvePartyPoints), divisionPicker: picker)
        return try await req.page("party/overview", title: "party_title", model: model)
    }

    func createBranch(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        do {
            let row = try await PartyService(req: req, principal: principal).createBranch(try req.content.decode(PartyBranchInput.self))
            return req.redirect(to: "/party/branches/\(try row.requireID())")
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/party", problem: problem)
        }
    }

    struct BranchModel: Encodable, Sendable {
        let ranking: PartyRankingDTO
        let places: [PlaceLine]
        let canRecord: Bool
    }

    struct PlaceLine: Encodable, Sendable {
        let rank: Int
        let memberId: String
        let name: String
        let total: Int
        let stars: String
    }

    func branch(req: Request) async throws -> Response {
        let principal = try await req.require(.viewPartyBuilding)
        let branch = try await PartyLookup.branch(req.parameters.get("id"), principal, req)
        let year = (try? PartyLookup.requestedYear(req)) ?? PartyLookup.year(of: req.lianxin.now())
        let ranking = try await PartyFigures(req: req, principal: principal).ranking(branch, year: year)
        let places = ranking.places.map {
            PlaceLine(rank: $0.rank, memberId: $0.memberId, name: $0.name, total: $0.total, stars: req.t("party_stars_\($0.stars)"))
        }
        return try await req.page(
            "party/branch", title: "party_branch_title",
            model: BranchModel(ranking: ranking, places: places, canRecord: principal.role.can(.recordPartyPoints)))
    }

    func createMember(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let input = try req.content.decode(PartyMemberInput.self)
        do {
            _ = try await PartyService(req: req, principal: principal).createMember(input)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: "/party/branches/\(input.branchId ?? "")", problem: problem)
        }
        return req.redirect(to: "/party/branches/\(input.branchId ?? "")")
    }

    struct MemberModel: Encodable, Sendable {
        let ledger: PartyLedgerDTO
        let dimensions: [SelectOption]
        let entries: [EntryLine]
        let stars: String
        let kind: String
        let load: String
        let posts: [SelectOption]
        let rules: [SelectOption]
        let canRecord: Bool
        let today: String
    }

    struct EntryLine: Encodable, Sendable {
        let day: String
        let rule: String
        let dimension: String
        let points: String
        let evidence: String
        let status: String
        let note: String
    }

    func member(req: Request) async throws -> Response {
        let principal = try await req.require(.viewPartyBuilding)
        let member = try await PartyLookup.member(req.parameters.get("id"), principal, req)
        let year = (try? PartyLookup.requestedYear(req)) ?? PartyLookup.year(of: req.lianxin.now())
        let ledger = try await PartyFigures(req: req, principal: principal).ledger(member, year: year)
        let echo = req.formEcho
        let model = MemberModel(
            ledger: ledger,
            dimensions: ledger.dimensions.map { SelectOption(value: "\($0.points)", label: req.t("party_dim_\($0.dimension)"), selected: false) },
            entries: ledger.entries.map {
                EntryLine(
                    day: $0.occurredOn, rule: $0.rule, dimension: req.t("party_dim_\($0.dimension)"),
                    points: $0.points > 0 ? "+\($0.points)" : "\($0.points)",
                    evidence: $0.evidence, status: req.t("party_status_\($0.status)"), note: $0.decisionNote ?? "")
            }, stars: req.t("party_stars_\(ledger.stars)"), kind: req.t("party_kind_\(ledger.kind)"),
            load: req.t("party_load_\(ledger.householdLoad)"),
            posts: try await PartyLookup.posts(for: member.divisionCode, on: req.db).map {
                SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: echo.values["postId"] == $0.id?.uuidString)
            },
            rules: try await PartyLookup.rules(for: member.divisionCode, on: req.db).map {
                SelectOption(
                    value: $0.id?.uuidString ?? "",
                    label: "\(req.t("party_dim_\($0.dimension)"))：\($0.label)（\($0.points > 0 ? "+" : "")\($0.points)）",
                    selected: echo.values["ruleId"] == $0.id?.uuidString)
            }, canRecord: principal.role.can(.recordPartyPoints),
            today: LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone).description)
        return try await req.page("party/member", title: "party_member_title", model: model)
    }

    func claim(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let member = try await PartyLookup.member(req.parameters.get("id"), principal, req)
        let back = "/party/members/\(try member.requireID())"
        do {
            _ = try await PartyService(req: req, principal: principal).claim(member, try req.content.decode(PartyClaimInput.self))
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: back, problem: problem)
        }
        return req.redirect(to: back)
    }

    func record(req: Request) async throws -> Response {
        let principal = try await req.require(.recordPartyPoints)
        let input = try req.content.decode(PartyEntryInput.self)
        let member = try await PartyLookup.member(input.memberId, principal, req)
        let back = "/party/members/\(try member.requireID())"
        do {
            _ = try await PartyService(req: req, principal: principal).record(input)
        } catch let problem as Problem where problem.status.code < 500 {
            return try await req.sendBack(to: back, problem: problem)
        }
        return req.redirect(to: back)
    }

    struct QueueModel: Encodable, Sendable {
        let rows: [QueueLine]
        let canApprove: Bool
    }

    struct QueueLine: Encodable, Sendable {
        let id: String
        let memberId: String
        let member: String
        let day: String
        let rule: String
        let points: String
        let evidence: String
        let submittedBy: String
    }

    func queue(req: Request) async throws -> Response {
        let principal = try await req.require(.viewPartyBuilding)
        let rows = try await PartyPointsEntry.query(on: req.db).inScope(\.$divisionCode, principal)
            .filter(\.$status == PartyPointsEntryStatus.pending.rawValue).sort(\.$submittedAt).limit(200).all()
        let lines = try await PartyFigures(req: req, principal: principal).entryDTOs(rows).map {
            QueueLine(
                id: $0.id, memberId: $0.memberId, member: $0.member, day: $0.occurredOn, rule: "\(req.t("party_dim_\($0.dimension)"))：\($0.rule)",
                points: $0.points > 0 ? "+\($0.points)" : "\($0.points)", evidence: $0.evidence, submittedBy: $0.submittedBy)
        }
        return try await req.page(
            "party/entries", title: "party_queue_title", model: QueueModel(rows: lines, canApprove: principal.role.can(.approvePartyPoints)))
    }

    func decide(req: Request) async throws -> Response {
        let principal = try await req.require(.approvePartyPoints)
        let entry = try await PartyLookup.entry(req.parameters.get("id"), principal, req)
        do {
            try await PartyService(req: req, principal: principal).decide(entry, try req.content.decode(PartyDecisionInput.self))
        } catch let problem as Problem where problem.status.code < 500 && problem.status != .notFound {
            return try await req.sendBack(to: "/party/entries", problem: problem)
        }
        return req.redirect(to: "/party/entries")
    }
}
