/// One choice of a `<select>` (or a set of radio buttons) on a page: what is sent, what is shown, whether it is chosen.
/// Every page model uses this one type.
struct SelectOption: Encodable, Sendable {
    let value: String
    let label: String
    var selected = false
}

extension Array where Element == SelectOption {
    /// The same options with `value` selected.
    func selecting(_ value: String?) -> [SelectOption] {
        map { SelectOption(value: $0.value, label: $0.label, selected: $0.value == value) }
    }
}
