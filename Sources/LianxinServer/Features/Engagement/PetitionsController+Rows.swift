import Vapor
import Fluent
import LianxinCore

/// Reading petition rows: look-up in scope, the core facts, rule refusals and the DTOs.
extension PetitionsController {
    static func facts(_ row: Petition) -> PetitionSchedule.Facts {
        .init(
            id: row.id?.uuidString ?? "", receivedOn: LocalDate(iso: row.receivedOn) ?? LocalDate(daysSinceEpoch: 0), firstTime: row.firstTime,
            answeredOn: row.answeredOn.flatMap { LocalDate(iso: $0) }, closedOn: row.closedOn.flatMap { LocalDate(iso: $0) })
    }

    static func status(_ row: Petition) -> PetitionStatus { PetitionStatus(rawValue: row.status) ?? .received }

    static func received(_ row: Petition) -> LocalDate { LocalDate(iso: row.receivedOn) ?? LocalDate(daysSinceEpoch: 0) }

    static func rule(_ check: () throws(PetitionRuleError) -> Void) throws {
        do { try check() } catch {
            throw Problem.conflict("\(error.message(in: .zhCN)) / \(error.message(in: .en))", field: "/status")
        }
    }

    static func find(_ req: Request, _ principal: Principal) async throws -> Petition {
        try await Engagement.scoped(Petition.self, try Engagement.id(req, "id", "petition"), division: \.divisionCode, "petition", principal, req)
    }

    static func dtos(_ rows: [Petition], unmasked: Bool, _ req: Request) async throws -> [PetitionDTO] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let cipher = req.lianxin.cipher
        let language = Engagement.language(req)
        var reviews: [UUID: [PetitionReview]] = [:]
        for chunk in ids.chunked(500) {
            for review in try await PetitionReview.query(on: req.db).filter(\.$petitionID ~~ chunk).sort(\.$week).all() {
                reviews[review.petitionID, default: []].append(review)
            }
        }
        let names = try await Division.query(on: req.db).filter(\.$id ~~ Array(Set(rows.map(\.divisionCode)))).all()
            .reduce(into: [String: String]()) { $0[$1.id ?? ""] = $1.name }
        return try rows.map { row in
            let name = try cipher.open(row.nameCipher)
            let phone = try row.phoneCipher.map { try cipher.open($0) }
            let received = received(row)
            return PetitionDTO(
                id: try row.requireID(), divisionCode: row.divisionCode, divisionName: names[row.divisionCode] ?? row.divisionCode,
                channel: row.channel, channelName: PetitionChannel(rawValue: row.channel)?.name(in: language) ?? row.channel,
                firstTime: row.firstTime, receivedOn: row.receivedOn,
                petitionerName: unmasked ? name : PersonalDataMask.name(name), petitionerPhone: unmasked ? phone : phone.map(PersonalDataMask.phone),
                subject: row.subject, content: row.content, status: row.status, answer: row.answer, answeredOn: row.answeredOn,
                result: row.result, closedOn: row.closedOn,
                answerDue: received.adding(days: schedule.answerLimitDays).description,
                closeDue: received.adding(days: schedule.closeLimitDays).description,
                mediationCaseId: row.mediationCaseID,
                reviews: (reviews[row.id ?? UUID()] ?? []).map { ReviewDTO(week: $0.week, reviewer: $0.reviewer, note: $0.note, at: $0.createdAt) })
        }
    }
}
