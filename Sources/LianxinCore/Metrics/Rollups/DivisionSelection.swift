/// One division of the tree: the grid with code `code`, or the division at `level` with that code.
public enum DivisionSelection: Sendable, Hashable, Codable {
    case division(DivisionLevel, code: String)
    case grid(code: String)

    /// Whether an order in `divisions` lies in the selection.
    public func matches(_ divisions: OrderDivisions) -> Bool {
        switch self {
        case .division(let level, let code): divisions.code(at: level) == code
        case .grid(let code): divisions.grid == code
        }
    }
}
