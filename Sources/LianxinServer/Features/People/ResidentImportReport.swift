import Vapor

/// What a resident import wrote.
struct ResidentImportReport: Content {
    var residents: Int
    var households: Int
    var buildings: Int
}

/// How far a long import has come, for the console.
struct ResidentImportProgress: Sendable {
    enum Phase: String, Sendable { case checking, writing }
    var phase: Phase
    var done: Int
    var total: Int
}
