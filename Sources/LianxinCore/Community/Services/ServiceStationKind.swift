/// Kinds of service station (服务站点).
public enum ServiceStationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 饶城e家: a community home base for delivery riders and other new workers.
    case riderHome
    /// 虔新驿站: a rest stop for outdoor and new-employment workers.
    case workerStation
    /// 幸福食堂: a community canteen for the elderly.
    case canteen
    /// Any other station.
    case other

    /// The kind's name for people.
    public func title(_ language: DisplayLanguage) -> String {
        let english = language == .en
        switch self {
        case .riderHome: return english ? "Rider home (饶城e家)" : "饶城e家"
        case .workerStation: return english ? "Worker station (虔新驿站)" : "虔新驿站"
        case .canteen: return english ? "Happiness canteen (幸福食堂)" : "幸福食堂"
        case .other: return english ? "Service station" : "服务站点"
        }
    }
}
