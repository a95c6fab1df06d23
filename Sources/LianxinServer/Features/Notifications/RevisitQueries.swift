import Fluent
import Foundation
import LianxinCore
import SQLKit

/// The revisit figures: the operators' queue and 满意率 by the channel the evaluation came by.
enum RevisitQueries {
    /// One channel's evaluations: how many, how many satisfied or basically satisfied, and the rate.
    struct ChannelFigure: Codable, Sendable, Equatable {
        let channel: String
        let evaluated: Int
        let satisfied: Int
        /// Satisfied and basically satisfied over evaluated, in percent with one decimal; nil without evaluations.
        let rate: Double?
    }

    /// 满意率 per channel of the evaluations recorded on revisits in `division`'s subtree.
    static func satisfactionByChannel(within division: DivisionCode, on db: any Database) async throws -> [ChannelFigure] {
        let rows = try await db.sql.raw(
            """
            SELECT channel, COUNT(*) AS n,
                   SUM(CASE WHEN satisfaction IN ('satisfied', 'basicallySatisfied') THEN 1 ELSE 0 END) AS good
            FROM revisit_invitations WHERE evaluated_at IS NOT NULL AND \(DivisionScope.sql("division_code", within: division))
            GROUP BY channel
            """
        ).all()
        var byChannel: [String: (Int, Int)] = [:]
        for row in rows {
            byChannel[try row.decode(column: "channel", as: String?.self) ?? ""] = (
                try row.decode(column: "n", as: Int.self), try row.decode(column: "good", as: Int?.self) ?? 0
            )
        }
        return EvaluationChannel.allCases.map { channel in
            let (n, good) = byChannel[channel.rawValue] ?? (0, 0)
            return ChannelFigure(
                channel: channel.rawValue, evaluated: n, satisfied: good, rate: n == 0 ? nil : (Double(good) * 1000 / Double(n)).rounded() / 10)
        }
    }

    /// The queued revisits in `division`'s subtree, oldest first.
    static func queue(within division: DivisionCode, on db: any Database) async throws -> [RevisitInvitation] {
        try await RevisitInvitation.query(on: db).filter(\.$queuedAt != nil).filter(\.$evaluatedAt == nil).within(\.$divisionCode, division)
            .sort(\.$queuedAt).limit(500).all()
    }
}
