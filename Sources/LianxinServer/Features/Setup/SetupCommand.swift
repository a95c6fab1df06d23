import Vapor
import Fluent
import LianxinCore

/// `lianxin setup --county CODE …`: a county's first day, in the order the setup walks it —
/// divisions (the county's line and tree, from a file shaped like the public division files) →
/// handling units → dispatch catalogue (the shipped default or the county's own) → the role → unit
/// mapping → accounts → grids — then the readiness check (what still blocks dispatching). Each step
/// loads its whole file or nothing, listing every problem; a unit or account of another county is
/// refused. Steps already done may be run again (every import updates by code), so a refused file is
/// fixed and the same command run again.
struct SetupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "county", help: "The county's division code (6 digits, e.g. 360823 峡江县); required.") var county: String?
        @Option(name: "divisions", help: "Division CSV (code,name[,level][,parent_code|parent]); only the county's line and tree are loaded.")
        var divisions: String?
        @Option(name: "units", help: "Handling units CSV (as `lianxin import departments`); every unit must lie in the county.")
        var units: String?
        @Option(name: "catalogue", help: "`default` (the catalogue shipped with Lianxin) or a catalogue CSV (as `lianxin import categories`).")
        var catalogue: String?
        @Option(name: "roles", help: "Role → unit CSV (division_code,role,unit_code), as `lianxin import category-roles`.") var roles: String?
        @Option(name: "users", help: "Accounts CSV (as `lianxin import users`); every account must lie in the county.") var users: String?
        @Option(name: "passwords-out", help: "Write the new accounts' initial passwords to this file instead of the console.")
        var passwordsOut: String?
        @Option(name: "grids", help: "Grids GeoJSON (as `lianxin import grids`); grids must lie in the county.") var grids: String?
        @Option(name: "lang", help: "Language of the readiness report: zh-CN (default) or en.") var lang: String?
    }

    var help: String {
        "Sets up a county step by step (divisions → units → catalogue → roles → accounts → grids), then lists what still blocks dispatching."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        guard let raw = signature.county else { throw CommandFailure("name the county: --county CODE (e.g. 360823)") }
        guard let county = DivisionCode(raw), county.level == .county else { throw CommandFailure("\(raw) is not a county's division code") }
        let console = context.console
        let now = app.lianxin.now()

        console.print("1. divisions 区划")
        if let path = signature.divisions {
            let text = try importText(path)
            let selected: String?
            do { selected = try DivisionFile.select(text, for: county) } catch { throw CommandFailure("\(path): \(error)") }
            guard let selected else { throw CommandFailure("\(path) has no division \(county.value)") }
            do {
                let report = try await DivisionImporter(database: app.db).importCSV(selected, actor: .commandLine, now: now)
                console.print("   \(report.inserted) inserted, \(report.updated) updated, \(report.unchanged) unchanged")
            } catch let failed as DivisionImporter.Failed {
                for issue in failed.issues { console.error("   \(issue.description)") }
                throw CommandFailure("the division file was refused; nothing was written")
            }
        }
        guard let name = try await Division.find(county.value, on: app.db)?.name else {
            throw CommandFailure("division \(county.value) is not in the database: give --divisions FILE")
        }
        console.print("   county: \(name) (\(county.value))")

        console.print("2. handling units 承办单位")
        if let path = signature.units {
            let text = try importText(path)
            let report = try await reportingProblems(context) { try await UnitImporter(application: app, within: county).importCSV(text) }
            console.print("   \(report.added) added, \(report.updated) updated")
        }

        console.print("3. dispatch catalogue 派单目录")
        if let choice = signature.catalogue {
            let path =
                choice == "default"
                ? (app.lianxin.settings.resourcesDirectory as NSString).appendingPathComponent(CatalogueCSV.defaultFile) : choice
            let text = try importText(path)
            let report = try await reportingProblems(context) { try await CatalogueImporter(application: app).importCSV(text) }
            console.print("   \(report.added) added, \(report.updated) changed, \(report.unchanged) unchanged")
        }

        console.print("4. roles → units 职能角色对应承办单位")
        if let path = signature.roles {
            let text = try importText(path)
            let count = try await reportingProblems(context) { try await RoleMapping.importCSV(text, application: app) }
            console.print("   \(count) mappings written")
        }

        console.print("5. accounts 账号")
        if let path = signature.users {
            let text = try importText(path)
            try UserImportCommand.checkWritable(signature.passwordsOut)
            let created = try await reportingProblems(context) {
                try await UserImporter(application: app).importCSV(text, by: nil, actor: .commandLine, ip: nil, within: county)
            }
            try UserImportCommand.hand(created, passwordsOut: signature.passwordsOut, context)
        }

        console.print("6. grids 网格")
        if let path = signature.grids {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("cannot read \(path)") }
            let report = try await reportingProblems(context) {
                try await GridImporter(app: app).importGeoJSON(data, coordinates: .wgs84, replace: false, within: county, actor: .commandLine)
            }
            console.print("   \(report.added) added, \(report.changed) changed, \(report.unchanged) unchanged")
        }

        let language = Localizer.Language(rawValue: signature.lang ?? "") ?? .zhCN
        let report = try await ReadinessReport.make(within: county, on: app.db, localizer: app.lianxin.localizer, language: language)
        console.print("7. readiness 上线检查")
        for line in report.lines {
            console.print("   [\(line.severity == Readiness.Severity.blocker.rawValue ? "!" : "-")] \(line.message) → \(line.link)")
        }
        console.print(
            report.ready
                ? "   ready: nothing blocks dispatching / 没有阻碍派单的问题"
                : "   not ready: \(report.lines.filter { $0.severity == "blocker" }.count) problem(s) block dispatching / 尚有问题阻碍派单")
    }
}
