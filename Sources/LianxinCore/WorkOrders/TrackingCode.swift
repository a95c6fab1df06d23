/// The code a resident uses to follow an order (查询码): 12 random characters (60 bits, beyond guessing
/// at any rate a server answers) and a check character, from an alphabet without look-alikes (no 0,
/// 1, I or O), so a code read over the phone or typed from paper works. Codes of the first release
/// (9 random characters) stay readable; a code only shows an order — evaluating or reopening it
/// also needs the last four digits of the requester's phone.
public enum TrackingCode {
    /// The 32 characters a code may contain.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")

    /// Characters per code, check character included.
    public static let length = 13

    /// Characters per code of the first release, still accepted.
    public static let legacyLength = 10

    /// A fresh code drawn from `generator`; inject a seeded generator in tests.
    public static func generate(using generator: inout some RandomNumberGenerator) -> String {
        let body = (0..<(length - 1)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(body + [checkCharacter(for: body.map(index(of:)))])
    }

    /// The canonical form of what a person typed: upper case, spaces and dashes dropped; nil if it is not a valid code.
    public static func normalized(_ input: String) -> String? {
        let code = String(input.uppercased().filter { $0 != " " && $0 != "-" })
        guard code.count == length || code.count == legacyLength, code.allSatisfy({ alphabet.contains($0) }) else { return nil }
        let values = code.map(index(of:))
        return checkCharacter(for: values.dropLast()) == code.last ? code : nil
    }

    /// The code in groups of four or five for reading aloud and printing ("ABCD EFGH JKLMN"); a
    /// code typed back with or without the spaces is read the same.
    public static func grouped(_ code: String) -> String {
        guard code.count == length else { return code }
        let characters = Array(code)
        return [String(characters[0..<4]), String(characters[4..<8]), String(characters[8...])].joined(separator: " ")
    }

    /// Whether `input` is a well-formed code with the right check character.
    public static func isValid(_ input: String) -> Bool {
        normalized(input) != nil
    }

    /// The Luhn mod N check character, which catches every single-character error and most swaps of neighbours.
    private static func checkCharacter(for values: some Collection<Int>) -> Character {
        let base = alphabet.count
        var sum = 0
        var doubles = true
        for value in values.reversed() {
            var addend = doubles ? value * 2 : value
            addend = addend / base + addend % base
            sum += addend
            doubles.toggle()
        }
        return alphabet[(base - sum % base) % base]
    }

    private static func index(of character: Character) -> Int {
        alphabet.firstIndex(of: character) ?? 0
    }
}
