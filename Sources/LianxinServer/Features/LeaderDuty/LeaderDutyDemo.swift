import Fluent
import Foundation
import LianxinCore
import Vapor

/// The demo leaders on duty (names invented): the county leader `xzleader` at the district's service centre and at
/// 水南街道's, as applicant and as staff, over the last four months, with the problems found — most fixed and signed
/// off, some waiting, one overdue; and one matter of each 三高 tier with its owner (`leader`, `xzleader`, `snleader`)
/// and a task or two.
enum LeaderDutyDemo {
    static let sessions: [(days: Int, division: String, hall: String, matter: String, role: LeaderDuty.SessionRole, services: Int)] = [
        (110, "361102", "信州区政务服务中心 不动产登记窗口", "二手房转移登记", .asApplicant, 6),
        (96, "361102", "信州区政务服务中心 社保窗口", "灵活就业人员参保", .asStaff, 14),
        (75, "361102001", "水南街道便民服务中心", "高龄津贴申领", .asApplicant, 4),
        (61, "361102", "信州区政务服务中心 市场主体登记窗口", "个体工商户开业登记", .asStaff, 11),
        (40, "361102001", "水南街道便民服务中心", "居住证办理", .asStaff, 9),
        (26, "361102", "信州区政务服务中心 医保窗口", "异地就医备案手续", .asApplicant, 5),
        (12, "361102", "信州区政务服务中心 公积金窗口", "公积金提取", .asStaff, 13),
        (3, "361102001", "水南街道便民服务中心", "残疾人两项补贴申领", .asApplicant, 3),
    ]
    /// Session index, problem, unit code, deadline after the session (days), status.
    static let problems: [(Int, String, String, Int, LeaderDuty.TaskStatus)] = [
        (0, "材料清单与窗口实际要求不一致，群众往返两次", "XZ-ZJ", 20, .confirmed),
        (1, "自助终端无法读取社保卡，无人引导", "XZ-MZ", 15, .confirmed),
        (3, "经营场所证明须到社区开具，可由部门间核验代替", "XZ-SJ", 30, .rectified),
        (4, "午休时段窗口无人值守", "XZ-MZ", 15, .open),
        (5, "备案须填写的表格在网上找不到", "XZ-WJ", 20, .open),
        (7, "无障碍通道被杂物占用", "XZ-CG", 14, .open),
    ]
    static let matters: [(username: String, division: String, category: String, tier: ThreeHighs.Tier, note: String)] = [
        ("leader", "361102", "0306", .highRisk, "城区在建工地脚手架和塔吊安全"),
        ("xzleader", "361102", "0105", .highFrequency, "沿街餐饮油烟和夜间噪声投诉多"),
        ("snleader", "361102001", "0101", .highIncidence, "老旧小区垃圾清运不及时"),
    ]

    /// Seeds once (when there is no session yet); returns lines for the console.
    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await DutySession.query(on: db).count() == 0 else { return [] }
        let users = try await User.query(on: db).filter(\.$username ~~ ["leader", "xzleader", "snleader"]).all()
        let units = try await Department.query(on: db).filter(\.$code ~~ (problems.map(\.2) + ["XZ-CG", "XZ-ZJ"])).all()
        guard let county = users.first(where: { $0.username == "xzleader" }), units.count >= 5 else { return [] }
        let ids = Dictionary(units.compactMap { row in row.id.map { (row.code, $0) } }, uniquingKeysWith: { a, _ in a })
        let now = app.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let owner0 = try units[0].requireID()
        try await db.transaction { db in
            var rows: [DutySession] = []
            for entry in sessions {
                let row = DutySession()
                row.divisionCode = entry.division
                row.leaderID = try county.requireID()
                row.leaderName = county.displayName
                row.heldOn = today.adding(days: -entry.days).description
                row.hall = entry.hall
                row.matter = entry.matter
                row.role = entry.role.rawValue
                row.services = entry.services
                row.createdBy = "supervisor"
                row.createdAt = now
                try await row.create(on: db)
                rows.append(row)
            }
            for (index, text, code, days, status) in problems {
                guard let owner = ids[code] else { continue }
                let session = rows[index]
                let row = DutyProblem()
                row.sessionID = try session.requireID()
                row.divisionCode = session.divisionCode
                row.description = text
                row.ownerUnitID = owner
                row.deadline = (LocalDate(iso: session.heldOn) ?? today).adding(days: days).description
                row.status = status.rawValue
                if status != .open { row.rectification = "已按要求整改，并在窗口公示" }
                if status != .open { row.rectifiedOn = today.adding(days: -5).description }
                if status == .confirmed { row.confirmedOn = today.adding(days: -2).description }
                row.createdBy = "supervisor"
                row.createdAt = now
                try await row.create(on: db)
            }
            for entry in matters {
                guard let leader = users.first(where: { $0.username == entry.username }) else { continue }
                let row = LeaderMatter()
                row.divisionCode = entry.division
                row.categoryCode = entry.category
                row.tier = entry.tier.rawValue
                row.leaderID = try leader.requireID()
                row.leaderName = leader.displayName
                row.note = entry.note
                row.assignedOn = today.adding(days: -90).description
                row.createdBy = "supervisor"
                row.createdAt = now
                try await row.create(on: db)
                for (offset, text) in [(-3, "组织一次专项排查，形成问题清单"), (20, "建立长效机制，每月通报")] {
                    let task = LeaderMatterTask()
                    task.matterID = try row.requireID()
                    task.divisionCode = row.divisionCode
                    task.description = text
                    task.ownerUnitID = ids[entry.tier == .highRisk ? "XZ-ZJ" : "XZ-CG"] ?? owner0
                    task.deadline = today.adding(days: offset).description
                    task.status = ThreeHighs.TaskStatus.open.rawValue
                    task.createdBy = entry.username
                    task.createdAt = now
                    try await task.create(on: db)
                }
            }
        }
        return ["  leaders on duty: \(sessions.count) sessions at the windows, \(problems.count) problems, \(matters.count) 三高 matters"]
    }
}
