/// Which property names carry a feature's code, name and parent code; the first present name wins.
public struct GridPropertyKeys: Sendable, Hashable {
    /// Names for the grid code, tried in order.
    public var code: [String]
    /// Names for the display name, tried in order.
    public var name: [String]
    /// Names for the parent (community) code, tried in order.
    public var parent: [String]

    /// Creates a key set; writing uses the first name of each list.
    public init(code: [String] = ["code"], name: [String] = ["name"], parent: [String] = ["parent", "communityCode"]) {
        self.code = code
        self.name = name
        self.parent = parent
    }
}
