import Foundation

/// The public code of a rental unit: 12 characters from an alphabet without look-alikes (about 60 bits).
enum RentalCode {
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    static func isWellFormed(_ text: String) -> Bool { text.count == 12 && text.allSatisfy(alphabet.contains) }
}
