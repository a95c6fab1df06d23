/// Thresholds and weights of the duplicate finder; stored as data so operators can tune them.
public struct DuplicateFinderParameters: Sendable, Hashable, Codable {
    /// Orders farther apart than this (metres) are not candidates, unless from the same caller.
    public var radiusMeters: Double
    /// Orders received further apart than this (hours) are not candidates.
    public var timeWindowHours: Double
    /// Share of the score kept when place and time give no support: text similarity times
    /// `textFloor + (1 - textFloor) × proximity`.
    public var textFloor: Double
    /// Weight of distance against time inside proximity.
    public var distanceWeight: Double
    /// Closes this share of the remaining gap to 1 when both orders come from the same caller.
    public var sameCallerBonus: Double
    /// Candidates scoring below this are not suggested.
    public var minimumScore: Double
    /// At most this many suggestions.
    public var maxResults: Int

    /// Creates parameters; the defaults suit a county hotline.
    public init(
        radiusMeters: Double = 500, timeWindowHours: Double = 72, textFloor: Double = 0.5, distanceWeight: Double = 0.6,
        sameCallerBonus: Double = 0.3, minimumScore: Double = 0.25, maxResults: Int = 10
    ) {
        self.radiusMeters = radiusMeters
        self.timeWindowHours = timeWindowHours
        self.textFloor = textFloor
        self.distanceWeight = distanceWeight
        self.sameCallerBonus = sameCallerBonus
        self.minimumScore = minimumScore
        self.maxResults = maxResults
    }
}
