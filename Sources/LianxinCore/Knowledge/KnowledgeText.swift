import Foundation

/// How knowledge text is indexed and searched, the same on both engines. Chinese has no spaces between words and
/// most words are two characters long, so the index holds character bigrams (and whole Latin words or numbers),
/// each written between spaces: " 异地 地就 就医 ". A bigram between spaces is three or more characters, so the
/// engines' own trigram facilities (SQLite FTS5 `trigram`, PostgreSQL `pg_trgm`) find it exactly.
public enum KnowledgeText {
    /// The spaced gram string of `text`, for the index.
    public static func grams(_ text: String) -> String {
        let terms = terms(of: text)
        return terms.isEmpty ? "" : " " + terms.joined(separator: " ") + " "
    }

    /// The distinct grams of `text` in order: the bigrams of each run of Chinese characters (a run of one is kept
    /// whole) and each Latin word or number, lower-cased and half-width.
    public static func terms(of text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for run in runs(of: text) {
            for term in grams(ofRun: run) where seen.insert(term).inserted { out.append(term) }
        }
        return out
    }

    /// Text split into runs of Chinese characters and runs of Latin letters or digits (everything else separates).
    static func runs(of text: String) -> [String] {
        var runs: [String] = []
        var current = "", currentIsHan = false
        for scalar in normalized(text).unicodeScalars {
            let han = isHan(scalar)
            let word = !han && (CharacterSet.alphanumerics.contains(scalar))
            if han || word {
                if !current.isEmpty && han != currentIsHan {
                    runs.append(current)
                    current = ""
                }
                current.unicodeScalars.append(scalar)
                currentIsHan = han
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private static func grams(ofRun run: String) -> [String] {
        let characters = Array(run)
        guard let first = run.unicodeScalars.first, isHan(first), characters.count > 1 else { return [run] }
        return (0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) }
    }

    /// Lower case, full-width letters and digits as half-width.
    static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out).lowercased()
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}

/// A query as typed or spoken at the desk (请问一下医保异地备案怎么弄啊): the filler words of speech are dropped and the
/// rest becomes the grams to look for.
public struct KnowledgeQuery: Sendable, Hashable {
    /// What was typed, trimmed.
    public let text: String
    /// The meaningful runs left after the filler words are taken out.
    public let segments: [String]
    /// The grams to look for (at most `maximumTerms`).
    public let terms: [String]

    /// Queries are cut to this many grams, so a pasted paragraph stays as fast as a phrase.
    public static let maximumTerms = 24

    /// Phrases of speech that carry no subject; longest first so 我想问一下 goes before 我想.
    static let fillers: [String] = [
        "我想咨询一下", "我想问一下", "想咨询一下", "想问一下", "请问一下", "咨询一下", "问一下", "请问", "你好", "您好", "我想问",
        "我想", "想问", "想知道", "我要", "怎么办理", "怎么办", "怎么弄", "怎么样", "怎么", "如何", "什么时候", "什么", "为什么",
        "哪里", "哪儿", "在哪", "哪个", "哪些", "多少", "能不能", "可不可以", "可以吗", "是不是", "有没有", "需要", "一下", "一个",
        "我们", "你们", "他们", "我家", "这个", "那个", "现在", "的话", "了解", "吗", "呢", "啊", "呀", "了", "的", "我", "你",
        "咋", "嘛", "哦", "喂",
    ]

    public init(_ raw: String) {
        text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var spoken = KnowledgeText.normalized(text)
        for filler in Self.fillers { spoken = spoken.replacingOccurrences(of: filler, with: " ") }
        let runs = KnowledgeText.runs(of: spoken)
        // A query of only filler words keeps what was typed, so 水 still looks for 水.
        segments = runs.isEmpty ? KnowledgeText.runs(of: text) : runs
        var seen = Set<String>()
        var terms: [String] = []
        for segment in segments {
            for term in KnowledgeText.terms(of: segment) where seen.insert(term).inserted { terms.append(term) }
        }
        self.terms = Array(terms.prefix(Self.maximumTerms))
    }

    /// Whether the query is a single character (or empty): the trigram indexes cannot look for it, so the engines scan
    /// questions and keywords with `LIKE` instead.
    public var isShort: Bool { terms.allSatisfy { $0.count < 2 && $0.unicodeScalars.allSatisfy(KnowledgeText.isHan) } }
}

/// Orders the candidates the engine found, identically on both engines.
public enum KnowledgeRanker {
    /// What the ranker needs of one candidate: its question and keywords as written, and the index grams of its
    /// question, keywords and answer (as stored, `KnowledgeText.grams`).
    public struct Candidate: Sendable, Hashable {
        public let id: UUID
        public let question: String
        public let keywords: String
        let questionTerms: Set<Substring>
        let keywordTerms: Set<Substring>
        let answerTerms: Set<Substring>
        let questionTermCount: Int

        /// A candidate from its stored gram strings (no text is split again).
        public init(id: UUID, question: String, keywords: String, questionGrams: String, keywordGrams: String, answerGrams: String) {
            self.id = id
            self.question = question
            self.keywords = keywords
            let questionList = questionGrams.split(separator: " ")
            questionTerms = Set(questionList)
            questionTermCount = questionList.count
            keywordTerms = Set(keywordGrams.split(separator: " "))
            answerTerms = Set(answerGrams.split(separator: " "))
        }

        /// A candidate from its text.
        public init(id: UUID, question: String, keywords: String, answer: String) {
            self.init(
                id: id, question: question, keywords: keywords, questionGrams: KnowledgeText.grams(question),
                keywordGrams: KnowledgeText.grams(keywords), answerGrams: KnowledgeText.grams(answer))
        }
    }

    /// A score between 0 and about 2: the share of the query's grams found in the question (weight 3), the keywords (2)
    /// and the answer (1); plus half the share of the question's own grams the query holds (a short question that is
    /// all about the query beats a long one that mentions it); plus a bonus when a whole segment of the query stands
    /// in the question or keywords.
    public static func score(_ query: KnowledgeQuery, _ candidate: Candidate) -> Double {
        if query.isShort {
            let needle = KnowledgeText.normalized(query.text)
            guard !needle.isEmpty else { return 0 }
            let inQuestion = KnowledgeText.normalized(candidate.question).contains(needle)
            let inKeywords = KnowledgeText.normalized(candidate.keywords).contains(needle)
            return inQuestion ? 1 : inKeywords ? 0.8 : 0
        }
        guard !query.terms.isEmpty else { return 0 }
        var weight = 0.0
        var questionHits = 0
        for term in query.terms {
            let key = Substring(term)
            let inQuestion = candidate.questionTerms.contains(key)
            if inQuestion { questionHits += 1 }
            weight += (inQuestion ? 3 : 0) + (candidate.keywordTerms.contains(key) ? 2 : 0) + (candidate.answerTerms.contains(key) ? 1 : 0)
        }
        guard weight > 0 else { return 0 }
        var score = weight / (6 * Double(query.terms.count))
        score += 0.5 * Double(questionHits) / Double(max(1, candidate.questionTermCount))
        let title = KnowledgeText.normalized(candidate.question + " " + candidate.keywords)
        let whole = query.segments.filter { $0.count >= 2 && title.contains($0) }
        score += 0.5 * Double(whole.reduce(0) { $0 + $1.count }) / Double(max(1, query.segments.reduce(0) { $0 + $1.count }))
        return score
    }

    /// The candidates with any match, best first; ties go to the shorter question (the more specific entry).
    public static func rank(_ query: KnowledgeQuery, _ candidates: [Candidate], limit: Int) -> [(Candidate, Double)] {
        candidates.map { ($0, score(query, $0)) }.filter { $0.1 > 0 }
            .sorted { a, b in
                if a.1 != b.1 { return a.1 > b.1 }
                if a.0.question.count != b.0.question.count { return a.0.question.count < b.0.question.count }
                return a.0.id.uuidString < b.0.id.uuidString
            }
            .prefix(limit).map { $0 }
    }
}
