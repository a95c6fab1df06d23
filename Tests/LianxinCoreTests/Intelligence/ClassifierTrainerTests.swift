import Foundation
import Testing
@testable import LianxinCore

@Suite struct ClassifierTrainerTests {
    private let trainer = ClassifierTrainer()

    @Test func aSeparableCorpusIsLearnedPerfectly() throws {
        let model = try trainer.train(on: ClassifierFixtures.separable)
        for example in ClassifierFixtures.separable {
            #expect(model.predict(example.text).label == example.label)
        }
        #expect(model.labels == ["供水", "噪音", "工资"])
    }

    @Test func unseenPhrasingsOfASeparableCorpusAreClassifiedRight() throws {
        let model = try trainer.train(on: ClassifierFixtures.separable)
        #expect(model.predict("我家停水了").label == "供水")
        #expect(model.predict("晚上施工噪音太大").label == "噪音")
        #expect(model.predict("公司拖欠我的工资").label == "工资")
    }

    @Test func confidencesFormADistributionWithTheTopLabelFirst() throws {
        let prediction = try trainer.train(on: ClassifierFixtures.separable).predict("停水", topK: 3)
        #expect(prediction.ranking.count == 3)
        #expect(prediction.ranking.map(\.confidence) == prediction.ranking.map(\.confidence).sorted(by: >))
        #expect(abs(prediction.ranking.map(\.confidence).reduce(0, +) - 1) < 1e-9)
        #expect(prediction.confidence > 0.5)
        #expect(try trainer.train(on: ClassifierFixtures.separable).predict("停水", topK: 1).ranking.count == 1)
    }

    @Test func crossValidationOfASeparableCorpusIsPerfect() throws {
        let evaluation = try trainer.kFoldEvaluate(on: ClassifierFixtures.separable, k: 4)
        #expect(evaluation.accuracy == 1)
        #expect(evaluation.macroF1 == 1)
        #expect(evaluation.foldMacroF1.count == 4)
        #expect(evaluation.confusion == [[8, 0, 0], [0, 8, 0], [0, 0, 8]])
    }

    @Test func trainingIsDeterministic() throws {
        let first = try trainer.train(on: ClassifierFixtures.separable, createdAt: Date(timeIntervalSince1970: 0))
        let second = try trainer.train(on: ClassifierFixtures.separable, createdAt: Date(timeIntervalSince1970: 0))
        #expect(first.encoded() == second.encoded())
    }

    @Test func oneLabelOrImpossibleSettingsAreRefused() {
        #expect(throws: ClassifierError.needsTwoLabels(found: 1)) {
            try trainer.train(on: [LabeledText(text: "停水", label: "供水")])
        }
        #expect(throws: ClassifierError.self) {
            try ClassifierTrainer(hyperParameters: ClassifierHyperParameters(cost: 0)).train(on: ClassifierFixtures.separable)
        }
        #expect(throws: ClassifierError.self) {
            try trainer.kFoldEvaluate(on: ClassifierFixtures.separable, k: 9)
        }
    }
}
