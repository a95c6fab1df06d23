import LianxinCore
import Vapor

/// The 幸福食堂 operations of /openapi.json.
enum CanteenOpenAPI: OpenAPIVocabulary {
    static var list: (JSONValue) -> JSONValue { { ["type": "array", "items": $0] } }
    static var created: JSONValue { object([("id", uuid)], required: ["id"]) }
    static var figures: JSONValue {
        object([
            ("month", text), ("canteens", integer), ("diners", integer), ("meals", integer), ("freeMeals", integer), ("subsidy", text),
            ("paid", text), ("villages", integer), ("coveredVillages", integer), ("coverage", integer),
            ("byCanteen", list(["type": "object"])), ("byDivision", list(["type": "object"])), ("months", list(["type": "object"])),
            ("rules", list(text)),
        ])
    }

    static let paths: [(String, JSONValue)] = [
        (
            "/api/v1/canteens/overview",
            [
                "get": operation(
                    "A month of 幸福食堂 in scope: canteens, diners, meals (free ones apart), subsidy owed, villages covered, by canteen and township, six months' trend, the price list in words",
                    tag: "canteens", parameters: [query("month", text, "the month, YYYY-MM (default: this month in Beijing time)")],
                    ok: (200, figures))
            ]
        ),
        (
            "/api/v1/canteens",
            [
                "post": operation(
                    "Open a canteen in a village or community (the cost of one meal in yuan)", tag: "canteens",
                    body: object(
                        [("name", text), ("divisionCode", text), ("address", text), ("mealCost", text)],
                        required: ["name", "divisionCode", "address", "mealCost"]), ok: (201, created), errors: [401, 403, 422])
            ]
        ),
        (
            "/api/v1/canteens/diners",
            [
                "post": operation(
                    "Register a diner at a canteen (ID number sealed; age from it)", tag: "canteens",
                    body: object(
                        [
                            ("canteenId", uuid), ("name", text), ("idNumber", text),
                            ("status", enumeration(MealPricing.Status.allCases.map(\.rawValue))),
                        ],
                        required: ["canteenId", "name", "idNumber"]), ok: (201, created), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/canteens/meals",
            [
                "post": operation(
                    "Record who ate at one sitting of a day (within the last 31 days); each meal priced by the list in force", tag: "canteens",
                    body: object(
                        [
                            ("canteenId", uuid), ("servedOn", text), ("sitting", enumeration(CanteenService.sittings)),
                            ("dinerIds", list(uuid)),
                        ], required: ["canteenId", "servedOn", "sitting", "dinerIds"]),
                    ok: (201, object([("meals", integer), ("paid", text), ("subsidy", text)])), errors: [401, 403, 404, 422])
            ]
        ),
        (
            "/api/v1/canteens/prices",
            [
                "put": operation(
                    "Replace the price list of the caller's division: lines of minimum age and/or standing with the price in yuan; the first fitting line applies",
                    tag: "canteens",
                    body: object(
                        [
                            (
                                "rules",
                                list(
                                    object([
                                        ("minAge", integer), ("status", enumeration(MealPricing.Status.allCases.map(\.rawValue))), ("price", text),
                                    ]))
                            )
                        ], required: ["rules"]), ok: (204, nil), errors: [401, 403, 422])
            ]
        ),
    ]
}
