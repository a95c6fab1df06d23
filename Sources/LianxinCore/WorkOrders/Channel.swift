/// How a request reached Lianxin (渠道).
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    case hotline, web, miniProgram, gridPatrol, visit, meeting, petition, proactive, whistle, open311

    /// The channel's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .hotline: english ? "Hotline" : "热线"
        case .web: english ? "Website" : "网站"
        case .miniProgram: english ? "Mini program / snapshot" : "小程序/随手拍"
        case .gridPatrol: english ? "Grid patrol" : "网格巡查"
        case .visit: english ? "Household visit" : "走访"
        case .meeting: english ? "Meeting / red tent" : "屋场会/红帐篷"
        case .petition: english ? "Petition" : "信访"
        case .proactive: english ? "Proactive" : "未诉先办"
        case .whistle: english ? "Whistle" : "吹哨"
        case .open311: english ? "Open311" : "Open311"
        }
    }
}

/// What kind of request it is (诉求类型).
public enum RequestKind: String, Sendable, Hashable, Codable, CaseIterable {
    case inquiry, assistance, complaint, report, suggestion, praise

    /// The kind's name for people, in Chinese or English.
    public func title(english: Bool) -> String {
        switch self {
        case .inquiry: english ? "Inquiry" : "咨询"
        case .assistance: english ? "Request for help" : "求助"
        case .complaint: english ? "Complaint" : "投诉"
        case .report: english ? "Report" : "举报"
        case .suggestion: english ? "Suggestion" : "建议"
        case .praise: english ? "Praise" : "表扬"
        }
    }
}
