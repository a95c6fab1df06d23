/// Why a whistle step was refused. `message` is the text the API answers with.
public enum WhistleRefusal: Error, Sendable, Hashable {
    /// The actor may not take this step (not a summoned department, or may not blow whistles).
    case notPermitted(WhistleStep)
    /// The step needs an open whistle.
    case closed(WhistleStep)
    /// The department already reported on site.
    case alreadyReported
    /// Work is recorded only after reporting on site.
    case notReported

    /// The reason for people, English and Chinese together as the API has always answered.
    public var message: String {
        switch self {
        case .notPermitted(let step): "not permitted to \(step.rawValue) / 无权执行该操作"
        case .closed(.close): "The whistle is already closed / 该哨已结束"
        case .closed: "The whistle is closed / 该哨已结束"
        case .alreadyReported: "Your department has already reported / 本部门已报到"
        case .notReported: "Report on site first / 请先报到"
        }
    }
}
