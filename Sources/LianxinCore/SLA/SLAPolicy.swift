/// A named set of stage time limits (时限规则), kept as data and chosen per category × priority × tier.
public struct SLAPolicy: Sendable, Hashable, Codable, Identifiable {
    /// A short stable code, e.g. `12530`.
    public let code: String
    public let name: String
    public let englishName: String
    public let stages: [StageLimit]

    public var id: String { code }

    /// Checks that the code is set, there is a stage, each stage appears once and each limit can be counted.
    public init(code: String, name: String, englishName: String, stages: [StageLimit]) throws(SLAPolicyError) {
        guard !code.isEmpty else { throw .missingCode }
        guard !stages.isEmpty else { throw .noStages }
        var seen: Set<SLAStage> = []
        for stage in stages {
            guard seen.insert(stage.stage).inserted else { throw .repeatedStage(stage.stage) }
            guard stage.limit.isValid else { throw .invalidLimit(stage.stage) }
        }
        self.code = code
        self.name = name
        self.englishName = englishName
        self.stages = stages
    }

    /// The limit for `stage`, if this policy times it.
    public func limit(for stage: SLAStage) -> StageLimit? {
        stages.first { $0.stage == stage }
    }

    private enum CodingKeys: String, CodingKey {
        case code, name, englishName, stages
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                code: container.decode(String.self, forKey: .code),
                name: container.decode(String.self, forKey: .name),
                englishName: container.decode(String.self, forKey: .englishName),
                stages: container.decode([StageLimit].self, forKey: .stages))
        } catch let error as SLAPolicyError {
            throw DecodingError.dataCorruptedError(
                forKey: .stages, in: container, debugDescription: error.message(english: true))
        }
    }
}

/// Why a policy was refused.
public enum SLAPolicyError: Error, Sendable, Hashable {
    case missingCode
    case noStages
    case repeatedStage(SLAStage)
    case invalidLimit(SLAStage)

    /// A message for the admin who edited the policy, in Chinese or English.
    public func message(english: Bool) -> String {
        switch self {
        case .missingCode:
            english ? "A policy needs a code." : "时限规则需要编码。"
        case .noStages:
            english ? "A policy needs at least one timed stage." : "时限规则至少需要一个计时环节。"
        case .repeatedStage(let stage):
            english
                ? "The stage \(stage.title(english: true)) appears more than once."
                : "环节“\(stage.title(english: false))”重复出现。"
        case .invalidLimit(let stage):
            english
                ? "The limit of \(stage.title(english: true)) must be a positive amount (zero only for day-based units)."
                : "环节“\(stage.title(english: false))”的时限须为正数（按天计的单位可为 0）。"
        }
    }
}
