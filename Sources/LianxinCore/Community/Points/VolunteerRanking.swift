import Foundation

/// Rankings of volunteers over a period of days in Beijing time, with ties sharing a rank (1, 1, 3).
public enum VolunteerRanking {
    /// Volunteers by points earned in `period`: earnings and adjustments count, exchanges do not (spending points
    /// does not lower a volunteer's standing); volunteers whose total is not positive are left out.
    public static func byPoints(_ entries: [PointsEntry], in period: ClosedRange<LocalDate>) -> [RankedVolunteer] {
        var scores: [UUID: Int] = [:]
        for entry in entries where entry.reason != .exchange && period.contains(ShanghaiTime.day(of: entry.time)) {
            scores[entry.volunteerID, default: 0] += entry.amount
        }
        return ranked(scores.filter { $0.value > 0 })
    }

    /// Volunteers by service minutes credited on the days in `period`.
    public static func byServiceMinutes(_ days: [ServiceDay], in period: ClosedRange<LocalDate>) -> [RankedVolunteer] {
        var scores: [UUID: Int] = [:]
        for day in days where period.contains(day.day) {
            scores[day.volunteerID, default: 0] += day.minutes
        }
        return ranked(scores.filter { $0.value > 0 })
    }

    /// Any scores in competition ranking, highest first; tied volunteers are listed in id order.
    public static func ranked(_ scores: [UUID: Int]) -> [RankedVolunteer] {
        let ordered = scores.sorted { ($1.value, $0.key.uuidString) < ($0.value, $1.key.uuidString) }
        var result: [RankedVolunteer] = []
        for (index, (volunteerID, score)) in ordered.enumerated() {
            let rank = result.last.map { $0.score == score ? $0.rank : index + 1 } ?? 1
            result.append(RankedVolunteer(rank: rank, volunteerID: volunteerID, score: score))
        }
        return result
    }
}
