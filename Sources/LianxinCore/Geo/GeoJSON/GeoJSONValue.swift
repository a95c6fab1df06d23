/// A JSON value, used for GeoJSON documents and for feature properties that pass through untouched.
public enum GeoJSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([GeoJSONValue])
    /// An object; key order is not kept.
    case object([String: GeoJSONValue])

    /// The value as text when it is a string, or an integral number written without a fraction.
    public var codeText: String? {
        switch self {
        case .string(let text): return text
        case .number(let number) where number.rounded() == number && abs(number) < 0x1p53: return String(Int64(number))
        default: return nil
        }
    }
}
