import Vapor
import NIOConcurrencyHelpers
import LianxinCore

/// `lianxin import orders FILE.csv [--division CODE] [--lang en]`: the whole file or nothing, with every problem
/// listed by line and column, progress (rows, rows/s) on the console.
struct ImportOrdersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV (UTF-8) of orders from the previous system; columns in docs/history-import.md.")
        var file: String
        @Option(name: "division", help: "The county (or other division) loaded: every order and unit must lie on its line.")
        var division: String?
        @Option(name: "lang", help: "Language of the report: zh-CN (default) or en.") var lang: String?
    }

    var help: String {
        "Loads order history (closed and open orders with the times of each step); all or nothing, with a report of every problem; builds events and dashboard rollups."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let language = Localizer.Language(rawValue: signature.lang ?? "zh-CN") ?? .zhCN
        let localizer = app.lianxin.localizer
        var scope: DivisionCode?
        if let text = signature.division {
            guard let code = DivisionCode(text) else { throw CommandFailure(localizer.text("history_scope_invalid", language)) }
            scope = code
        }
        let console = context.console
        let started = Date()
        let state = NIOLockedValueBox<(checked: Int, writingStarted: Date?)>((0, nil))
        do {
            let report = try await HistoryImporter(app: app, scope: scope, language: language).run(path: signature.file) { phase, rows in
                let now = Date()
                switch phase {
                case .checking:
                    state.withLockedValue { $0.checked = rows }
                    let rate = Int(Double(rows) / max(now.timeIntervalSince(started), 0.001))
                    console.print("\(localizer.text("history_progress_checking", language)) \(rows) (\(rate) rows/s)")
                case .writing:
                    let (checked, since) = state.withLockedValue { value in
                        value.writingStarted = value.writingStarted ?? now
                        return (value.checked, value.writingStarted ?? now)
                    }
                    let rate = Int(Double(rows) / max(now.timeIntervalSince(since), 0.001))
                    if rows % 10_000 == 0 || rows == checked {
                        console.print("\(localizer.text("history_progress_writing", language)) \(rows)/\(checked) (\(rate) rows/s)")
                    }
                }
            }
            let seconds = max(Date().timeIntervalSince(started), 0.001)
            console.print(
                localizer.text("history_done", language)
                    .replacingOccurrences(of: "{orders}", with: String(report.orders))
                    .replacingOccurrences(of: "{events}", with: String(report.events))
                    .replacingOccurrences(of: "{seconds}", with: String(format: "%.1f", seconds))
                    .replacingOccurrences(of: "{rate}", with: String(Int(Double(report.orders) / seconds))))
        } catch let refused as HistoryImporter.Refused {
            for problem in refused.problems { console.error(problem.text(localizer, language)) }
            throw CommandFailure(
                localizer.text("history_refused", language).replacingOccurrences(of: "{count}", with: String(refused.total))
                    .replacingOccurrences(of: "{shown}", with: String(refused.problems.count)))
        }
    }
}
