import Vapor
import Fluent
import LianxinCore

/// 屋场贴心会 / 小区夜话 / 红色议事厅 under /api/v1/meetings, with the three opens: topics collected and supported
/// before (staff, or residents on the public page), minutes, attendance and opinions during, and after it every
/// opinion answered or filed as a work order (channel `meeting`) before the results are published under /p/meetings.
struct MeetingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let meetings = routes.grouped("api", "v1", "meetings")
        meetings.get(use: list)
        meetings.post(use: create)
        meetings.get(":id", use: show)
        meetings.post(":id", "topics", use: addTopic)
        meetings.post(":id", "hold", use: hold)
        meetings.post(":id", "opinions", use: addOpinion)
        meetings.post(":id", "opinions", ":opinionId", "answer", use: answer)
        meetings.post(":id", "opinions", ":opinionId", "work-order", use: fileOrder)
        meetings.post(":id", "publish", use: publish)
        let open = routes.grouped("api", "v1", "public", "meetings")
        open.get(":id", use: publicShow)
        open.post(":id", "topics", use: publicTopic)
        open.post(":id", "topics", ":topicId", "support", use: support)
    }
}
