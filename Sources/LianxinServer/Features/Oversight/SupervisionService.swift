import Fluent
import Foundation
import LianxinCore
import Vapor

/// 义务监督员 on projects: the village staff register a project and its responsible unit, attach volunteer supervisors
/// (银发监督队…) and record their inspections; the responsible unit answers each finding. Every project, volunteer,
/// unit and inspection named is checked against the caller's scope (out of it: 404); each write is one transaction.
struct SupervisionService {
    let req: Request
    let principal: Principal

    struct ProjectInput: Content {
        var divisionCode: String?
        var name: String?
        var departmentId: String?
        var startsOn: String?
        var endsOn: String?
        /// Whole yuan, e.g. `1200000`.
        var budget: String?
    }

    struct VolunteerInput: Content {
        var name: String?
        var phone: String?
        var team: String?
    }

    struct InspectionInput: Content {
        var volunteerId: String?
        var inspectedOn: String?
        var findings: String?
        /// `on` / `true` when the volunteer found a problem the unit must answer.
        var problem: String?
    }

    struct AnswerInput: Content {
        var answer: String?
    }

    var today: LocalDate { LocalDate(req.lianxin.now(), in: ResidentIDNumber.chinaTimeZone) }

    /// A project the caller may see: in their division and, for a unit's staff, their unit's own.
    static func project(_ id: String?, _ principal: Principal, _ req: Request) async throws -> SupervisedProject {
        guard let id = id.flatMap(UUID.init(uuidString:)), let row = try await SupervisedProject.find(id, on: req.db) else {
            throw Problem.notFound("project")
        }
        let ownUnit = !principal.role.requiresDepartment || principal.departmentID == row.departmentID
        guard principal.canSee(divisionCode: row.divisionCode), ownUnit else { throw await req.outOfScope("project", target: id.uuidString) }
        return row
    }

    /// The units a project of `division` may be given to: active units on its line (the county's, the township's…).
    static func units(for division: DivisionCode, _ req: Request) async throws -> [Department] {
        try await Department.query(on: req.db).filter(\.$active == true).sort(\.$name).all()
            .filter { DivisionCode($0.divisionCode).map { $0.isRelated(to: division) } ?? false }
    }

    func addProject(_ input: ProjectInput) async throws -> SupervisedProject {
        var checks = InputValidator(req)
        var place: DivisionCode?
        if let text = input.divisionCode, let code = DivisionCode(text), !principal.canSee(code) {
            throw await req.outOfScope("division", target: code.value)
        } else {
            place = try await ConductReportService.place(input.divisionCode, under: principal.division, &checks, req, key: "ov_err_township")
        }
        let name = checks.text(input.name, "/name", 2...60, label: req.t("ov_pj_name"))
        var unit: Department?
        if let id = input.departmentId.flatMap(UUID.init(uuidString:)), let place {
            unit = try await Self.units(for: place, req).first { $0.id == id }
        }
        if unit == nil { checks.fail("/departmentId", key: "ov_err_unit") }
        let starts = LocalDate(iso: input.startsOn ?? ""), ends = LocalDate(iso: input.endsOn ?? "")
        if starts == nil { checks.fail("/startsOn", key: "validation_day") }
        if ends == nil || (starts != nil && ends! < starts!) { checks.fail("/endsOn", key: "ov_err_period") }
        let budget = Int((input.budget ?? "").trimmingCharacters(in: .whitespaces))
        if budget == nil || budget! < 0 || budget! > 10_000_000_000 { checks.fail("/budget", key: "ov_err_budget") }
        try checks.finish()
        let row = SupervisedProject()
        row.divisionCode = place!.value
        row.name = name
        row.departmentID = try unit!.requireID()
        row.startsOn = starts!.description
        row.endsOn = ends!.description
        row.budgetYuan = budget!
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func addVolunteer(_ project: SupervisedProject, _ input: VolunteerInput) async throws -> VolunteerSupervisor {
        var checks = InputValidator(req)
        let name = checks.text(input.name, "/name", 1...20, label: req.t("ov_vol_name"))
        var phone = ""
        do { phone = try PhoneNumber(parsing: input.phone ?? "").value } catch { checks.fail("/phone", key: "ov_err_phone") }
        let team = checks.text(input.team, "/team", 2...30, label: req.t("ov_vol_team"))
        try checks.finish()
        let row = VolunteerSupervisor()
        row.id = UUID()
        row.projectID = try project.requireID()
        row.divisionCode = project.divisionCode
        row.name = name
        row.phoneCipher = try req.lianxin.cipher.seal(phone, for: .volunteerSupervisorPhone, row: row.id!)
        row.team = team
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    func addInspection(_ project: SupervisedProject, _ input: InspectionInput) async throws -> SupervisionInspection {
        var checks = InputValidator(req)
        var volunteer: VolunteerSupervisor?
        if let id = input.volunteerId.flatMap(UUID.init(uuidString:)) {
            volunteer = try await VolunteerSupervisor.find(id, on: req.db)
        }
        if volunteer == nil || volunteer?.projectID != project.id { checks.fail("/volunteerId", key: "ov_err_volunteer") }
        let day = checks.day(input.inspectedOn, "/inspectedOn", default: today)
        if day > today || day < today.adding(days: -60) { checks.fail("/inspectedOn", key: "ov_err_inspected") }
        let findings = checks.text(input.findings, "/findings", 4...1000, label: req.t("ov_insp_findings"))
        try checks.finish()
        let row = SupervisionInspection()
        row.projectID = try project.requireID()
        row.divisionCode = project.divisionCode
        row.volunteerID = try volunteer!.requireID()
        row.inspectedOn = day.description
        row.findings = findings
        row.status = input.problem == "on" || input.problem == "true" ? "open" : "noProblem"
        row.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await row.create(on: req.db) }
        return row
    }

    /// The responsible unit's answer to an open finding (another unit's finding: 404).
    func answer(_ id: String?, _ input: AnswerInput) async throws -> SupervisionInspection {
        guard let uuid = id.flatMap(UUID.init(uuidString:)), let row = try await SupervisionInspection.find(uuid, on: req.db) else {
            throw Problem.notFound("inspection")
        }
        _ = try await Self.project(row.projectID.uuidString, principal, req)
        var checks = InputValidator(req)
        guard row.status == "open" else { throw Problem.conflict(checks.message("ov_err_not_now"), field: "/answer") }
        row.answer = checks.text(input.answer, "/answer", 4...1000, label: req.t("ov_insp_answer"))
        try checks.finish()
        row.status = "answered"
        row.answeredBy = principal.displayName
        row.answeredOn = today.description
        try await req.lianxin.writes.run { try await row.save(on: req.db) }
        return row
    }
}
