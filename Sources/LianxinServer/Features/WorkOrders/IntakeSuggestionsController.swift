import Vapor
import Fluent
import LianxinCore

/// What the intake desk shows while a request is typed: likely categories with the department
/// they route to, and open orders nearby that look like the same problem (to merge, never merged
/// automatically).
struct IntakeSuggestionsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("api", "v1", "work-orders", "suggestions", use: suggest)
        routes.get("api", "v1", "work-orders", ":id", "duplicates", use: duplicatesOfOrder)
    }

    struct Input: Content {
        var title: String?
        var description: String?
        var divisionCode: String?
        var latitude: Double?
        var longitude: Double?
        var requesterPhone: String?
    }

    struct CategorySuggestion: Content {
        var code: String
        var name: String
        var confidence: Double
        var departmentId: UUID?
        var departmentName: String?
        /// The category's time-limit policy (code and name), so the desk sees the limit it picks.
        var slaPolicy: String?
        var slaPolicyName: String?
    }

    struct DuplicateDTO: Content {
        var orderId: UUID
        var number: String
        var title: String
        var status: String
        var score: Double
        var textSimilarity: Double
        var distanceMeters: Double?
        var hoursApart: Double
        var sameCaller: Bool
    }

    /// A published knowledge entry matching what was typed, for the operator to read out (and answer directly).
    struct KnowledgeMatch: Content {
        var id: UUID
        var question: String
        var answer: String
        var score: Double
    }

    struct Output: Content {
        /// The classifier version that made the suggestions (0: the shipped cold-start model).
        var modelVersion: Int
        var categories: [CategorySuggestion]
        /// The best knowledge entries for the text (知识库), best first.
        var knowledge: [KnowledgeMatch]
        var duplicates: [DuplicateDTO]
        /// The grid the position lies in (when one was given and a grid holds it).
        var grid: String?
        var gridName: String?
    }

    func suggest(req: Request) async throws -> Output {
        let principal = try await req.require(.createWorkOrders)
        let input = try req.content.decode(Input.self)
        let text = [input.title, input.description].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard (2...4200).contains(text.count) else {
            throw Problem.invalid(field: "/description", "type a title or description of 2–4200 characters / 请输入标题或描述")
        }
        var division = principal.division
        if let code = input.divisionCode.flatMap(DivisionCode.init), principal.canSee(code) { division = code }
        var location: GeoPoint?
        if let lat = input.latitude, let lon = input.longitude {
            let point = GeoPoint(lon: lon, lat: lat)
            guard point.isValidWGS84 else { throw Problem.invalid(field: "/latitude", "not a WGS84 position / 坐标无效") }
            location = point
        }

        // The point picked on the map says whose division the request is in (a district's order goes to the district's
        // unit), unless the operator picked the division.
        var grid: (code: String, name: String)?
        if let location, let placed = try await ReferenceData.locator(req.lianxin.referenceCache, on: req.db).place(location) {
            let row = try await Grid.query(on: req.db).filter(\.$code == placed.path.grid).filter(\.$validTo == nil).first()
            grid = (placed.path.grid, row?.name ?? placed.path.grid)
            if input.divisionCode == nil, let code = (placed.path.community ?? placed.path.township).flatMap(DivisionCode.init),
                principal.canSee(code)
            {
                division = code
            }
        }

        let classifier = try await req.lianxin.classifier.current(on: req.db)
        let prediction = classifier.model.predict(text, topK: 3)
        let catalog = try await ReferenceData.catalog(req.lianxin.referenceCache, on: req.db)
        let today = LocalDate(req.lianxin.now(), in: WorkCalendar.shanghai).description
        let offered = catalog.categories.values.filter { $0.isOffered(on: today) }
        // The classifier knows the top-level categories; the catalogue's keywords carry its guess
        // down to the most specific category the text names (施工管理 → 施工扰民).
        var topConfidence: [String: Double] = [:]
        for candidate in prediction.ranking {
            if let top = offered.first(where: { $0.parentCode == nil && $0.name == candidate.label }), let code = top.id {
                topConfidence[code] = candidate.confidence
            }
        }
        var categories: [CategorySuggestion] = []
        let policyNames = Dictionary(
            try await SLAPolicyRecord.query(on: req.db).all().compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        for suggestion in LeafSuggester.suggest(text: text, topConfidence: topConfidence, entries: offered.map(\.terms)) {
            guard let category = catalog.categories[suggestion.code] else { continue }
            let department = Routing.department(for: category, in: division, catalog: catalog)
            categories.append(
                CategorySuggestion(
                    code: suggestion.code, name: category.name, confidence: (min(suggestion.score, 1) * 1000).rounded() / 1000,
                    departmentId: department?.id, departmentName: department?.name, slaPolicy: category.slaPolicyCode,
                    slaPolicyName: policyNames[category.slaPolicyCode]))
        }

        let callerHash = input.requesterPhone.flatMap { try? PhoneNumber(parsing: $0) }.map { req.lianxin.cipher.blindIndex($0.value) }
        let sketch = OrderSketch(text: text, location: location, receivedAt: req.lianxin.now(), callerHash: callerHash)
        let duplicates = try await IntakeSuggestions.duplicates(of: sketch, excluding: nil, for: principal, req)
        let knowledge = try await KnowledgeLookup.search(String(text.prefix(200)), for: principal, limit: 5, on: req.db, now: req.lianxin.now())
            .map { entry, score in
                KnowledgeMatch(id: try entry.requireID(), question: entry.question, answer: entry.answer, score: (score * 1000).rounded() / 1000)
            }
        return Output(
            modelVersion: classifier.version, categories: categories, knowledge: knowledge, duplicates: duplicates, grid: grid?.code,
            gridName: grid?.name)
    }

    /// Possible duplicates of an order already filed (from Open311, the web or a phone): what the
    /// operator accepting it should look at before merging.
    func duplicatesOfOrder(req: Request) async throws -> [DuplicateDTO] {
        let principal = try await req.require(.viewWorkOrders)
        let order = try await WorkOrderLookup.find(req.parameters.get("id"), for: principal, on: req)
        let sketch = OrderSketch(
            id: order.id?.uuidString ?? "", text: order.title + " " + order.description,
            location: order.latitude.flatMap { lat in order.longitude.map { GeoPoint(lon: $0, lat: lat) } },
            receivedAt: order.createdAt, callerHash: order.requesterPhoneIndex)
        return try await IntakeSuggestions.duplicates(of: sketch, excluding: order.id, for: principal, req)
    }

}
