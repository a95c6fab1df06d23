import Vapor

/// `lianxin serve [--demo]`: Vapor's serve command, preceded by migrations and, with `--demo`
/// (or LIANXIN_DEMO=true), the demo city.
struct LianxinServeCommand: AnyAsyncCommand {
    let serve: any AnyAsyncCommand
    let application: Application

    var help: String { "Runs the server (migrating SQLite first). --demo seeds the demo city of 上饶市 on an empty database." }

    func run(using context: inout CommandContext) async throws {
        let demo = context.input.arguments.contains("--demo") || application.lianxin.settings.seedDemo
        context.input.arguments.removeAll { $0 == "--demo" }
        try await prepareDatabase(application)
        if demo {
            for line in try await DemoSeeder(application: application).run() { context.console.print(line) }
            for line in try await DashboardDemo.seed(application) { context.console.print(line) }
        }
        // Published demo credentials: refused in production, to be changed when listening beyond loopback.
        for line in try await DemoSeeder(application: application).checkBeforeServing(bindAddress: Self.bindAddress(context, application)) {
            context.console.print(line)
        }
        if try await User.query(on: application.db).count() == 0 {
            let address = "http://\(Self.bindAddress(context, application)):\(application.lianxin.settings.port)/setup"
            context.console.print("No account yet. Set the county up at \(address) with the setup code \(SetupCode.code(application.lianxin.cipher))")
            context.console.print("(or from the console: `lianxin setup --help`, `lianxin user create`). 首次设置：在浏览器打开上述地址并输入设置码。")
        }
        if application.lianxin.settings.runScheduler {
            let jobs = JobsRunner()
            application.lifecycle.use(jobs)
            jobs.start(application)
        }
        try await serve.run(using: &context)
    }

    /// The address `serve` will listen on: `--hostname`/`-H`, the host of `--bind`/`-b`, or LIANXIN_HOST.
    static func bindAddress(_ context: CommandContext, _ application: Application) -> String {
        let arguments = context.input.arguments
        for (index, argument) in arguments.enumerated() {
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            if argument == "--hostname" || argument == "-H", let value { return value }
            if argument.hasPrefix("--hostname=") { return String(argument.dropFirst("--hostname=".count)) }
            if argument == "--bind" || argument == "-b", let value {
                return value.hasPrefix("[") ? String(value.dropFirst().prefix { $0 != "]" }) : String(value.split(separator: ":").first ?? "")
            }
        }
        return application.lianxin.settings.host
    }

    func outputAutoComplete(using context: inout CommandContext) throws {
        try serve.outputAutoComplete(using: &context)
    }

    func outputHelp(using context: inout CommandContext) throws {
        try serve.outputHelp(using: &context)
        context.console.print("    --demo  Seed the demo city (上饶市 divisions, departments, one account per role) before serving.")
    }

    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String {
        serve.renderCompletionFunctions(using: context, shell: shell)
    }
}
