/// A sparse feature vector: distinct feature indices with their values.
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

    /// The same rows with every value of feature `j` multiplied by `factors[j]`.
    func scalingColumns(by factors: [Float]) -> SparseMatrix {
        var copy = self
        for entry in copy.values.indices { copy.values[entry] *= factors[Int(indices[entry])] }
        return copy
    }

    /// The squared L2 norm of each row.
    var squaredRowNorms: [Double] {
        (0..<rowCount).map { row in
            values[rowStarts[row]..<rowStarts[row + 1]].reduce(0.0) { $0 + Double($1) * Double($1) }
        }
    }

    /// Appends `vector` as the last row.
    mutating func append(_ vector: SparseVector) {
        indices.append(contentsOf: vector.indices)
        values.append(contentsOf: vector.values)
        rowStarts.append(indices.count)
    }
}
