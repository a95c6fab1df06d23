/// Why demo grids could not be generated.
public enum GridGenerationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target count is not positive.
    case invalidCount(Int)
    /// The area has no extent.
    case emptyArea
    /// No community codes were given.
    case noCommunities
    /// A community code is not 12 digits.
    case invalidCommunityCode(String)
    /// The grids would need more than 999 serials in one community.
    case tooManyGridsPerCommunity(Int)

    /// The message in English.
    public var englishMessage: String {
        switch self {
        case .invalidCount(let count): "the number of grids must be positive, got \(count)"
        case .emptyArea: "the area to divide has no extent"
        case .noCommunities: "at least one community code is needed"
        case .invalidCommunityCode(let code): "community code \"\(code)\" is not 12 digits"
        case .tooManyGridsPerCommunity(let count): "\(count) grids per community exceed the 3-digit serial (999); give more communities"
        }
    }

    /// The message in Chinese.
    public var chineseMessage: String {
        switch self {
        case .invalidCount(let count): "网格数量必须为正数，收到 \(count)"
        case .emptyArea: "待划分的区域没有范围"
        case .noCommunities: "至少需要一个社区代码"
        case .invalidCommunityCode(let code): "社区代码“\(code)”不是 12 位数字"
        case .tooManyGridsPerCommunity(let count): "每个社区 \(count) 个网格，超出 3 位序号（999）上限，请提供更多社区"
        }
    }

    public var description: String { englishMessage }
}
