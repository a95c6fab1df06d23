import Foundation

/// When a running clock turns yellow (预警).
public enum WarningThreshold: Sendable, Hashable {
    /// After this share (0…1) of the allowed time has passed, counted the way the limit counts time.
    case fraction(Double)
    /// This many calendar minutes before the deadline.
    case minutesBefore(Int)
}

extension WarningThreshold: Codable {
    private enum CodingKeys: String, CodingKey {
        case fraction, minutesBefore
    }

    /// Reads `{"fraction": 0.8}` or `{"minutesBefore": 30}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let fraction = try container.decodeIfPresent(Double.self, forKey: .fraction) {
            guard (0...1).contains(fraction) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .fraction, in: container, debugDescription: "Must lie in 0…1")
            }
            self = .fraction(fraction)
        } else {
            let minutes = try container.decode(Int.self, forKey: .minutesBefore)
            guard minutes >= 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .minutesBefore, in: container, debugDescription: "Must not be negative")
            }
            self = .minutesBefore(minutes)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .fraction(let fraction): try container.encode(fraction, forKey: .fraction)
        case .minutesBefore(let minutes): try container.encode(minutes, forKey: .minutesBefore)
        }
    }
}
