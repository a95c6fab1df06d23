/// Coded as one object: each count under its field name, and `stages` as an object keyed by stage name,
/// e.g. `{"received": 3, …, "stages": {"sign": {"started": 2, …}}}`; a missing count reads as zero.
extension RollupCounters: Codable {
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) {
            self.stringValue = stringValue
        }

        init?(intValue: Int) {
            nil
        }

        static let stages = Key(stringValue: "stages")
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: Key.self)
        for (name, path) in Self.fields {
            self[keyPath: path] = try container.decodeIfPresent(Int.self, forKey: Key(stringValue: name)) ?? 0
        }
        let stages = try container.decodeIfPresent([String: StageCounters].self, forKey: .stages) ?? [:]
        for (name, counters) in stages {
            guard let stage = SLAStage(rawValue: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .stages, in: container, debugDescription: "Unknown stage \(name)")
            }
            self[stage] = counters
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, path) in Self.fields {
            try container.encode(self[keyPath: path], forKey: Key(stringValue: name))
        }
        let stages = Dictionary(
            uniqueKeysWithValues: SLAStage.allCases.compactMap { stage in
                self.stages[stage].map { (stage.rawValue, $0) }
            })
        try container.encode(stages, forKey: .stages)
    }
}
