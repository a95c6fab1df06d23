import Vapor
import Fluent
import LianxinCore

/// The service-order DTOs.
extension ServiceOrdersController {

}
