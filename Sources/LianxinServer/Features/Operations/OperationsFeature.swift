import Vapor

/// Operations (#17): backups (`lianxin backup`, `lianxin restore`, scheduled by `serve`) and
/// personal-data retention (`lianxin retention run`, hourly in `serve`). No pages or API: these are
/// the operator's commands; docs/operations.md says how to run them.
enum OperationsFeature: LianxinFeature {
    static func routes(_ app: Application) throws {}
    static var openAPIPaths: [(String, JSONValue)] { [] }
    static var openAPISchemas: [(String, JSONValue)] { [] }

    static var jobs: [LianxinJob] {
        [
            LianxinJob("operations.backup", every: .seconds(60), run: OperationsJobs.scheduledBackup),
            LianxinJob("operations.retention", every: .seconds(3600), run: OperationsJobs.retention),
        ]
    }

    static var commands: FeatureCommands {
        FeatureCommands(commands: [
            "backup": BackupCommand(), "restore": RestoreCommand(), "retention": RetentionCommand(), "personal-data": PersonalDataCommand(),
        ])
    }
}
