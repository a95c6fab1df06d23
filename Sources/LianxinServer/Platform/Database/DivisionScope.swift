import Fluent
import SQLKit
import LianxinCore

/// The one place a division subtree becomes a query filter. A division's code is a prefix of the
/// codes of everything under it (county 361102 → township 361102001 → community 361102001001),
/// so "lies in the subtree" is a prefix match, `LIKE 'code%'`, which both engines answer from an
/// index on the code column. Every list and lookup scoped to a user's division goes through here.
enum DivisionScope {
    /// The `LIKE` pattern of `division`'s subtree.
    static func pattern(_ division: DivisionCode) -> String { division.value + "%" }

    /// `column LIKE 'code%'` for hand-written SQL.
    static func sql(_ column: String, within division: DivisionCode) -> SQLQueryString {
        "\(ident: column) LIKE \(bind: pattern(division))"
    }

    /// `alias.column LIKE 'code%'` for hand-written SQL over a table alias (joins, subqueries).
    static func sql(_ alias: String, _ column: String, within division: DivisionCode) -> SQLQueryString {
        "\(ident: alias).\(ident: column) LIKE \(bind: pattern(division))"
    }

    /// `column NOT LIKE 'code%'` for hand-written SQL.
    static func sql(_ column: String, outside division: DivisionCode) -> SQLQueryString {
        "\(ident: column) NOT LIKE \(bind: pattern(division))"
    }
}

extension QueryBuilder {
    /// Rows whose `field` (a division code column) lies in `division`'s subtree.
    func within<Field: QueryableProperty>(_ field: KeyPath<Model, Field>, _ division: DivisionCode) -> Self where Field.Model == Model {
        divisionFilter(field, "LIKE", division)
    }

    /// Rows whose `field` lies outside `division`'s subtree.
    func outside<Field: QueryableProperty>(_ field: KeyPath<Model, Field>, _ division: DivisionCode) -> Self where Field.Model == Model {
        divisionFilter(field, "NOT LIKE", division)
    }

    /// Rows whose `field` lies in the principal's division subtree.
    func inScope<Field: QueryableProperty>(_ field: KeyPath<Model, Field>, _ principal: Principal) -> Self where Field.Model == Model {
        within(field, principal.division)
    }

    private func divisionFilter<Field: QueryableProperty>(
        _ field: KeyPath<Model, Field>, _ method: String,
        _ division: DivisionCode
    ) -> Self where Field.Model == Model {
        filter(
            .extendedPath(Model.path(for: field), schema: Model.schemaOrAlias, space: Model.spaceIfNotAliased),
            .custom(method), .bind(DivisionScope.pattern(division)))
    }
}
