import Foundation

/// An extra question a category asks when a request is filed (Open311 service-definition attribute),
/// kept as data per category.
public struct ServiceAttribute: Sendable, Hashable {
    public enum Datatype: String, Sendable, CaseIterable {
        case string, number, datetime, text, singlevaluelist
    }

    public let code: String
    public let datatype: Datatype
    public let required: Bool
    public let order: Int
    public let description: String
    /// For lists: the allowed keys with their names, in order.
    public let values: [(key: String, name: String)]

    public init(code: String, datatype: Datatype, required: Bool, order: Int, description: String, values: [(key: String, name: String)] = []) {
        self.code = code
        self.datatype = datatype
        self.required = required
        self.order = order
        self.description = description
        self.values = values
    }

    public static func == (a: ServiceAttribute, b: ServiceAttribute) -> Bool {
        a.code == b.code && a.datatype == b.datatype && a.required == b.required && a.order == b.order
            && a.description == b.description && a.values.map(\.key) == b.values.map(\.key) && a.values.map(\.name) == b.values.map(\.name)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Reads "key=name;key=name".
    public static func parseValues(_ text: String) -> [(key: String, name: String)] {
        text.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 2 && !parts[0].isEmpty ? (parts[0], parts[1]) : nil
        }
    }

    /// The answer as people read it (a list key becomes its name), or why it is not acceptable.
    public func check(_ raw: String?) -> Result<String?, AttributeProblem> {
        let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if value.isEmpty { return required ? .failure(.missing(code)) : .success(nil) }
        switch datatype {
        case .string, .text:
            return value.count <= (datatype == .string ? 200 : 2000) ? .success(value) : .failure(.invalid(code, "too long"))
        case .number:
            return Double(value).map { $0.isFinite } == true ? .success(value) : .failure(.invalid(code, "not a number"))
        case .datetime:
            return ISOTimestamp.parse(value) != nil ? .success(value) : .failure(.invalid(code, "not an ISO 8601 date-time"))
        case .singlevaluelist:
            guard let match = values.first(where: { $0.key == value }) else {
                return .failure(.invalid(code, "one of \(values.map(\.key).joined(separator: ", "))"))
            }
            return .success(match.name)
        }
    }
}

/// Why an attribute answer was refused.
public enum AttributeProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case invalid(String, String)

    public var description: String {
        switch self {
        case .missing(let code): "attribute[\(code)] is required"
        case .invalid(let code, let why): "attribute[\(code)]: \(why)"
        }
    }
}
