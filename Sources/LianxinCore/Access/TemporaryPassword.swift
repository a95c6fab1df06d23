/// A one-time password an administrator hands to a person (a new account, a reset, an import): easy to read
/// aloud and type on a phone (no 0/O, 1/l/I), in groups of four joined by dashes, so it always holds lower
/// case, upper case, digits and a symbol and passes any `PasswordPolicy` up to four classes. The owner must
/// change it at first sign-in.
public enum TemporaryPassword {
    static let lower = Array("abcdefghijkmnpqrstuvwxyz")
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let digits = Array("23456789")

    /// A new password of at least `minimumLength` characters (at least three groups of four).
    public static func generate<G: RandomNumberGenerator>(minimumLength: Int = 14, using generator: inout G) -> String {
        let groups = max(3, (minimumLength + 4) / 5)
        let all = lower + upper + digits
        var parts: [String] = []
        for index in 0..<groups {
            // Each group starts with one character of a class in turn, so every class appears.
            let first = [lower, upper, digits][index % 3]
            var group = [first.randomElement(using: &generator)!]
            for _ in 0..<3 { group.append(all.randomElement(using: &generator)!) }
            parts.append(String(group))
        }
        return parts.joined(separator: "-")
    }

    /// A new password from the system's secure generator.
    public static func generate(minimumLength: Int = 14) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(minimumLength: minimumLength, using: &generator)
    }
}
