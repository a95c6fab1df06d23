import Fluent
import Foundation
import LianxinCore
import Vapor

extension OversightDemo {
    /// 上滩头社区's old-community renovation under the eyes of two volunteers of its 银发监督队, with the 住建局 answering.
    static func seedProjects(_ app: Application) async throws -> String? {
        let db = app.db
        guard try await SupervisedProject.query(on: db).count() == 0,
            let unit = try await Department.query(on: db).filter(\.$code == "XZ-ZJ").first(), let unitID = unit.id
        else { return nil }
        let now = app.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let cipher = app.lianxin.cipher
        try await db.transaction { db in
            let project = SupervisedProject()
            project.divisionCode = "361102001001"
            project.name = "上滩头社区老旧小区改造（一期）"
            project.departmentID = unitID
            project.startsOn = today.adding(days: -60).description
            project.endsOn = today.adding(days: 120).description
            project.budgetYuan = 3_860_000
            project.createdAt = now
            try await project.create(on: db)
            var volunteers: [VolunteerSupervisor] = []
            for (name, phone) in [("王秀英", "13907935501"), ("刘国华", "13907935502")] {
                let row = VolunteerSupervisor()
                row.id = UUID()
                row.projectID = try project.requireID()
                row.divisionCode = project.divisionCode
                row.name = name
                row.phoneCipher = try cipher.seal(phone, for: .volunteerSupervisorPhone, row: row.id!)
                row.team = "上滩头社区银发监督队"
                row.createdAt = now
                try await row.create(on: db)
                volunteers.append(row)
            }
            let inspections: [(Int, Int, String, String, String?)] = [
                (0, 30, "雨污分流管道开挖，现场围挡完好，材料与公示一致。", "noProblem", nil),
                (1, 12, "3 栋外墙保温层施工后有空鼓，居民担心脱落。", "answered", "已责成施工单位返工，空鼓部位全部铲除重做，监理旁站。"),
                (0, 2, "小区主干道施工后未恢复路面，雨天积水，老人出行不便。", "open", nil),
            ]
            for (who, days, findings, status, answer) in inspections {
                let row = SupervisionInspection()
                row.projectID = try project.requireID()
                row.divisionCode = project.divisionCode
                row.volunteerID = try volunteers[who].requireID()
                row.inspectedOn = today.adding(days: -days).description
                row.findings = findings
                row.status = status
                row.answer = answer
                row.answeredBy = answer == nil ? nil : "信州区住建局 黄敏"
                row.answeredOn = answer == nil ? nil : today.adding(days: -days + 3).description
                row.createdAt = now
                try await row.create(on: db)
            }
        }
        return "volunteer supervision: 1 project, 2 volunteer supervisors, 3 inspections"
    }
}
