import Vapor
import Fluent
import LianxinCore

/// The division tree picker a form shows instead of a typed 区划代码 (`_partials/division-picker`): a
/// `<select>` of the divisions under the user's own by name, indented by level, that works without
/// JavaScript; with it a search box filters the tree by name (a township's name also finds its communities).
struct DivisionPicker: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        let value: String
        let label: String
        /// The names above this division, for the search.
        let path: String
        let depth: Int
        let selected: Bool
        /// False for levels above the one the form needs (shown as headings of the tree).
        let selectable: Bool
    }

    let id: String
    let name: String
    let label: String
    let emptyLabel: String
    let searchLabel: String
    let searchPlaceholder: String
    let noMatch: String
    let help: String
    let error: String
    let options: [Option]

    /// The divisions in force under `root`, `selected` chosen; with `only`, divisions of other levels cannot be picked.
    static func load(
        _ req: Request, id: String, name: String, label: String, under root: DivisionCode, selected: String?,
        only level: DivisionLevel? = nil, empty: String? = nil, help: String = "", error: String = ""
    ) async throws -> DivisionPicker {
        let now = req.lianxin.now()
        let rows = try await Division.query(on: req.db).within(\.$id, root).all()
            .filter { $0.validTo.map { $0 > now } ?? true }
        let named = Dictionary(rows.compactMap { row in row.id.flatMap(DivisionCode.init).map { ($0, row.name) } }) { a, _ in a }
        let tree = DivisionTree(root: root, named: named)
        let chosen = selected.flatMap(DivisionCode.init)?.value
        return DivisionPicker(
            id: id, name: name, label: label, emptyLabel: empty ?? req.t("field_picker_any"),
            searchLabel: req.t("field_picker_search"), searchPlaceholder: req.t("field_picker_search_placeholder"),
            noMatch: req.t("field_picker_no_match"), help: help, error: error,
            options: tree.entries.map { entry in
                Option(
                    value: entry.code.value, label: String(repeating: "\u{3000}", count: entry.depth) + entry.name,
                    path: entry.ancestors.joined(separator: " "), depth: entry.depth, selected: entry.code.value == chosen,
                    selectable: level.map { entry.code.level == $0 } ?? true)
            })
    }
}
