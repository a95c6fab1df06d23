import Vapor
import Fluent
import LianxinCore

/// Listing, planning and reading meetings.
extension MeetingsController {
    func list(req: Request) async throws -> [MeetingDTO] {
        let principal = try await req.require(.viewEngagement)
        let rows = try await Meeting.query(on: req.db).inScope(\.$divisionCode, principal).sort(\.$scheduledAt, .descending).limit(200).all()
        var result: [MeetingDTO] = []
        for row in rows { result.append(try await MeetingLookup.dto(row, req)) }
        return result
    }

    func create(req: Request) async throws -> Response {
        let principal = try await req.require(.manageEngagement)
        let input = try req.content.decode(MeetingInput.self)
        var checks = InputValidator(req)
        let kind: MeetingKind? = checks.choice(input.kind, "/kind", default: .courtyard)
        let title = checks.text(input.title, "/title", 1...100, label: "会议名称")
        let place = checks.text(input.place, "/place", 1...200, label: "地点")
        if let scheduled = input.scheduledAt {
            checks.time("/scheduledAt") { () throws(TimeRule.Refusal) in try TimeRule.checkSpan(scheduled, now: req.lianxin.now()) }
        } else {
            checks.fail("/scheduledAt", "is required / 须填写会议时间")
        }
        let division = try await checks.division(input.divisionCode, principal, on: req.db)
        try checks.finish()
        let meeting = Meeting()
        meeting.divisionCode = division.value
        meeting.kind = (kind ?? .courtyard).rawValue
        meeting.title = title
        meeting.place = place
        meeting.scheduledAt = input.scheduledAt ?? req.lianxin.now()
        meeting.stage = MeetingStage.collecting.rawValue
        meeting.createdBy = principal.userID
        meeting.createdAt = req.lianxin.now()
        try await req.lianxin.writes.run { try await meeting.create(on: req.db) }
        return try await MeetingLookup.dto(meeting, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> MeetingDTO {
        let principal = try await req.require(.viewEngagement)
        return try await MeetingLookup.dto(try await MeetingLookup.find(req, principal), req)
    }
}
