import Foundation
import Testing
@testable import LianxinCore

/// Bounded fuzzing of what the public sends and sees: mutated photos must end in an image or a
/// rejection (and their GPS scrubbing must keep their length), and redacting random Chinese text
/// with digits, cues and door words must not crash, must keep no run of 7 digits, and is stable.
@Suite("Public input fuzzing (bounded, seeded)")
struct PublicInputFuzzTests {
    @Test func mutatedPhotosEndInAnImageOrARejection() {
        var random = TestRandom(seed: 1_614)
        let seeds: [([UInt8], ImageFormat)] = [
            (PhotoLocationTests.jpegWithGPS, .jpeg), (ImageInspectorTests.png, .png), (ImageInspectorTests.webp, .webp),
            (ImageInspectorTests.gif, .gif), (ImageInspectorTests.heic, .heic),
        ]
        for round in 0..<ParserFuzzTests.iterations {
            let (seed, format) = seeds[round % seeds.count]
            let bytes = Data(ParserFuzzTests.mutate(seed, &random))
            switch ImageInspector.inspect(bytes) {
            case .success(let image):
                #expect(image.width > 0 && image.height > 0)
            case .failure:
                break
            }
            #expect(PhotoLocation.scrubbed(bytes, format: format).count == bytes.count)
        }
    }

    @Test(arguments: [16, 17, 18, 19, 20] as [UInt64])
    func redactedTextKeepsNoLongDigitRunAndIsStable(seed: UInt64) {
        var random = TestRandom(seed: seed)
        let pieces = [
            "来电人", "联系人", "姓名：", "市民", "张三丰", "于小红", "反映", "幸福路", "18号", "3栋", "2单元", "502室", "-", " ", "．", "，",
            "138", "0000", "1234", "０７９３", "１２３４５６７", "X", "+86", "2026-11-25", "11月", "25号", "号线", "两室一厅", "A座", "一三八",
            "零零零", "@", "zhang", ".com", "3-2-501", "6222", "(", ")",
        ]
        for _ in 0..<ParserFuzzTests.iterations {
            let text = (0..<Int.random(in: 1...14, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let redacted = PIIRedactor.redact(text)
            #expect(PIIRedactor.redact(redacted) == redacted, "\(text)")
            var run = 0
            for character in redacted {
                run = Scan.digit(character) != nil ? run + 1 : 0
                #expect(run < 7, "\(text) → \(redacted)")
            }
        }
    }
}
