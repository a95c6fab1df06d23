import Vapor

/// A problem of an imported file in words, as a page lists it: its line, the column's name in the
/// reader's language (the key `<prefix><column>`, else the column as the file names it) and the message.
struct ImportProblemRow: Encodable, Sendable {
    let line: String
    let column: String
    let message: String

    /// `line 3, grid` → line 3 and the column's name.
    init(_ error: Problem.FieldError, columnKeys prefix: String, _ req: Request) {
        message = req.language.pick(error.message)
        guard error.field.hasPrefix("line ") else {
            (line, column) = ("", "")
            return
        }
        let parts = error.field.dropFirst(5).split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        line = parts.first ?? ""
        guard parts.count == 2 else {
            column = ""
            return
        }
        let key = prefix + parts[1]
        let label = req.t(key)
        column = label == key ? parts[1] : label
    }
}
