import Vapor
import LianxinCore

/// What the grid-change API answers with.
extension GridChangesController {
    struct ReviewDTO: Content {
        var round: Int
        var reviewer: String
        var role: String
        var departmentId: UUID?
        var decision: String
        var comment: String
        var at: Date
    }

    /// What the change touches: per new grid, the orders of the last 12 months inside it; per grid
    /// it replaces or retires, its households, residents and orders.
    struct Impact: Content {
        struct NewGrid: Content {
            var code: String
            var name: String
            var communityCode: String
            var areaSquareMetres: Double
            /// Households and residents of the buildings (with a known position) inside the new grid.
            var households: Int
            var residents: Int
            var ordersLast12Months: Int
        }
        struct OldGrid: Content {
            var code: String
            var name: String
            var households: Int
            var residents: Int
            var ordersLast12Months: Int
        }
        var newGrids: [NewGrid]
        var replacedGrids: [OldGrid]
        /// Buildings of the communities concerned without a position: their households are not in
        /// the new grids' counts.
        var buildingsWithoutPosition: Int
    }

    struct ChangeDTO: Content {
        var id: UUID
        var divisionCode: String
        var kind: String
        var title: String
        var reason: String
        var status: String
        var round: Int
        var retiringCodes: [String]
        var proposedAt: Date
        var effectiveOn: String?
        var appliedAt: Date?
        var failure: String?
        /// What applying it now would do (added, changed, unchanged, retired).
        var plan: GridImportReport?
        var reviews: [ReviewDTO]?
        var impact: Impact?
    }
}
