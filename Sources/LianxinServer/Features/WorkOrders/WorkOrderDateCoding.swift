import Vapor
import Fluent
import SQLKit
import LianxinCore

extension JSONEncoder.DateEncodingStrategy {
    /// ISO 8601 with milliseconds, so that replayed events compare equal.
    static let iso8601withFractions = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(ISOTimestamp.format(date))
    }
}

extension JSONDecoder.DateDecodingStrategy {
    static let iso8601withFractions = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = ISOTimestamp.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
        }
        return date
    }
}
