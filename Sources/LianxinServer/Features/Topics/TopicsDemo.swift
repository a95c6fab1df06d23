import Fluent
import Foundation
import LianxinCore
import Vapor

/// The demo topic of the month (names invented): two months ago 信州区 took up its street lights (路灯) after a run of
/// requests, with a task for 城管局 done and one for 住建局 still open, so `/topics` shows a topic under way and its
/// months before and after.
enum TopicsDemo {
    /// Seeds once (when there is no topic yet); returns lines for the console.
    static func seed(_ app: Application) async throws -> [String] {
        let db = app.db
        guard try await MonthlyTopicRecord.query(on: db).count() == 0 else { return [] }
        let units = try await Department.query(on: db).filter(\.$code ~~ ["XZ-CG", "XZ-ZJ"]).all()
        let ids = Dictionary(units.compactMap { row in row.id.map { (row.code, $0) } }, uniquingKeysWith: { a, _ in a })
        guard let cg = ids["XZ-CG"], let zj = ids["XZ-ZJ"] else { return [] }
        let now = app.lianxin.now()
        let today = LocalDate(now, in: WorkCalendar.shanghai)
        guard let month = Period.containing(today, kind: .month)?.previous.previous else { return [] }
        let topic = MonthlyTopicRecord()
        topic.title = "城区路灯不亮"
        topic.month = month.description
        topic.categoryCode = "0601"
        topic.divisionCode = "361102"
        topic.source = MonthlyTopic.Source.leader.rawValue
        topic.description = "路灯损坏诉求连续三个月居高不下：排查城区老旧线路，建立每周夜间巡查机制"
        topic.status = MonthlyTopic.Status.open.rawValue
        topic.createdBy = "分管领导 吴涛"
        topic.createdAt = month.start.addingTimeInterval(3 * 86_400)
        let tasks: [(UUID, String, LocalDate, String?)] = [
            (cg, "排查城区老旧路灯线路并更换", month.last.adding(days: 20), "已更换老旧线路46处，修复灯具120盏"),
            (zj, "老旧小区改造同步更新楼道和小区路灯", today.adding(days: 25), nil),
        ]
        try await db.transaction { db in
            try await topic.create(on: db)
            for (unit, description, deadline, done) in tasks {
                let task = TopicTask()
                task.topicID = try topic.requireID()
                task.description = description
                task.ownerUnitID = unit
                task.deadline = deadline.description
                task.status = (done == nil ? MonthlyTopic.TaskStatus.open : .done).rawValue
                task.doneNote = done
                task.doneOn = done == nil ? nil : month.last.adding(days: 15).description
                task.createdAt = topic.createdAt
                try await task.create(on: db)
            }
        }
        return ["每月一题: 1 topic (\(month.description) 城区路灯不亮) with 2 tasks"]
    }
}
