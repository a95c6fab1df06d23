import Vapor
import Fluent
import LianxinCore

/// Writes a checked category as its next version, with the version row that records who changed
/// what and when (inside the caller's transaction). A write that changes nothing makes no version.
struct CatalogueStore {
    let database: any Database

    /// Saves `definition` over the stored category of its code (or as a new one); returns the
    /// category, and the version written or nil when nothing changed.
    @discardableResult
    func save(_ definition: CategoryDefinition, change: String, actor: String, at now: Date) async throws -> (Category, version: Int?) {
        let stored = try await Category.find(definition.code, on: database)
        let current = stored.map(CategoryDefinition.init)
        var next = definition
        next.version = current?.version ?? 0
        if let current, current == next { return (stored!, nil) }
        if let current, try await CategoryVersion.query(on: database).filter(\.$categoryCode == definition.code).count() == 0 {
            // A category loaded before versions were kept: its first state becomes version 1.
            try await record(current, change: "loaded", actor: actor, at: now)
        }
        next.version += 1
        let category = stored ?? Category()
        next.apply(to: category)
        category.version = next.version
        if stored == nil {
            try await category.create(on: database)
        } else {
            try await category.update(on: database)
        }
        try await record(next, change: change, actor: actor, at: now)
        return (category, next.version)
    }

    /// Creates `definitions` as version 1 of new categories, in one statement per table.
    func createAll(_ definitions: [CategoryDefinition], actor: String, at now: Date) async throws {
        var categories: [Category] = []
        var versions: [CategoryVersion] = []
        for var definition in definitions {
            definition.version = 1
            let category = Category()
            definition.apply(to: category)
            category.version = 1
            categories.append(category)
            versions.append(Self.row(definition, change: "imported", actor: actor, at: now))
        }
        for chunk in stride(from: 0, to: categories.count, by: 200) {
            try await Array(categories[chunk..<min(chunk + 200, categories.count)]).create(on: database)
            try await Array(versions[chunk..<min(chunk + 200, versions.count)]).create(on: database)
        }
    }

    /// Adds the row for `definition`'s version.
    func record(_ definition: CategoryDefinition, change: String, actor: String, at now: Date) async throws {
        try await Self.row(definition, change: change, actor: actor, at: now).create(on: database)
    }

    static func row(_ definition: CategoryDefinition, change: String, actor: String, at now: Date) -> CategoryVersion {
        let row = CategoryVersion()
        row.id = UUID()
        row.categoryCode = definition.code
        row.version = definition.version
        row.name = definition.name
        row.parentCode = definition.parentCode
        row.definition = definition.json
        row.change = change
        row.actor = actor
        row.at = now
        return row
    }
}
