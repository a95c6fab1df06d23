import Vapor
import LianxinCore

extension Request {
    /// The park's talent vocabulary (`LIANXIN_TALENT_VOCABULARY`).
    var talentVocabulary: TalentVocabulary { lianxin.settings.talentVocabulary }
}

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
        return req.talentVocabulary.trades.map { trade in
            Trade(
                label: english ? trade.en : trade.zh,
                skills: trade.skills.map { Choice(value: $0.code, label: english ? $0.en : $0.zh, checked: checked.contains($0.code)) })
        }
    }

    /// The six sharing modes as check boxes.
    static func modes(_ req: Request, checked: Set<String>) -> [Choice] {
        SharingMode.allCases.map { Choice(value: $0.rawValue, label: req.t("talent_mode_\($0.rawValue)"), checked: checked.contains($0.rawValue)) }
    }

    /// The talent pools as options.
    static func pools(_ req: Request, selected: String?) -> [SelectOption] {
        let english = req.language == .en
        return req.talentVocabulary.pools.map { SelectOption(value: $0.code, label: english ? $0.en : $0.zh, selected: selected == $0.code) }
    }

    /// The certificates of the vocabulary as options.
    static func certificates(_ req: Request, selected: String?) -> [SelectOption] {
        let english = req.language == .en
        return req.talentVocabulary.certificates.map {
            SelectOption(value: $0.code, label: english ? $0.en : $0.zh, selected: selected == $0.code)
        }
    }
}
