import Vapor

/// One page of a keyset-paginated list: pass `nextCursor` back as `cursor` for the next page.
struct ListPage<Item: Content>: Content {
    var items: [Item]
    var nextCursor: String?
}

/// The `limit` and `cursor` query parameters shared by every list.
struct PageRequest {
    static let defaultLimit = 50
    static let maximumLimit = 500

    let limit: Int
    /// The decoded cursor: the sort key of the last item of the previous page.
    let after: [String]?

    init(_ req: Request) throws {
        if let text = req.query[String.self, at: "limit"] {
            guard let limit = Int(text), (1...Self.maximumLimit).contains(limit) else {
                throw Problem.invalid(field: "limit", "must be a whole number from 1 to \(Self.maximumLimit) / 取值 1–\(Self.maximumLimit)")
            }
            self.limit = limit
        } else {
            limit = Self.defaultLimit
        }
        if let cursor = req.query[String.self, at: "cursor"], !cursor.isEmpty {
            guard let data = Data(base64Encoded: cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/").padded()),
                let key = try? JSONDecoder().decode([String].self, from: data)
            else {
                throw Problem.invalid(field: "cursor", "is not a cursor this server issued / 游标无效")
            }
            after = key
        } else {
            after = nil
        }
    }

    /// Builds the page from `limit + 1` fetched rows: the extra row only says whether more exist.
    func page<Row, Item: Content>(_ rows: [Row], key: (Row) -> [String], map: (Row) throws -> Item) rethrows -> ListPage<Item> {
        let visible = Array(rows.prefix(limit))
        let next = rows.count > limit ? visible.last.map { Self.cursor(key($0)) } : nil
        return ListPage(items: try visible.map(map), nextCursor: next)
    }

    static func cursor(_ key: [String]) -> String {
        (try? JSONEncoder().encode(key))?.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "") ?? ""
    }
}

private extension String {
    func padded() -> String { self + String(repeating: "=", count: (4 - count % 4) % 4) }
}
