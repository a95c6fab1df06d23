import Vapor

extension Application {
    /// Registers Lianxin's subcommands beside Vapor's own: `serve` and `migrate`, then each
    /// feature's own commands and what it adds to `lianxin import` and `lianxin export`.
    public func registerLianxinCommands() {
        if let serve = asyncCommands.commands["serve"] {
            asyncCommands.use(LianxinServeCommand(serve: serve, application: self), as: "serve", isDefault: true)
        }
        asyncCommands.use(MigrateCommand(), as: "migrate")
        asyncCommands.use(KeysCommand(), as: "keys")
        var imports = ImportCommands(), exports = ExportCommands()
        for feature in LianxinFeatures.all {
            let declared = feature.commands
            for (name, command) in declared.commands { asyncCommands.use(command, as: name) }
            imports.commands.merge(declared.imports) { first, _ in first }
            exports.commands.merge(declared.exports) { first, _ in first }
        }
        asyncCommands.use(imports, as: "import")
        asyncCommands.use(exports, as: "export")
    }
}
