import Vapor
import Fluent
import Crypto
import LianxinCore

/// Every wish step through `WishMachine`, one writer at a time per wish, and the DTO.
extension WishesController {

}
