import Foundation
import Fluent
import Vapor
import LianxinCore

/// The demo points system after 峡江县马埠镇's: the five posts and rules in the five dimensions for 水南街道, two
/// branches (劳动路社区, 文通巷社区) with members and activists, posts claimed, and a year of entries — most
/// approved, a few waiting for the demo branch secretary (`branchsec`, 劳动路社区). Names are invented.
enum PartyDemo {
    static let township = "361102001"
    static let branches = [("361102001003", "劳动路社区党支部", "周建国"), ("361102001004", "文通巷社区党支部", "李红梅")]
    static let posts = [
        ("维护稳定岗", "排查矛盾纠纷，协助调解"), ("政策宣传岗", "入户宣讲惠民政策"), ("村容管理岗", "劝导乱堆乱放，维护环境卫生"),
        ("便民代办岗", "为老人代办社保认证、医保缴费"), ("文明新风岗", "倡导移风易俗，抵制高价彩礼"),
    ]
    static let rules: [(PartyPointsDimension, String, Int, Int)] = [
        (.politicalQuality, "参加集中学习一次", 2, 8), (.organisationDiscipline, "按时参加主题党日", 2, 0),
        (.organisationDiscipline, "无故缺席组织生活", -5, 0), (.lawAbiding, "参与普法宣传一次", 2, 6),
        (.volunteerService, "参加志愿服务一次", 3, 9), (.dutyPerformance, "调处矛盾纠纷一起", 3, 0), (.dutyPerformance, "办结群众代办事项", 1, 6),
    ]
    static let names = ["陈月秋", "王建华", "刘晓东", "张桂英", "黄志明", "吴丽萍", "徐国强", "邓春兰", "曾小军", "彭玉珍"]

    /// Seeds once (when there is no branch yet); returns lines for the console.
    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await Division.find(township, on: db) != nil, try await PartyBranch.query(on: db).count() == 0 else { return [] }
        let now = app.lianxin.now()
        let today = LocalDate(now, in: ResidentIDNumber.chinaTimeZone)
        let entries = try await db.transaction { db -> Int in
            var postRows: [PartyPost] = []
            for (name, duty) in posts {
                let row = PartyPost()
                row.divisionCode = township
                row.name = name
                row.duty = duty
                row.createdAt = now
                try await row.create(on: db)
                postRows.append(row)
            }
            var ruleRows: [PartyPointsRuleRecord] = []
            for (dimension, label, points, cap) in rules {
                let row = PartyPointsRuleRecord()
                row.divisionCode = township
                row.dimension = dimension.rawValue
                row.label = label
                row.points = points
                row.yearlyCap = cap
                row.createdAt = now
                try await row.create(on: db)
                ruleRows.append(row)
            }
            for (label, points) in [("庭院整洁", 5), ("垃圾分类", 3), ("孝老爱亲", 10), ("移风易俗", 5), ("邻里互助", 3)] {
                let item = ConductItem()
                item.divisionCode = township
                item.label = label
                item.points = points
                item.createdAt = now
                try await item.create(on: db)
            }
            var count = 0
            for (branchIndex, (division, name, secretary)) in branches.enumerated() {
                let branch = PartyBranch()
                branch.name = name
                branch.divisionCode = division
                branch.secretaryName = secretary
                branch.createdAt = now
                try await branch.create(on: db)
                for (index, person) in names.enumerated() where index % 2 == branchIndex || index >= 8 {
                    let member = PartyMember()
                    member.branchID = try branch.requireID()
                    member.name = index >= 8 ? "\(person)\(branchIndex + 1)" : person
                    member.kind = index >= 8 ? "activist" : "member"
                    member.divisionCode = division
                    member.createdAt = now
                    try await member.create(on: db)
                    let claim = PartyPostClaim()
                    claim.memberID = try member.requireID()
                    claim.postID = try postRows[index % postRows.count].requireID()
                    claim.year = today.year
                    claim.divisionCode = division
                    claim.claimedAt = now
                    try await claim.create(on: db)
                    // A deterministic year: an entry every ten days for the most active, fewer further down the list,
                    // and one deduction for two of the later names, so the ratings spread from one to five stars.
                    for step in 0..<max(4, 34 - index * 4) {
                        let day = today.adding(days: -(step * 10 + index))
                        guard day.year == today.year else { continue }
                        var rule = ruleRows[(index + step) % ruleRows.count]
                        if rule.points < 0 && !(index >= 6 && step < 7) { rule = ruleRows[(index + step + 1) % ruleRows.count] }
                        let entry = PartyPointsEntry()
                        entry.memberID = try member.requireID()
                        entry.branchID = try branch.requireID()
                        entry.divisionCode = division
                        entry.ruleID = try rule.requireID()
                        entry.dimension = rule.dimension
                        entry.points = rule.points
                        entry.occurredOn = day.description
                        entry.year = day.year
                        entry.evidence = "\(rule.label)（\(day.monthDayChinese)，\(name)记录）"
                        entry.status = step == 0 && index < 4 ? "pending" : "approved"
                        entry.submittedBy = "community"
                        entry.submittedAt = now
                        if entry.status == "approved" {
                            entry.decidedBy = "branchsec"
                            entry.decidedAt = now
                        }
                        try await entry.create(on: db)
                        count += 1
                    }
                }
            }
            return count
        }
        return ["  党员积分制: \(branches.count) branches of 水南街道, \(posts.count) posts, \(rules.count) rules, \(entries) entries"]
    }
}
