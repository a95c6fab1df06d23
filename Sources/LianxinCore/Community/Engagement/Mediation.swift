/// The kinds of dispute the people's mediation committees (人民调解委员会) take on.
public enum DisputeType: String, Sendable, Hashable, Codable, CaseIterable {
    case neighbourhood, family, landAndForest, property, labour, contract, damages, other

    public func name(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.neighbourhood, .zhCN): "邻里纠纷"
        case (.family, .zhCN): "婚姻家庭纠纷"
        case (.landAndForest, .zhCN): "山林土地纠纷"
        case (.property, .zhCN): "物业纠纷"
        case (.labour, .zhCN): "劳动争议"
        case (.contract, .zhCN): "合同纠纷"
        case (.damages, .zhCN): "损害赔偿纠纷"
        case (.other, .zhCN): "其他纠纷"
        case (.neighbourhood, .en): "Neighbourhood"
        case (.family, .en): "Marriage and family"
        case (.landAndForest, .en): "Land and forest"
        case (.property, .en): "Property management"
        case (.labour, .en): "Labour"
        case (.contract, .en): "Contract"
        case (.damages, .en): "Damages"
        case (.other, .en): "Other"
        }
    }
}

/// How a mediation ended.
public enum MediationOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// 调解成功: the parties signed an agreement (its text is kept).
    case agreement
    /// 调解不成.
    case failed
    /// Referred to a court (引导诉讼).
    case referredToCourt
    /// Referred to arbitration (labour or other arbitration).
    case referredToArbitration

    /// Only an agreement counts as a success.
    public var isSuccess: Bool { self == .agreement }

    public func name(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.agreement, .zhCN): "达成协议"
        case (.failed, .zhCN): "调解不成"
        case (.referredToCourt, .zhCN): "引导诉讼"
        case (.referredToArbitration, .zhCN): "引导仲裁"
        case (.agreement, .en): "Agreement"
        case (.failed, .en): "Failed"
        case (.referredToCourt, .en): "Referred to court"
        case (.referredToArbitration, .en): "Referred to arbitration"
        }
    }
}

/// Why a mediation case was refused or could not be concluded.
public enum MediationRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A dispute has at least two sides.
    case tooFewParties(Int)
    /// Someone must mediate.
    case noMediator
    /// An agreement needs its text; other outcomes must not carry one.
    case agreementTextRequired
    case agreementTextWithoutAgreement
    /// Concluding needs at least one mediation session.
    case noSession
    /// The case is already concluded.
    case alreadyConcluded

    public var description: String { message(in: .en) }

    public func message(in language: DisplayLanguage) -> String {
        switch (self, language) {
        case (.tooFewParties(let count), .zhCN): "纠纷当事人至少两方，目前只有 \(count) 方"
        case (.tooFewParties(let count), .en): "a dispute needs at least two parties; \(count) given"
        case (.noMediator, .zhCN): "请至少指定一名调解员"
        case (.noMediator, .en): "name at least one mediator"
        case (.agreementTextRequired, .zhCN): "达成协议须填写协议内容"
        case (.agreementTextRequired, .en): "an agreement needs its text"
        case (.agreementTextWithoutAgreement, .zhCN): "未达成协议时不应填写协议内容"
        case (.agreementTextWithoutAgreement, .en): "only an agreement carries agreement text"
        case (.noSession, .zhCN): "结案前须至少记录一次调解"
        case (.noSession, .en): "record at least one mediation session before concluding"
        case (.alreadyConcluded, .zhCN): "该案件已结案"
        case (.alreadyConcluded, .en): "the case is already concluded"
        }
    }
}

/// The rules of a mediation case.
public enum MediationRules {
    public static func checkOpening(parties: Int, mediators: Int) throws(MediationRuleError) {
        guard parties >= 2 else { throw .tooFewParties(parties) }
        guard mediators >= 1 else { throw .noMediator }
    }

    public static func checkConcluding(
        current: MediationOutcome?, outcome: MediationOutcome, agreementText: String?, sessions: Int
    ) throws(MediationRuleError) {
        guard current == nil else { throw .alreadyConcluded }
        guard sessions > 0 else { throw .noSession }
        let hasText = !(agreementText ?? "").allSatisfy(\.isWhitespace)
        if outcome == .agreement, !hasText { throw .agreementTextRequired }
        if outcome != .agreement, hasText { throw .agreementTextWithoutAgreement }
    }
}

/// A mediation success rate: agreements ÷ concluded cases (open cases are left out); Lianhua reports 87 %.
public struct MediationSuccessRate: Sendable, Hashable, Codable {
    /// Whose rate: a mediator's name or a community's division code.
    public let key: String
    public let concluded: Int
    public let agreements: Int
    public let open: Int

    /// agreements ÷ concluded, nil before any case is concluded.
    public var rate: Double? { concluded == 0 ? nil : Double(agreements) / Double(concluded) }

    /// One concluded or open case for the rates.
    public struct Case: Sendable, Hashable {
        public let mediators: [String]
        public let community: String
        public let outcome: MediationOutcome?
        public init(mediators: [String], community: String, outcome: MediationOutcome?) {
            self.mediators = mediators
            self.community = community
            self.outcome = outcome
        }
    }

    /// The rate of each mediator (a case with two mediators counts for both), sorted by rate, then name.
    public static func perMediator(_ cases: [Case]) -> [MediationSuccessRate] {
        rates(cases.flatMap { item in Set(item.mediators).map { ($0, item.outcome) } })
    }

    /// The rate of each community.
    public static func perCommunity(_ cases: [Case]) -> [MediationSuccessRate] {
        rates(cases.map { ($0.community, $0.outcome) })
    }

    /// The formula in words.
    public static func formula(in language: DisplayLanguage) -> String {
        switch language {
        case .zhCN: "调解成功率 = 达成协议的案件数 ÷ 已结案件数（未结案件不计）"
        case .en: "success rate = cases ending in an agreement ÷ concluded cases (open cases left out)"
        }
    }

    private static func rates(_ pairs: [(String, MediationOutcome?)]) -> [MediationSuccessRate] {
        Dictionary(grouping: pairs, by: \.0).map { key, rows in
            MediationSuccessRate(
                key: key, concluded: rows.filter { $0.1 != nil }.count,
                agreements: rows.filter { $0.1?.isSuccess == true }.count,
                open: rows.filter { $0.1 == nil }.count)
        }.sorted { ($0.rate ?? -1, $1.key) > ($1.rate ?? -1, $0.key) }
    }
}
