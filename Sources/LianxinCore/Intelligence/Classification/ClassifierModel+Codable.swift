import Foundation

/// Codable as readable metadata plus the binary file form (base64 in JSON), so models can travel in
/// JSON documents or database columns; decoding trusts only the checksummed binary part.
extension ClassifierModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case formatVersion, createdAt, labels, hyperParameters, trainingExampleCount, featureCount, binary
    }

    /// Encodes the metadata and the binary form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(labels, forKey: .labels)
        try container.encode(hyperParameters, forKey: .hyperParameters)
        try container.encode(trainingExampleCount, forKey: .trainingExampleCount)
        try container.encode(featureCount, forKey: .featureCount)
        try container.encode(encoded(), forKey: .binary)
    }

    /// Decodes the binary form, validating it like a model file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(encoded: container.decode(Data.self, forKey: .binary))
    }
}
