import Vapor
import Fluent
import LianxinCore

/// What a grid import did.
struct GridImportReport: Content {
    var added: Int
    var changed: Int
    var unchanged: Int
    var retired: Int
}
