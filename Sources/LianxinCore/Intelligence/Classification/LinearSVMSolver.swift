import Foundation

/// One-vs-rest L2-regularised, squared-hinge linear SVMs trained by dual coordinate descent
/// (Hsieh et al. 2008, the method of liblinear's default solver).
struct LinearSVMSolver: Sendable {
    /// Inverse regularisation strength.
    var cost: Double
    /// Whether each example's cost is scaled inversely to its label's frequency.
    var balancesClasses: Bool
    /// Additive smoothing of the naive-Bayes log-count ratios that scale each class's features
    /// (NBSVM, Wang & Manning 2012); 0 trains on the plain features.
    var naiveBayesSmoothing: Double
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
        let squaredNorms = matrix.squaredRowNorms
        var frequency = [Int](repeating: 0, count: classCount)
        for label in labels { frequency[label] += 1 }
        let costs = labels.map { label in
            balancesClasses ? cost * Double(labels.count) / Double(classCount * frequency[label]) : cost
        }
        var generator = SplitMix64(seed: seed)
        for label in 0..<classCount {
            let signs = labels.map { $0 == label ? 1.0 : -1.0 }
            var ratios = [Float](repeating: 1, count: featureCount)
            var (w, bias): ([Double], Double)
            if naiveBayesSmoothing > 0 {
                ratios = logCountRatios(matrix: matrix, signs: signs, featureCount: featureCount)
                let scaled = matrix.scalingColumns(by: ratios)
                (w, bias) = solveBinary(
                    matrix: scaled, signs: signs, costs: costs, squaredNorms: scaled.squaredRowNorms,
                    featureCount: featureCount, generator: &generator)
            } else {
                (w, bias) = solveBinary(
                    matrix: matrix, signs: signs, costs: costs, squaredNorms: squaredNorms,
                    featureCount: featureCount, generator: &generator)
            }
            for feature in 0..<featureCount { weights[feature * classCount + label] = Float(w[feature]) * ratios[feature] }
            biases[label] = Float(bias)
        }
        return Solution(weights: weights, biases: biases)
    }

    private func logCountRatios(matrix: SparseMatrix, signs: [Double], featureCount: Int) -> [Float] {
        var positive = [Double](repeating: naiveBayesSmoothing, count: featureCount)
        var negative = positive
        for row in 0..<matrix.rowCount {
            for entry in matrix.rowStarts[row]..<matrix.rowStarts[row + 1] {
                let feature = Int(matrix.indices[entry])
                if signs[row] > 0 { positive[feature] += Double(matrix.values[entry]) } else { negative[feature] += Double(matrix.values[entry]) }
            }
        }
        let positiveTotal = positive.reduce(0, +), negativeTotal = negative.reduce(0, +)
        return (0..<featureCount).map { feature in
            let ratio = (positive[feature] / positiveTotal) / (negative[feature] / negativeTotal)
            return Float(log(ratio))
        }
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
        // Shrinking as in liblinear: rows at the bound whose gradient says they will stay there
        // leave the active set until the remaining rows converge, then everything is checked again.
        var activeCount = rowCount
        var previousMax = Double.infinity
        matrix.rowStarts.withUnsafeBufferPointer { starts in
            matrix.indices.withUnsafeBufferPointer { indices in
                matrix.values.withUnsafeBufferPointer { values in
                    w.withUnsafeMutableBufferPointer { w in
                        var epoch = 0
                        while epoch < maxEpochs {
                            epoch += 1
                            var active = Array(order[0..<activeCount])
                            generator.shuffle(&active)
                            order.replaceSubrange(0..<activeCount, with: active)
                            var maxGradient = -Double.infinity
                            var minGradient = Double.infinity
                            var position = 0
                            while position < activeCount {
                                let row = order[position]
                                let range = starts[row]..<starts[row + 1]
                                var margin = bias
                                for entry in range { margin += w[Int(indices[entry])] * Double(values[entry]) }
                                let sign = signs[row]
                                let diagonal = diagonals[row]
                                let gradient = sign * margin - 1 + diagonal * alpha[row]
                                var projected = gradient
                                if alpha[row] == 0 {
                                    if gradient > previousMax {
                                        activeCount -= 1
                                        order.swapAt(position, activeCount)
                                        continue
                                    }
                                    projected = min(gradient, 0)
                                }
                                maxGradient = max(maxGradient, projected)
                                minGradient = min(minGradient, projected)
                                position += 1
                                guard abs(projected) > 1e-12 else { continue }
                                let previous = alpha[row]
                                alpha[row] = max(previous - gradient / (squaredNorms[row] + 1 + diagonal), 0)
                                let step = (alpha[row] - previous) * sign
                                for entry in range { w[Int(indices[entry])] += step * Double(values[entry]) }
                                bias += step
                            }
                            if maxGradient - minGradient <= tolerance {
                                if activeCount == rowCount { break }
                                activeCount = rowCount
                                previousMax = .infinity
                                continue
                            }
                            previousMax = maxGradient <= 0 ? .infinity : maxGradient
                        }
                    }
                }
            }
        }
        return (w, bias)
    }
}
