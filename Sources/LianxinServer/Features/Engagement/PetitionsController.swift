import Vapor
import Fluent
import LianxinCore

/// 信访 under /api/v1/petitions: first-time petitions (初信初访) registered with the petitioner's name and phone
/// encrypted, answered then closed; the daily list of unanswered ones (日日清), the weekly review (周周审) and the
/// monthly close report (月月结); and the link to a mediation case (访调融合). Reading and unmasking are audited.
struct PetitionsController: RouteCollection {

    func boot(routes: any RoutesBuilder) throws {
        let petitions = routes.grouped("api", "v1", "petitions")
        petitions.get(use: list)
        petitions.post(use: create)
        petitions.get("daily", use: daily)
        petitions.get("weekly", use: weekly)
        petitions.get("monthly", use: monthly)
        petitions.get(":id", use: show)
        petitions.post(":id", "answer", use: answer)
        petitions.post(":id", "close", use: close)
        petitions.post(":id", "reviews", use: review)
        petitions.post(":id", "mediation", use: link)
        petitions.post(":id", "unmask", use: unmask)
    }
}
