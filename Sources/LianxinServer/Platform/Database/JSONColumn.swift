import Foundation

/// Small JSON documents kept in text columns (lists of codes or ids, category counts).
enum JSONColumn {
    /// `value` as JSON text (`[]` if it cannot be encoded, which plain lists always can).
    static func text<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// A list read back from `text`; empty when the column holds something else.
    static func list<T: Decodable>(_ type: T.Type, from text: String) -> [T] {
        (try? JSONDecoder().decode([T].self, from: Data(text.utf8))) ?? []
    }
}
