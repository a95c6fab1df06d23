import Foundation

/// 一哨一评: how a summoned department is scored for one whistle. The formula is data, so a city
/// can change the weights; `formula` prints it for pages and the API.
///
/// score = wArrival × arrival + wHandling × handling + wSatisfaction × satisfaction, where
/// - arrival is 100 when the department reported on site by the required time, minus
///   `latePenaltyPerMinute` for each minute late (never below 0), and 0 when it never reported;
/// - handling and satisfaction are the evaluators' 1–5 marks mapped to 0–100 ((mark − 1) × 25),
///   the blower's and the requester's marks averaged with `blowerWeight` and 1 − `blowerWeight`
///   (the blower's alone when the requester gave none).
public struct WhistleScoring: Sendable, Hashable, Codable {
    public var arrivalWeight: Double
    public var handlingWeight: Double
    public var satisfactionWeight: Double
    public var latePenaltyPerMinute: Double
    public var blowerWeight: Double

    public init(
        arrivalWeight: Double = 0.3, handlingWeight: Double = 0.4, satisfactionWeight: Double = 0.3,
        latePenaltyPerMinute: Double = 2, blowerWeight: Double = 0.6
    ) {
        self.arrivalWeight = arrivalWeight
        self.handlingWeight = handlingWeight
        self.satisfactionWeight = satisfactionWeight
        self.latePenaltyPerMinute = latePenaltyPerMinute
        self.blowerWeight = blowerWeight
    }

    /// One evaluator's marks (1–5) for a department.
    public struct Marks: Sendable, Hashable, Codable {
        public var handling: Int
        public var satisfaction: Int
        public init(handling: Int, satisfaction: Int) {
            self.handling = handling
            self.satisfaction = satisfaction
        }

        /// Whether both marks lie in 1…5.
        public var isValid: Bool { (1...5).contains(handling) && (1...5).contains(satisfaction) }
    }

    /// The arrival part: on time 100, then the penalty per late minute.
    public func arrivalScore(required: Date, reported: Date?) -> Double {
        guard let reported else { return 0 }
        let lateMinutes = max(0, reported.timeIntervalSince(required) / 60)
        return max(0, 100 - lateMinutes.rounded(.up) * latePenaltyPerMinute)
    }

    /// The department's score for the whistle, 0–100, or nil before the blower has marked it.
    public func score(required: Date, reported: Date?, blower: Marks?, requester: Marks?) -> Double? {
        guard let blower else { return nil }
        func percent(_ mark: Int) -> Double { Double(mark - 1) * 25 }
        func blend(_ pick: (Marks) -> Int) -> Double {
            guard let requester else { return percent(pick(blower)) }
            return blowerWeight * percent(pick(blower)) + (1 - blowerWeight) * percent(pick(requester))
        }
        let total =
            arrivalWeight * arrivalScore(required: required, reported: reported)
            + handlingWeight * blend(\.handling) + satisfactionWeight * blend(\.satisfaction)
        return (total * 10).rounded() / 10
    }

    /// The formula in words, for the page and the API.
    public func formula(english: Bool) -> String {
        english
            ? "score = \(arrivalWeight) × arrival + \(handlingWeight) × handling + \(satisfactionWeight) × satisfaction; arrival 100 on time, −\(latePenaltyPerMinute) per late minute; marks 1–5 → 0–100, blower \(blowerWeight) / requester \(1 - blowerWeight)"
            : "得分 = \(arrivalWeight)×报到及时 + \(handlingWeight)×办理 + \(satisfactionWeight)×满意；按时报到 100 分，每迟到 1 分钟扣 \(latePenaltyPerMinute) 分；评分 1–5 折算 0–100，吹哨方占 \(blowerWeight)、群众占 \(1 - blowerWeight)"
    }
}
