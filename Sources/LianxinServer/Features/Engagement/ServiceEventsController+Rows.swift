import Vapor
import Fluent
import LianxinCore

/// Reading event rows: look-up in scope, schedule refusals and the DTO.
extension ServiceEventsController {

}
