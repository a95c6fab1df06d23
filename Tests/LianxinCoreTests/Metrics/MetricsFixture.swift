import Foundation
@testable import LianxinCore

/// Shared people, units, places and a policy for the metrics tests.
enum MetricsFixture {
    static let unitA = uuid(0xA1)
    static let unitB = uuid(0xB1)
    static let operatorStaff = WorkOrderActor.staff(.operator, id: uuid(0x01))
    static let dispatcher = WorkOrderActor.staff(.dispatcher, id: uuid(0x02))
    static let supervisor = WorkOrderActor.staff(.supervisor, id: uuid(0x03))

    /// Two communities of one township.
    static let communityA = OrderDivisions(
        city: "3611", county: "361102", township: "361102001", community: "361102001001", grid: "361102001001001")
    static let communityB = OrderDivisions(
        city: "3611", county: "361102", township: "361102001", community: "361102001002", grid: "361102001002001")

    /// Sign within 30 minutes, complete in 3 working days, answer the requester within 3 working days.
    static let policy: SLAPolicy = {
        do {
            return try SLAPolicy(
                code: "metrics-test", name: "测试", englishName: "Test",
                stages: [
                    StageLimit(.sign, .minutes(30)), StageLimit(.complete, .workingDays(3)),
                    StageLimit(.feedback, .workingDays(3)),
                ])
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// A UUID whose last byte is `byte`, readable in failures.
    static func uuid(_ byte: UInt8) -> UUID {
        UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, byte))
    }

    /// The instant of a Beijing wall-clock time written `YYYY-MM-DD HH:MM`.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let clock = parts[1].split(separator: ":").compactMap { Int($0) }
        guard let day = LocalDate(iso: parts[0]), clock.count == 2 else { preconditionFailure("Bad time \(text)") }
        return WorkCalendar.china.instant(on: day, minute: clock[0] * 60 + clock[1])
    }

    /// A member of `unit` who handles its orders.
    static func handler(of unit: UUID?) -> WorkOrderActor {
        .staff(.departmentHandler, id: uuid(0x10), departmentID: unit)
    }

    /// Dimensions in `divisions` with the given category, channel and kind.
    static func dimensions(
        _ divisions: OrderDivisions = communityA, category: String = "0101", channel: Channel = .hotline,
        kind: RequestKind = .complaint
    ) -> OrderDimensions {
        OrderDimensions(divisions: divisions, categoryCode: category, channel: channel, requestKind: kind)
    }
}
