/// Where a whistle (吹哨) stands. The raw values are the strings stored in `whistles.status`.
public enum WhistleStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Blown: summoned departments report on site and work.
    case open
    /// Closed by the blower with the result.
    case closed
}
