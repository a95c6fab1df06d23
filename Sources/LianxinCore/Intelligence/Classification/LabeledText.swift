/// One training example: an order's text and the category label it was given.
public struct LabeledText: Sendable, Hashable, Codable {
    /// The order's text (title and description).
    public var text: String
    /// The category label.
    public var label: String

    /// Creates an example.
    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}
