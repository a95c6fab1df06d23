/// A possible duplicate of a new order, with the figures that explain its score to the operator.
public struct DuplicateSuggestion: Sendable, Hashable, Codable {
    /// The id of the open order that may be the same request.
    public var orderID: String
    /// Overall likelihood in `0...1`; a suggestion only, never a merge.
    public var score: Double
    /// Character n-gram cosine similarity of the two texts, `0...1`.
    public var textSimilarity: Double
    /// Great-circle distance in metres, when both orders have a location.
    public var distanceMeters: Double?
    /// Hours between the two orders' receipt.
    public var hoursApart: Double
    /// Whether both orders came from the same caller.
    public var sameCaller: Bool
}
