import Fluent
import Foundation
import Vapor

/// A 幸福食堂: a canteen of a village or community, with what one meal costs to make (the county pays the part a
/// diner does not).
final class Canteen: Model, @unchecked Sendable {
    static let schema = "canteens"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// The village or community it serves.
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "address") var address: String
    @Field(key: "meal_cost_fen") var mealCostFen: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A diner registered at a canteen: the ID number sealed (found by its blind index), the birth date kept for the
/// age a price depends on, and the standing a rule may name.
final class CanteenDiner: Model, @unchecked Sendable {
    static let schema = "canteen_diners"
    @ID(key: .id) var id: UUID?
    @Field(key: "canteen_id") var canteenID: UUID
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "name") var name: String
    @Field(key: "id_number_cipher") var idNumberCipher: Data
    @Field(key: "id_number_index") var idNumberIndex: String
    /// `YYYY-MM-DD`, from the ID number.
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// One meal served: its price and subsidy fixed when recorded, under the price list then in force.
final class CanteenMeal: Model, @unchecked Sendable {
    static let schema = "canteen_meals"
    @ID(key: .id) var id: UUID?
    @Field(key: "canteen_id") var canteenID: UUID
    @Field(key: "diner_id") var dinerID: UUID
    @Field(key: "division_code") var divisionCode: String
    /// `YYYY-MM-DD`, Beijing time.
    @Field(key: "served_on") var servedOn: String
    /// `lunch` or `supper`.
    @Field(key: "sitting") var sitting: String
    @Field(key: "age") var age: Int
    @Field(key: "price_fen") var priceFen: Int
    @Field(key: "cost_fen") var costFen: Int
    @Field(key: "subsidy_fen") var subsidyFen: Int
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A division's price list (the first fitting line sets a diner's price), as JSON lines of `MealPricing.Rule`.
final class CanteenPriceList: Model, @unchecked Sendable {
    static let schema = "canteen_price_lists"
    @ID(key: .id) var id: UUID?
    @Field(key: "division_code") var divisionCode: String
    @Field(key: "rules") var rules: String
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date
    init() {}
}
