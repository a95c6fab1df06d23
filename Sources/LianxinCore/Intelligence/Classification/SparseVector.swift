/// A sparse feature vector: ascending feature indices with their values.
struct SparseVector: Sendable, Equatable {
    var indices: [Int32]
    var values: [Float]
}

/// Rows of sparse vectors stored contiguously (compressed sparse rows).
struct SparseMatrix: Sendable {
    private(set) var rowStarts: [Int] = [0]
    private(set) var indices: [Int32] = []
    private(set) var values: [Float] = []

    /// The number of rows.
    var rowCount: Int { rowStarts.count - 1 }

    /// Appends `vector` as the last row.
    mutating func append(_ vector: SparseVector) {
        indices.append(contentsOf: vector.indices)
        values.append(contentsOf: vector.values)
        rowStarts.append(indices.count)
    }
}
