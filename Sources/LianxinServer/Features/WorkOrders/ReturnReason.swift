import Fluent
import Foundation
import Vapor

/// One reason a unit may give for returning an order (退单原因): the county's list, kept as data and edited by the
/// rules administrator. A unit picks one when it returns an order; the dispatcher sees it when deciding.
final class ReturnReason: Model, @unchecked Sendable {
    static let schema = "return_reasons"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    /// Whether the unit must also explain (other reasons speak for themselves).
    @Field(key: "needs_note") var needsNote: Bool
    @Field(key: "position") var position: Int
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(id: UUID? = nil, name: String, needsNote: Bool, position: Int, active: Bool = true, createdAt: Date) {
        self.id = id
        self.name = name
        self.needsNote = needsNote
        self.position = position
        self.active = active
        self.createdAt = createdAt
    }

    /// The reasons every county starts with, from the return rules hotline centres publish (职责不符, 辖区不符…).
    static let defaults: [(name: String, needsNote: Bool)] = [
        ("不属于本单位职责", false),
        ("诉求地点不在本单位辖区", false),
        ("诉求内容不清，无法联系诉求人核实", false),
        ("与正在办理的工单重复", false),
        ("属于涉法涉诉等应通过法定途径解决的事项", false),
        ("其他原因", true),
    ]

    /// The reasons a unit may choose now, in the county's order.
    static func active(on db: any Database) async throws -> [ReturnReason] {
        try await query(on: db).filter(\.$active == true).sort(\.$position).sort(\.$name).all()
    }
}
