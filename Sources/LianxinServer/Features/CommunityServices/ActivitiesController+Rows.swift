import Vapor
import Fluent
import LianxinCore

/// The activity DTOs.
extension ActivitiesController {
}
