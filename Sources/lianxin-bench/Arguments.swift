/// A mistake on the command line; reported with the usage text.
struct UsageError: Error {
    /// What is wrong, in one line.
    let message: String

    /// Creates the error.
    init(_ message: String) {
        self.message = message
    }
}

/// `--name value` options of one command, parsed by hand.
///
/// Every option takes exactly one value. Each option a command reads is removed from the set, so
/// `finish()` can refuse whatever the command did not expect.
struct Arguments {
    private var values: [String: String] = [:]

    /// Splits `--name value` pairs; refuses positional words, a missing value and repeated options.
    init(_ words: [String]) throws(UsageError) {
        var remaining = words[...]
        while let name = remaining.popFirst() {
            guard name.hasPrefix("--"), name.count > 2 else { throw UsageError("unexpected argument '\(name)'") }
            guard let value = remaining.popFirst() else { throw UsageError("\(name) needs a value") }
            guard values[name] == nil else { throw UsageError("\(name) is given twice") }
            values[name] = value
        }
    }

    /// The value of a required text option.
    mutating func string(_ name: String) throws(UsageError) -> String {
        guard let value = values.removeValue(forKey: name) else { throw UsageError("missing \(name)") }
        return value
    }

    /// The value of an optional text option, or nil.
    mutating func optionalString(_ name: String) -> String? {
        values.removeValue(forKey: name)
    }

    /// The value of an integer option at least `minimum`; `fallback` when absent (required when nil).
    mutating func integer(_ name: String, minimum: Int, default fallback: Int? = nil) throws(UsageError) -> Int {
        guard let text = values.removeValue(forKey: name) else {
            guard let fallback else { throw UsageError("missing \(name)") }
            return fallback
        }
        guard let value = Int(text), value >= minimum else { throw UsageError("\(name) must be an integer ≥ \(minimum), not '\(text)'") }
        return value
    }

    /// The value of a required finite number option greater than zero.
    mutating func positiveNumber(_ name: String) throws(UsageError) -> Double {
        let text = try string(name)
        guard let value = Double(text), value.isFinite, value > 0 else { throw UsageError("\(name) must be a number > 0, not '\(text)'") }
        return value
    }

    /// Refuses any option the command did not read.
    func finish() throws(UsageError) {
        if let unknown = values.keys.sorted().first { throw UsageError("unknown option \(unknown)") }
    }
}
