/// Where a grid change (三上三下) stands. The raw values are the strings stored in `grid_changes.status`.
public enum GridChangeStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// With the departments for review.
    case submitted
    /// Back with the township after a department or the county returned it.
    case returned
    /// Approved by the county, waiting for its effective day.
    case approved
    /// Versioned into the grids in force.
    case effective
    /// Could not be applied on its day (it no longer fitted the grids in force).
    case failed
    /// Given up by the proposer.
    case withdrawn

    /// Whether applying the change is still ahead, so a dry run of it is worth showing.
    public var isPending: Bool { self == .submitted || self == .returned || self == .approved }
}
