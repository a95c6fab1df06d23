import Fluent
import Foundation
import LianxinCore
import Vapor

/// 义务监督员 at a glance: projects, volunteer supervisors, inspections and the findings still awaiting the unit's
/// answer, by division; and each project with its supervisors (phones masked) and inspections.
struct SupervisionFigures: Content {
    struct DivisionLine: Content {
        var name: String
        var projects: Int
        var volunteers: Int
        var inspections: Int
        var open: Int
    }

    struct VolunteerLine: Content {
        var id: String
        var name: String
        var phone: String
        var team: String
    }

    struct InspectionLine: Content {
        var id: String
        var inspectedOn: String
        var volunteer: String
        var findings: String
        var status: String
        var statusCode: String
        var answer: String
        var answeredBy: String
    }

    struct ProjectLine: Content {
        var id: String
        var name: String
        var place: String
        var unit: String
        var period: String
        var budget: String
        var volunteers: [VolunteerLine]
        var inspections: [InspectionLine]
        var open: Int
    }

    var projects: Int
    var volunteers: Int
    var inspections: Int
    var openFindings: Int
    var answered: Int
    var byDivision: [DivisionLine]
    var list: [ProjectLine]

    static func load(_ req: Request, principal: Principal) async throws -> SupervisionFigures {
        var query = SupervisedProject.query(on: req.db).within(\.$divisionCode, principal.division)
        if principal.role.requiresDepartment, let unit = principal.departmentID { query = query.filter(\.$departmentID == unit) }
        let projects = try await query.sort(\.$name).all()
        let ids = projects.compactMap(\.id)
        let volunteers = ids.isEmpty ? [] : try await VolunteerSupervisor.query(on: req.db).filter(\.$projectID ~~ ids).sort(\.$name).all()
        let inspections =
            ids.isEmpty
            ? [] : try await SupervisionInspection.query(on: req.db).filter(\.$projectID ~~ ids).sort(\.$inspectedOn, .descending).all()
        let grouping = try await DivisionGrouping.load(req, root: principal.division)
        let units = Dictionary(
            try await Department.query(on: req.db).filter(\.$id ~~ projects.map(\.departmentID)).all().compactMap { row in
                row.id.map { ($0, row.name) }
            }
        ) { a, _ in a }
        let cipher = req.lianxin.cipher
        let names = Dictionary(volunteers.compactMap { row in row.id.map { ($0, row.name) } }) { a, _ in a }
        let lines = projects.map { project in
            let own = inspections.filter { $0.projectID == project.id }
            return ProjectLine(
                id: project.id?.uuidString ?? "", name: project.name, place: grouping.names[project.divisionCode] ?? project.divisionCode,
                unit: units[project.departmentID] ?? "", period: "\(project.startsOn) – \(project.endsOn)",
                budget: project.budgetYuan.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))),
                volunteers: volunteers.filter { $0.projectID == project.id }.map { row in
                    let phone = (try? cipher.open(row.phoneCipher, for: .volunteerSupervisorPhone, row: row.id ?? UUID())) ?? ""
                    return VolunteerLine(id: row.id?.uuidString ?? "", name: row.name, phone: PersonalDataMask.phone(phone), team: row.team)
                },
                inspections: own.prefix(20).map { row in
                    InspectionLine(
                        id: row.id?.uuidString ?? "", inspectedOn: row.inspectedOn, volunteer: names[row.volunteerID] ?? "",
                        findings: row.findings, status: req.t("ov_insp_status_\(row.status)"), statusCode: row.status, answer: row.answer ?? "",
                        answeredBy: row.answeredBy ?? "")
                }, open: own.filter { $0.status == "open" }.count)
        }
        let divisions = Dictionary(grouping: projects) { grouping.group($0.divisionCode) }.sorted { $0.key < $1.key }.map { code, own in
            let ownIDs = Set(own.compactMap(\.id))
            return DivisionLine(
                name: grouping.name(code), projects: own.count, volunteers: volunteers.filter { ownIDs.contains($0.projectID) }.count,
                inspections: inspections.filter { ownIDs.contains($0.projectID) }.count,
                open: inspections.filter { ownIDs.contains($0.projectID) && $0.status == "open" }.count)
        }
        return SupervisionFigures(
            projects: projects.count, volunteers: volunteers.count, inspections: inspections.count,
            openFindings: inspections.filter { $0.status == "open" }.count, answered: inspections.filter { $0.status == "answered" }.count,
            byDivision: divisions, list: lines)
    }
}
