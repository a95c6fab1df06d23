import Vapor
import Fluent
import LianxinCore

extension ClassificationCorrection {
    /// Keeps a staff member's category as a training example when it differs from the suggestion.
    static func record(of order: WorkOrder, suggested: String, by principal: Principal, _ req: Request) async throws {
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        guard let suggestedLabel = ClassifierTraining.topLevelName(of: suggested, in: catalog),
            let chosenLabel = ClassifierTraining.topLevelName(of: order.categoryCode, in: catalog),
            suggestedLabel != chosenLabel, let orderID = order.id
        else { return }
        let correction = ClassificationCorrection()
        correction.orderID = orderID
        correction.text = order.title + " " + order.description
        correction.suggestedLabel = suggestedLabel
        correction.chosenLabel = chosenLabel
        correction.modelVersion = try await req.lianxin.classifier.current(on: req.db).version
        correction.userID = principal.userID
        correction.at = req.lianxin.now()
        try await req.lianxin.writes.run { try await correction.create(on: req.db) }
    }
}
