/// A validated mainland phone number in normal form: a mobile `13812345678` or a landline `0793-1234567`.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible {
    /// Which kind of number.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An 11-digit mobile number 1[3-9]xxxxxxxxx.
        case mobile
        /// A fixed line: area code (010, 02x or 0xxx) and a 7- or 8-digit local number not starting with 0.
        case landline
    }

    /// Which kind of number.
    public let kind: Kind
    /// The normal form.
    public let value: String

    /// Normalises and validates: spaces, hyphens, brackets and full-width digits are accepted, as is a +86 / 0086 prefix.
    public init(parsing text: String) throws(PhoneNumberError) {
        var digits = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: digits.unicodeScalars.append(scalar)
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0x20, 0x2D, 0x28, 0x29, 0xFF08, 0xFF09, 0x3000, 0x2B: continue
            default: throw .characters
            }
        }
        guard !digits.isEmpty else { throw .empty }
        for prefix in ["0086", "86"] where digits.hasPrefix(prefix) && digits.count == prefix.count + 11 {
            digits.removeFirst(prefix.count)
        }
        let characters = Array(digits)
        if characters.count == 11, characters[0] == "1", ("3"..."9").contains(characters[1]) {
            kind = .mobile
            value = digits
            return
        }
        guard characters.first == "0", characters.count >= 3 else { throw .unrecognized(digits) }
        let areaLength = characters[1] == "1" || characters[1] == "2" ? 3 : 4
        let local = characters.dropFirst(areaLength)
        guard characters[1] != "0", (7...8).contains(local.count), local.first != "0" else {
            throw .unrecognized(digits)
        }
        kind = .landline
        value = String(characters.prefix(areaLength)) + "-" + String(local)
    }

    /// The masked form: 138****5678 for mobiles, 0793-***4567 for landlines.
    public var masked: String {
        switch kind {
        case .mobile:
            return String(value.prefix(3)) + "****" + String(value.suffix(4))
        case .landline:
            let parts = value.split(separator: "-")
            return String(parts[0]) + "-" + String(repeating: "*", count: parts[1].count - 4) + String(parts[1].suffix(4))
        }
    }

    /// The masked form, so that logs and interpolations never leak the number.
    public var description: String { masked }
}
