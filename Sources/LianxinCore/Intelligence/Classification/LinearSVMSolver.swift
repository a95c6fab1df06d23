/// One-vs-rest L2-regularised, squared-hinge linear SVMs trained by dual coordinate descent
/// (Hsieh et al. 2008, the method of liblinear's default solver).
struct LinearSVMSolver: Sendable {
    /// Inverse regularisation strength.
    var cost: Double
    /// Whether each example's cost is scaled inversely to its label's frequency.
    var balancesClasses: Bool
    /// Stop when the spread of projected gradients in an epoch falls below this.
    var tolerance: Double
    /// Upper bound on passes over the data per class.
    var maxEpochs: Int
    /// Seed for the per-epoch visiting order.
    var seed: UInt64

    /// Weights laid out feature-major (`weights[feature * classCount + class]`) and one bias per class.
    struct Solution: Sendable {
        var weights: [Float]
        var biases: [Float]
    }

    /// Trains one binary SVM per class of `labels` (values in `0..<classCount`) on the rows of `matrix`.
    func solve(matrix: SparseMatrix, labels: [Int], classCount: Int, featureCount: Int) -> Solution {
        var weights = [Float](repeating: 0, count: featureCount * classCount)
        var biases = [Float](repeating: 0, count: classCount)
        let squaredNorms = (0..<matrix.rowCount).map { row in
            matrix.values[matrix.rowStarts[row]..<matrix.rowStarts[row + 1]].reduce(0.0) { $0 + Double($1) * Double($1) }
        }
        var frequency = [Int](repeating: 0, count: classCount)
        for label in labels { frequency[label] += 1 }
        let costs = labels.map { label in
            balancesClasses ? cost * Double(labels.count) / Double(classCount * frequency[label]) : cost
        }
        var generator = SplitMix64(seed: seed)
        for label in 0..<classCount {
            let signs = labels.map { $0 == label ? 1.0 : -1.0 }
            let (w, bias) = solveBinary(matrix: matrix, signs: signs, costs: costs, squaredNorms: squaredNorms,
                                        featureCount: featureCount, generator: &generator)
            for feature in 0..<featureCount { weights[feature * classCount + label] = Float(w[feature]) }
            biases[label] = Float(bias)
        }
        return Solution(weights: weights, biases: biases)
    }

    private func solveBinary(
        matrix: SparseMatrix, signs: [Double], costs: [Double], squaredNorms: [Double], featureCount: Int,
        generator: inout SplitMix64
    ) -> ([Double], Double) {
        let rowCount = matrix.rowCount
        let diagonals = costs.map { 0.5 / $0 }
        var w = [Double](repeating: 0, count: featureCount)
        var bias = 0.0
        var alpha = [Double](repeating: 0, count: rowCount)
        var order = Array(0..<rowCount)
        matrix.rowStarts.withUnsafeBufferPointer { starts in
            matrix.indices.withUnsafeBufferPointer { indices in
                matrix.values.withUnsafeBufferPointer { values in
                    w.withUnsafeMutableBufferPointer { w in
                        for _ in 0..<maxEpochs {
                            generator.shuffle(&order)
                            var maxGradient = -Double.infinity
                            var minGradient = Double.infinity
                            for row in order {
                                let range = starts[row]..<starts[row + 1]
                                var margin = bias
                                for position in range { margin += w[Int(indices[position])] * Double(values[position]) }
                                let sign = signs[row]
                                let diagonal = diagonals[row]
                                let gradient = sign * margin - 1 + diagonal * alpha[row]
                                let projected = alpha[row] == 0 ? min(gradient, 0) : gradient
                                maxGradient = max(maxGradient, projected)
                                minGradient = min(minGradient, projected)
                                guard abs(projected) > 1e-12 else { continue }
                                let previous = alpha[row]
                                alpha[row] = max(previous - gradient / (squaredNorms[row] + 1 + diagonal), 0)
                                let step = (alpha[row] - previous) * sign
                                for position in range { w[Int(indices[position])] += step * Double(values[position]) }
                                bias += step
                            }
                            if maxGradient - minGradient <= tolerance { break }
                        }
                    }
                }
            }
        }
        return (w, bias)
    }
}
