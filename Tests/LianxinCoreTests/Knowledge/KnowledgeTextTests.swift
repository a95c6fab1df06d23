import Foundation
import Testing
@testable import LianxinCore

/// Issue 19: the knowledge base's index grams and the ranking of short spoken queries, the same on both engines.
@Suite("Knowledge text: grams, spoken queries, ranking")
struct KnowledgeTextTests {
    @Test func textBecomesSpacedBigramsAndLatinWords() {
        #expect(KnowledgeText.grams("异地就医备案") == " 异地 地就 就医 医备 备案 ")
        #expect(KnowledgeText.terms(of: "办理ETC，１２３４５热线！") == ["办理", "etc", "12345", "热线"])
        #expect(KnowledgeText.terms(of: "水") == ["水"], "a lone character is kept whole")
        #expect(KnowledgeText.grams("") == "")
    }

    @Test func fillerWordsOfSpeechAreDropped() {
        let query = KnowledgeQuery("请问一下医保异地备案怎么弄啊")
        #expect(query.segments == ["医保异地备案"])
        #expect(query.terms == ["医保", "保异", "异地", "地备", "备案"])
        #expect(KnowledgeQuery("我想了解一下申请低保需要什么材料").segments == ["申请低保", "材料"], "申请 keeps its 请")
        #expect(KnowledgeQuery("水").isShort && KnowledgeQuery("水").terms == ["水"])
        #expect(!KnowledgeQuery("停水").isShort)
        #expect(KnowledgeQuery("吗").terms == ["吗"], "a query of filler only keeps what was typed")
        #expect(KnowledgeQuery(String(repeating: "城市道路照明维修", count: 20)).terms.count <= KnowledgeQuery.maximumTerms)
    }

    @Test func theEntryWhoseQuestionHoldsTheSpokenWordsRanksFirst() {
        let ids = (1...3).map { UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, UInt8($0))) }
        let candidates = [
            KnowledgeRanker.Candidate(id: ids[0], question: "医保卡丢了如何补办", keywords: "社保卡挂失", answer: "携带身份证到社保窗口办理挂失补办。"),
            KnowledgeRanker.Candidate(id: ids[1], question: "异地就医备案如何办理", keywords: "医保异地备案, 异地就医", answer: "通过国家医保服务平台备案。"),
            KnowledgeRanker.Candidate(id: ids[2], question: "路灯不亮向哪里反映", keywords: "路灯, 照明", answer: "由城管局路灯所维修。"),
        ]
        let ranked = KnowledgeRanker.rank(KnowledgeQuery("请问一下医保异地备案怎么弄啊"), candidates, limit: 5)
        #expect(ranked.first?.0.id == ids[1])
        #expect(!ranked.contains { $0.0.id == ids[2] }, "nothing in common, not listed")
        #expect(KnowledgeRanker.rank(KnowledgeQuery("路灯"), candidates, limit: 5).map(\.0.id) == [ids[2]])
        #expect(KnowledgeRanker.rank(KnowledgeQuery("灯"), candidates, limit: 5).map(\.0.id) == [ids[2]], "one character: in the question")
    }
}
