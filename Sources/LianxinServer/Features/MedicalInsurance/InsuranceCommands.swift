import Vapor
import Fluent
import LianxinCore

/// `lianxin import institutions|insurance-persons|settlements …` and `lianxin screen-settlements`.
enum InsuranceCommands {
    /// `import institutions` (code,name,level,division_code[,agreement_status]) or `import insurance-persons`
    /// (code,name,institution_code): the whole file or nothing, with every bad row listed.
    struct ImportRegistry: AsyncCommand {
        enum Kind: String, Sendable { case institutions, persons }
        let kind: Kind

        struct Signature: CommandSignature {
            @Argument(
                name: "file",
                help: "CSV: institutions code,name,level (一级|二级|三级|未定级),division_code[,agreement_status]; persons code,name,institution_code.")
            var file: String
        }

        var help: String {
            kind == .institutions
                ? "Loads designated institutions (定点医药机构); the whole file or nothing, with every bad row listed."
                : "Loads responsible persons (医保医师/药师); the whole file or nothing, with every bad row listed."
        }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let text = try importText(signature.file)
            let importer = InsuranceRegistryImporter(application: app)
            let count = try await reportingProblems(context) {
                kind == .institutions ? try await importer.importInstitutions(text) : try await importer.importPersons(text)
            }
            context.console.print("\(kind.rawValue): \(count) rows loaded")
        }
    }

    struct ImportSettlements: AsyncCommand {
        struct Signature: CommandSignature {
            @Argument(name: "file", help: "settlements.csv (settlement_id,institution_code,patient_id,patient_sex,…,settled_at).")
            var file: String
            @Option(name: "items", help: "items.csv (settlement_id,line_no,item_code,…,charged_at).") var items: String?
            @Option(name: "prices", help: "prices.csv (item_code,max_unit_price).") var prices: String?
            @Option(name: "sex-items", help: "sex_items.csv (item_code,sex).") var sexItems: String?
        }

        var help: String { "Loads settlements and their lines (all or nothing, every problem listed), then screens them." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let files = SettlementImporter.Files(
                settlements: try importText(signature.file), items: try signature.items.map(importText), prices: try signature.prices.map(importText),
                sexItems: try signature.sexItems.map(importText))
            let console = context.console
            let report = try await reportingProblems(context) {
                try await SettlementImporter(application: app).importFiles(files, actor: .commandLine) { console.print($0) }
            }
            console.print("settlements: \(report.settlements) settlements, \(report.lines) lines, \(report.references) reference items loaded")
            if let screening = report.screening {
                console.print(
                    "screening: \(screening.leads) leads (\(screening.added) new) in \(String(format: "%.2f", screening.seconds)) s")
            }
        }
    }

    struct Screen: AsyncCommand {
        struct Signature: CommandSignature {}

        var help: String { "Screens every stored settlement with the rules in force; new leads are stored." }

        func run(using context: CommandContext, signature: Signature) async throws {
            let app = context.application
            try await prepareDatabase(app)
            let console = context.console
            let report = try await ScreeningService(database: app.db, now: app.lianxin.now()).run { console.print($0) }
            console.print("screening: \(report.leads) leads (\(report.added) new) in \(String(format: "%.2f", report.seconds)) s")
        }
    }
}
