import Foundation
import Testing
@testable import LianxinCore

@Suite struct ClassifierModelFileTests {
    private func model() throws -> ClassifierModel {
        try ClassifierTrainer().train(on: ClassifierFixtures.separable, createdAt: Date(timeIntervalSince1970: 1_717_200_000.25))
    }

    @Test func aSavedModelLoadsWithIdenticalPredictionsAndMetadata() throws {
        let original = try model()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lianxin-\(UUID()).lxcm")
        defer { try? FileManager.default.removeItem(at: url) }
        try original.save(to: url)
        let loaded = try ClassifierModel.load(from: url)
        #expect(loaded.labels == original.labels)
        #expect(loaded.createdAt == original.createdAt)
        #expect(loaded.hyperParameters == original.hyperParameters)
        #expect(loaded.formatVersion == ClassifierModel.currentFormatVersion)
        #expect(loaded.featureCount == original.featureCount)
        for text in ClassifierFixtures.separable.map(\.text) + ["我家停水了", "噪音", "完全无关的话"] {
            #expect(loaded.predict(text, topK: 3) == original.predict(text, topK: 3))
        }
    }

    @Test func aModelSurvivesJSONCoding() throws {
        let original = try model()
        let decoded = try JSONDecoder().decode(ClassifierModel.self, from: JSONEncoder().encode(original))
        #expect(decoded.encoded() == original.encoded())
    }

    @Test func aFlippedByteIsRejectedAsCorrupt() throws {
        var bytes = try model().encoded()
        bytes[bytes.count / 2] ^= 0x40
        #expect(throws: ClassifierError.corruptModel("checksum mismatch (file truncated or altered)")) {
            try ClassifierModel(encoded: bytes)
        }
    }

    @Test func truncatedEmptyOrForeignFilesAreRejected() throws {
        let bytes = try model().encoded()
        #expect(throws: ClassifierError.self) { try ClassifierModel(encoded: bytes.prefix(bytes.count - 3)) }
        #expect(throws: ClassifierError.self) { try ClassifierModel(encoded: Data()) }
        #expect(throws: ClassifierError.corruptModel("not a Lianxin classifier model file (bad magic)")) {
            try ClassifierModel(encoded: Data("text,label\n停水,供水\n".utf8))
        }
    }

    @Test func anotherFormatVersionIsRejectedByName() throws {
        var bytes = try model().encoded()
        bytes[4] = 9
        #expect(throws: ClassifierError.unsupportedFormatVersion(found: 9, supported: ClassifierModel.currentFormatVersion)) {
            try ClassifierModel(encoded: bytes)
        }
    }

    @Test func errorsReadAsSentences() {
        #expect(ClassifierError.unsupportedFormatVersion(found: 9, supported: 1).description.contains("version 9"))
        #expect(ClassifierError.corruptModel("checksum mismatch").description == "corrupt classifier model: checksum mismatch")
    }
}
