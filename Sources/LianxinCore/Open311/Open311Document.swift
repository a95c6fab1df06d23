import Foundation

/// A GeoReport v2 response as a small tree, written as JSON or as XML the way the specification's
/// examples show them: lists are arrays (even of one), XML has no namespaces or attributes, a list's
/// items are elements named after the item (`<services><service>…`), nil is an empty element in
/// XML and null in JSON.
public indirect enum Open311Value: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    /// Fields in order.
    case object([(String, Open311Value)])
    /// A list whose items are named `item` in XML.
    case list(item: String, [Open311Value])

    public static func == (a: Open311Value, b: Open311Value) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.bool(x), .bool(y)): x == y
        case (.null, .null): true
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.list(i, x), .list(j, y)): i == j && x == y
        default: false
        }
    }

    /// An optional string: the text, or null.
    public static func text(_ value: String?) -> Open311Value { value.map(Open311Value.string) ?? .null }
}

/// Response formats of GeoReport v2.
public enum Open311Format: String, Sendable, CaseIterable {
    case json, xml

    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .xml: "text/xml; charset=utf-8"
        }
    }

    /// Splits "services.json" into ("services", .json); nil for another extension.
    public static func split(_ file: String) -> (name: String, format: Open311Format)? {
        guard let dot = file.lastIndex(of: ".") else { return nil }
        guard let format = Open311Format(rawValue: file[file.index(after: dot)...].lowercased()) else { return nil }
        return (String(file[..<dot]), format)
    }
}

public enum Open311Writer {
    /// The document in `format`; `root` names the XML root element of a top-level list.
    public static func render(_ value: Open311Value, root: String, as format: Open311Format) -> String {
        switch format {
        case .json: return json(value)
        case .xml:
            var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            xml(value, name: root, into: &out)
            return out
        }
    }

    /// ISO 8601 with the offset, in China Standard Time (e.g. 2026-11-25T09:30:00+08:00).
    public static func dateTime(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func json(_ value: Open311Value) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .number(let number): return number.isFinite ? String(number) : "null"
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .object(let fields): return "{" + fields.map { quoted($0.0) + ":" + json($0.1) }.joined(separator: ",") + "}"
        case .list(_, let items): return "[" + items.map(json).joined(separator: ",") + "]"
        }
    }

    static func xml(_ value: Open311Value, name: String, into out: inout String) {
        switch value {
        case .null:
            out += "<\(name)/>"
        case .object(let fields):
            out += "<\(name)>"
            for (key, field) in fields { xml(field, name: key, into: &out) }
            out += "</\(name)>"
        case .list(let item, let items):
            out += "<\(name)>"
            for element in items { xml(element, name: item, into: &out) }
            out += "</\(name)>"
        case .string(let text): out += "<\(name)>\(escaped(text))</\(name)>"
        case .number(let number): out += "<\(name)>\(number.isFinite ? String(number) : "")</\(name)>"
        case .integer(let number): out += "<\(name)>\(number)</\(name)>"
        case .bool(let flag): out += "<\(name)>\(flag ? "true" : "false")</\(name)>"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Characters XML 1.0 forbids are dropped.
                if scalar.value < 0x20 && ![0x9, 0xA, 0xD].contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
