import Foundation

/// The opaque `after` cursor of Open311 request lists: the creation time and id of the last request
/// of the previous page, so the next page starts right after it however deep the list goes.
enum Open311Cursor {
    static func encode(at date: Date, id: UUID) -> String {
        PageRequest.cursor([String(date.timeIntervalSince1970), id.uuidString])
    }

    static func decode(_ text: String) -> (at: Date, id: UUID)? {
        let base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let padded = base64 + String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let key = try? JSONDecoder().decode([String].self, from: data), key.count == 2,
            let seconds = Double(key[0]), seconds.isFinite, let id = UUID(uuidString: key[1])
        else { return nil }
        return (Date(timeIntervalSince1970: seconds), id)
    }
}
