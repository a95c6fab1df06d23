/// Why one feature of a base-layer file was refused, in words for the admin (zh/en); `feature` is its
/// place in the file counted from 1 (nil for the whole file).
public struct BasemapProblem: Error, Sendable, Hashable {
    public let feature: Int?
    public let chinese: String
    public let english: String

    /// Creates a problem.
    public init(feature: Int?, chinese: String, english: String) {
        self.feature = feature
        self.chinese = chinese
        self.english = english
    }
}

/// Every problem of a refused base-layer file: nothing of it is kept.
public struct BasemapProblems: Error, Sendable, Hashable {
    public let problems: [BasemapProblem]
}
