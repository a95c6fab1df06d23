import Foundation

/// The binary model file: magic `LXCM`, format version, a JSON header, little-endian arrays
/// (feature hashes, IDF, feature-major weights, biases) and a trailing FNV-1a checksum of all before it.
extension ClassifierModel {
    private static let magic: [UInt8] = Array("LXCM".utf8)

    private struct Header: Codable {
        var createdAt: Double
        var labels: [String]
        var hyperParameters: ClassifierHyperParameters
        var trainingExampleCount: Int
        var featureCount: Int
    }

    /// The model in its compact binary file form.
    public func encoded() -> Data {
        let header = Header(
            createdAt: createdAt.timeIntervalSince1970, labels: labels, hyperParameters: hyperParameters,
            trainingExampleCount: trainingExampleCount, featureCount: featureCount
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let headerBytes = (try? encoder.encode(header)) ?? Data()
        var writer = BinaryWriter()
        writer.append(Data(Self.magic))
        writer.append(UInt32(formatVersion))
        writer.append(UInt32(headerBytes.count))
        writer.append(headerBytes)
        writer.append(vocabulary.hashes)
        writer.append(idf)
        writer.append(weights)
        writer.append(biases)
        var data = writer.data
        let checksum = data.withUnsafeBytes(FNV1a.hash)
        withUnsafeBytes(of: checksum.littleEndian) { data.append(contentsOf: $0) }
        return data
    }

    /// Decodes a model from its binary file form, rejecting anything damaged with `ClassifierError`.
    public init(encoded data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 20, Array(bytes.prefix(4)) == Self.magic else {
            throw ClassifierError.corruptModel("not a Lianxin classifier model file (bad magic)")
        }
        var reader = BinaryReader(bytes)
        _ = reader.bytes(4)
        let version = Int(reader.integer(UInt32.self) ?? 0)
        guard version == Self.currentFormatVersion else {
            throw ClassifierError.unsupportedFormatVersion(found: version, supported: Self.currentFormatVersion)
        }
        let body = bytes.count - 8
        var trailer = BinaryReader(Array(bytes[body...]))
        let stored = trailer.integer(UInt64.self)
        guard stored == bytes.withUnsafeBytes({ FNV1a.hash(UnsafeRawBufferPointer(rebasing: $0[..<body])) }) else {
            throw ClassifierError.corruptModel("checksum mismatch (file truncated or altered)")
        }
        guard let headerLength = reader.integer(UInt32.self), let headerBytes = reader.bytes(Int(headerLength)),
            let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes))
        else { throw ClassifierError.corruptModel("unreadable header") }
        let parameters = header.hyperParameters
        guard parameters.minNGramLength >= 1, parameters.maxNGramLength >= parameters.minNGramLength,
            parameters.maxNGramLength <= 16
        else { throw ClassifierError.corruptModel("impossible n-gram lengths in the header") }
        let features = header.featureCount, classes = header.labels.count
        guard classes >= 2, Set(header.labels).count == classes, (0...FeatureVocabulary.capacity).contains(features),
            reader.remaining - 8 == features * (12 + 4 * classes) + 4 * classes,
            let hashes = reader.unsignedIntegers(count: features), let idf = reader.floats(count: features),
            let weights = reader.floats(count: features * classes), let biases = reader.floats(count: classes)
        else { throw ClassifierError.corruptModel("array sizes do not match the header") }
        guard idf.allSatisfy(\.isFinite), weights.allSatisfy(\.isFinite), biases.allSatisfy(\.isFinite) else {
            throw ClassifierError.corruptModel("non-finite weights")
        }
        self.init(
            createdAt: Date(timeIntervalSince1970: header.createdAt), labels: header.labels,
            hyperParameters: parameters, trainingExampleCount: header.trainingExampleCount,
            vocabulary: FeatureVocabulary(hashes: hashes), idf: idf, weights: weights, biases: biases
        )
    }

    /// Writes the model file atomically, so a reader never sees half a model.
    public func save(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// Loads a model file, throwing `ClassifierError` if it is damaged or of another format version.
    public static func load(from url: URL) throws -> ClassifierModel {
        try ClassifierModel(encoded: Data(contentsOf: url))
    }
}
