import Vapor
import LianxinCore

/// The check boxes of the talent pages: the talent map's skills grouped by trade, in the page's language.
enum TalentChoices {
    struct Choice: Encodable, Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    struct Trade: Encodable, Sendable {
        let label: String
        let skills: [Choice]
    }

    static func trades(_ req: Request, checked: Set<String>) -> [Trade] {
        let english = req.language == .en
        return TalentVocabulary.aviation.trades.map { trade in
            Trade(
                label: english ? trade.en : trade.zh,
                skills: trade.skills.map { Choice(value: $0.code, label: english ? $0.en : $0.zh, checked: checked.contains($0.code)) })
        }
    }
}
