import Vapor
import Fluent
import SQLKit
import LianxinCore

/// `lianxin knowledge bench`: fills an empty knowledge base with the benchmark's real-style entries
/// (`KnowledgeBenchSet`) among generated ones up to `entries`, then times the spoken queries through the same search
/// the desk uses and prints p50/p95/p99 per query, and recall@5 of the expected entries against a plain `LIKE` of the
/// whole query. For benchmark databases only; not part of the test suite.
struct KnowledgeBench {
    let app: Application
    let entries: Int
    let repeats: Int

    struct Report: Encodable {
        let engine: String
        let entries: Int
        let queries: Int
        let timedRuns: Int
        let p50Milliseconds: Double
        let p95Milliseconds: Double
        let p99Milliseconds: Double
        let maxMilliseconds: Double
        let recallAt5: Double
        let likeRecallAt5: Double
        let likeP99Milliseconds: Double
        let missed: [String]
    }

    func run(console: any Console) async throws {
        try await prepareDatabase(app)
        let db = app.db
        let existing = try await KnowledgeEntry.query(on: db).count()
        let expected: [UUID]
        if existing == 0 {
            let started = Date()
            expected = try await load(on: db)
            console.print("loaded \(entries) entries in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        } else {
            // Time again over the entries an earlier run loaded.
            let rows = try await KnowledgeEntry.query(on: db).filter(\.$question ~~ KnowledgeBenchSet.items.map(\.question)).all()
            let byQuestion = Dictionary(rows.map { ($0.question, $0.id!) }, uniquingKeysWith: { a, _ in a })
            expected = try KnowledgeBenchSet.items.map { item in
                guard let id = byQuestion[item.question] else {
                    throw CommandFailure("the knowledge base is not a benchmark's; use an empty database")
                }
                return id
            }
        }
        let principal = Principal(
            userID: UUID(), username: "bench", displayName: "bench", role: .operator, division: DivisionCode("3611")!, departmentID: nil,
            sessionID: nil, csrfToken: nil)
        let now = app.lianxin.now()
        var times: [Double] = [], likeTimes: [Double] = []
        var found = 0, likeFound = 0
        var missed: [String] = []
        for (index, item) in KnowledgeBenchSet.items.enumerated() {
            let top = try await KnowledgeLookup.search(item.spoken, for: principal, limit: 5, on: db, now: now).compactMap(\.0.id)
            if top.contains(expected[index]) { found += 1 } else { missed.append(item.spoken) }
            if try await like(item.spoken, on: db.sql).contains(expected[index]) { likeFound += 1 }
        }
        for _ in 0..<repeats {
            for item in KnowledgeBenchSet.items {
                let start = ContinuousClock.now
                _ = try await KnowledgeLookup.search(item.spoken, for: principal, limit: 5, on: db, now: now)
                times.append(Self.milliseconds(ContinuousClock.now - start))
                let likeStart = ContinuousClock.now
                _ = try await like(item.spoken, on: db.sql)
                likeTimes.append(Self.milliseconds(ContinuousClock.now - likeStart))
            }
        }
        let count = Double(KnowledgeBenchSet.items.count)
        let report = Report(
            engine: db.sql.dialect.name, entries: try await KnowledgeEntry.query(on: db).count(), queries: KnowledgeBenchSet.items.count,
            timedRuns: times.count, p50Milliseconds: Self.percentile(times, 50), p95Milliseconds: Self.percentile(times, 95),
            p99Milliseconds: Self.percentile(times, 99), maxMilliseconds: times.max() ?? 0, recallAt5: Double(found) / count,
            likeRecallAt5: Double(likeFound) / count, likeP99Milliseconds: Self.percentile(likeTimes, 99), missed: missed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        console.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// The baseline: the whole query as one `LIKE` pattern over question, keywords and answer.
    private func like(_ text: String, on sql: any SQLDatabase) async throws -> [UUID] {
        let pattern = "%" + KnowledgeTextLike.escaped(text) + "%"
        return try await sql.raw(
            """
            SELECT id FROM \(ident: KnowledgeEntry.schema) WHERE status = 'published' AND (question LIKE \(bind: pattern) ESCAPE '!' \
            OR keywords LIKE \(bind: pattern) ESCAPE '!' OR answer LIKE \(bind: pattern) ESCAPE '!') LIMIT 5
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Writes the real entries and generated ones, 500 to a transaction; returns the real entries' ids in order.
    private func load(on db: any Database) async throws -> [UUID] {
        let author = UUID()
        let now = app.lianxin.now()
        var real: [UUID] = []
        var batch: [KnowledgeEntry] = []
        func flush() async throws {
            let rows = batch
            batch = []
            try await db.transaction { tx in
                for entry in rows {
                    try await entry.create(on: tx)
                    try await KnowledgeEntryDivision(entryID: entry.id!, divisionCode: "3611").create(on: tx)
                    try await KnowledgeSearchIndex.write(entry, on: tx.sql)
                }
            }
        }
        for index in 0..<max(entries, KnowledgeBenchSet.items.count) {
            let (question, keywords, answer) = Self.text(index)
            let entry = KnowledgeEntry()
            entry.id = UUID()
            entry.status = KnowledgeStatus.published.rawValue
            entry.version = 1
            entry.question = question
            entry.answer = answer
            entry.keywords = keywords
            entry.divisions = "3611"
            entry.divisionCode = "3611"
            entry.authorID = author
            entry.answeredCount = 0
            entry.searchQuestion = KnowledgeText.grams(question)
            entry.searchKeywords = KnowledgeText.grams(keywords)
            entry.searchAnswer = KnowledgeText.grams(answer)
            entry.searchAll = entry.searchQuestion + entry.searchKeywords + entry.searchAnswer
            entry.createdAt = now
            entry.updatedAt = now
            if index < KnowledgeBenchSet.items.count { real.append(entry.id!) }
            batch.append(entry)
            if batch.count == 500 { try await flush() }
        }
        try await flush()
        let sql = db.sql
        try await sql.raw(sql.dialect.name == "sqlite" ? "ANALYZE" : "VACUUM ANALYZE \(ident: KnowledgeEntry.schema)").run()
        return real
    }

    /// Entry `index`: a real one, or a generated one about the same subjects in another place and aspect.
    static func text(_ index: Int) -> (String, String, String) {
        let items = KnowledgeBenchSet.items
        if index < items.count { return (items[index].question, items[index].keywords, items[index].answer) }
        let n = index - items.count
        let topics = KnowledgeBenchSet.topics, aspects = KnowledgeBenchSet.aspects, places = KnowledgeBenchSet.places
        let topic = topics[n % topics.count]
        let aspect = aspects[(n / topics.count) % aspects.count]
        let place = places[(n / (topics.count * aspects.count)) % places.count]
        let edition = n / (topics.count * aspects.count * places.count) + 1
        let question = "\(place)\(topic)\(aspect)（第\(edition)版）"
        let answer = "\(place)\(topic)业务请咨询\(place)政务服务中心\(topic)窗口，工作日办理，具体以\(place)当年公布的\(topic)政策为准。"
        return (question, "\(topic), \(place)\(topic)", answer)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// The nearest-rank percentile.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return (sorted[max(0, min(sorted.count - 1, rank - 1))] * 1000).rounded() / 1000
    }
}

/// `lianxin knowledge bench`.
struct KnowledgeCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "bench") var action: String
        @Option(name: "entries", help: "bench: entries to load into an empty knowledge base (default 20000)") var entries: Int?
        @Option(name: "repeat", help: "bench: timed runs of the query set (default 25)") var repeats: Int?
    }

    var help: String {
        "The knowledge base: `bench` loads real-style and generated entries into an empty knowledge base (benchmark databases only) and times the spoken-query search, with recall@5 against a plain LIKE."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "bench" else { throw CommandFailure("unknown action \(signature.action); use: knowledge bench") }
        try await KnowledgeBench(
            app: context.application, entries: max(KnowledgeBenchSet.items.count, signature.entries ?? 20_000),
            repeats: max(1, signature.repeats ?? 25)
        ).run(console: context.console)
    }
}
