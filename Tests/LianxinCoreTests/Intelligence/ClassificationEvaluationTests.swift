import Testing
@testable import LianxinCore

@Suite struct ClassificationEvaluationTests {
    private let evaluation = ClassificationEvaluation(
        labels: ["交通运输", "城乡建设"], truth: [0, 0, 0, 1, 1, 1, 1], predicted: [0, 0, 1, 1, 1, 1, 0]
    )

    @Test func metricsFollowTheConfusionMatrix() {
        #expect(evaluation.confusion == [[2, 1], [1, 3]])
        #expect(abs(evaluation.accuracy - 5.0 / 7) < 1e-12)
        let transport = evaluation.perClass[0]
        #expect(abs(transport.precision - 2.0 / 3) < 1e-12)
        #expect(abs(transport.recall - 2.0 / 3) < 1e-12)
        #expect(transport.support == 3)
        let building = evaluation.perClass[1]
        #expect(abs(building.f1 - 0.75) < 1e-12)
        #expect(abs(evaluation.macroF1 - (2.0 / 3 + 0.75) / 2) < 1e-12)
    }

    @Test func aLabelNeverPredictedScoresZeroInsteadOfFailing() {
        let evaluation = ClassificationEvaluation(labels: ["a", "b"], truth: [0, 1], predicted: [0, 0])
        #expect(evaluation.perClass[1].precision == 0)
        #expect(evaluation.perClass[1].f1 == 0)
    }

    @Test func theReportNamesEveryLabelInTheTableAndTheMatrix() {
        let report = evaluation.report()
        #expect(report.contains("accuracy 0.7143"))
        #expect(report.contains("macro-F1 0.7083"))
        #expect(report.contains("confusion matrix"))
        let matrixRows = report.split(separator: "\n").drop { !$0.contains("confusion matrix") }.dropFirst()
        #expect(matrixRows.count == 3)
        #expect(matrixRows.first!.contains("交通运输") && matrixRows.first!.contains("城乡建设"))
        #expect(matrixRows.dropFirst().first!.hasPrefix("交通运输"))
    }
}
