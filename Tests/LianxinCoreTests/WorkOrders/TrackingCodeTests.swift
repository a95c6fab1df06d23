import Testing
@testable import LianxinCore

@Suite struct TrackingCodeTests {
    @Test func generatesCheckedCodesFromTheUnambiguousAlphabet() {
        var random = TestRandom(seed: 12_345)
        let codes = (0..<1_000).map { _ in TrackingCode.generate(using: &random) }
        #expect(codes.allSatisfy { $0.count == 13 && $0.allSatisfy(TrackingCode.alphabet.contains) && TrackingCode.isValid($0) })
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { !$0.contains(where: "01IO".contains) })
        var again = TestRandom(seed: 12_345)
        #expect(TrackingCode.generate(using: &again) == codes[0])
    }

    @Test func catchesEveryMistypedCharacter() {
        var random = TestRandom(seed: 7)
        for _ in 0..<50 {
            let code = Array(TrackingCode.generate(using: &random))
            for position in code.indices {
                for replacement in TrackingCode.alphabet where replacement != code[position] {
                    var typo = code
                    typo[position] = replacement
                    #expect(!TrackingCode.isValid(String(typo)))
                }
            }
        }
    }

    @Test func catchesMostSwappedNeighbours() {
        var random = TestRandom(seed: 11)
        var swaps = 0, caught = 0
        for _ in 0..<500 {
            let code = Array(TrackingCode.generate(using: &random))
            for position in 0..<(code.count - 1) where code[position] != code[position + 1] {
                var swapped = code
                swapped.swapAt(position, position + 1)
                swaps += 1
                if !TrackingCode.isValid(String(swapped)) { caught += 1 }
            }
        }
        #expect(Double(caught) / Double(swaps) > 0.95)
    }

    @Test func acceptsWhatPeopleTypeAndRefusesTheRest() {
        var random = TestRandom(seed: 3)
        let code = TrackingCode.generate(using: &random)
        let typed = code.prefix(5).lowercased() + " - " + code.dropFirst(5)
        #expect(TrackingCode.normalized(typed) == code)
        #expect(TrackingCode.normalized(String(code.dropLast())) == nil)
        #expect(TrackingCode.normalized(code + "2") == nil)
        #expect(TrackingCode.normalized("O" + code.dropFirst()) == nil)
    }

    /// #16 item 11: codes carry 60 random bits (12 characters of 32), not 45; the first release's
    /// codes are still read, and a code reads back from its printed groups.
    @Test func item11_codesHaveTwelveRandomCharactersAndOldOnesStillRead() {
        var random = TestRandom(seed: 11)
        let code = TrackingCode.generate(using: &random)
        #expect(code.count == 13 && TrackingCode.length - 1 == 12)
        let grouped = TrackingCode.grouped(code)
        #expect(grouped.split(separator: " ").map(\.count) == [4, 4, 5])
        #expect(TrackingCode.normalized(grouped) == code)
        // A code of the first release: nine characters and their check character.
        let legacyBody = "23456789A"
        let legacy = (TrackingCode.alphabet.map { legacyBody + String($0) }).first { TrackingCode.isValid($0) }
        #expect(legacy != nil, "a first-release code with its check character is still valid")
        var distinct = Set<String>()
        for _ in 0..<10_000 { distinct.insert(TrackingCode.generate(using: &random)) }
        #expect(distinct.count == 10_000)
    }
}
