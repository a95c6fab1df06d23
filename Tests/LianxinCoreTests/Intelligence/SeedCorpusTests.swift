import Foundation
import Testing
@testable import LianxinCore

@Suite struct SeedCorpusTests {
    private static let taxonomy = [
        "市容环境", "宣传广告", "施工管理", "突发事件", "街面秩序", "市政设施", "交通运输", "环境保护", "供水供电供气",
        "住房与物业", "劳动和社会保障", "教育文体", "卫生健康", "市场监管", "公共安全", "农业农村", "民政服务", "其他",
    ]

    @Test func theSeedCorpusCoversEveryDefaultCategory() throws {
        let examples = try LabeledTextCSV.read(from: ClassifierFixtures.seedCorpus)
        let counts = Dictionary(grouping: examples, by: \.label).mapValues(\.count)
        #expect(Set(counts.keys) == Set(Self.taxonomy))
        #expect(counts.values.allSatisfy { $0 >= 20 })
        #expect(Set(examples.map(\.text)).count == examples.count)
    }

    @Test func heldOutSeedExamplesBeatTheMajorityBaselineByAWideMargin() throws {
        let examples = try LabeledTextCSV.read(from: ClassifierFixtures.seedCorpus)
        let evaluation = try ClassifierTrainer().kFoldEvaluate(on: examples, k: 5)
        let majority = Double(Dictionary(grouping: examples, by: \.label).values.map(\.count).max()!) / Double(examples.count)
        #expect(evaluation.accuracy > majority + 0.4, "accuracy \(evaluation.accuracy) vs majority \(majority)")
    }

    @Test func aModelTrainedOnTheSeedCorpusRoutesTypicalRequests() throws {
        let model = try ClassifierTrainer().train(on: LabeledTextCSV.read(from: ClassifierFixtures.seedCorpus))
        #expect(model.predict("老板拖欠了我两个月的工资").label == "劳动和社会保障")
        #expect(model.predict("小区停水了一整天").label == "供水供电供气")
        #expect(model.predict("楼下的路灯坏了").label == "市政设施")
    }
}
