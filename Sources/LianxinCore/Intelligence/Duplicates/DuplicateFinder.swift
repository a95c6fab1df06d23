import Foundation

/// Suggests open orders that may describe the same problem as a new one; it never merges anything.
///
/// A candidate must fall inside the time window and either inside the radius (or lack a location)
/// or come from the same caller. Its score is text similarity scaled by how close it is in place and
/// time, raised when the caller is the same.
public struct DuplicateFinder: Sendable {
    /// The thresholds and weights in use.
    public var parameters: DuplicateFinderParameters
    private let ngrams = CharacterNGrams(lengths: 2...3)

    /// Creates a finder.
    public init(parameters: DuplicateFinderParameters = DuplicateFinderParameters()) {
        self.parameters = parameters
    }

    /// Ranks `candidates` as duplicates of `order`, best first (ties: nearer, then smaller id).
    public func suggestions(for order: OrderSketch, among candidates: [OrderSketch]) -> [DuplicateSuggestion] {
        let profile = NGramProfile(order.text, ngrams: ngrams)
        var suggestions: [DuplicateSuggestion] = []
        for candidate in candidates where candidate.id != order.id || order.id.isEmpty {
            if let suggestion = suggestion(for: order, profile: profile, candidate: candidate) {
                suggestions.append(suggestion)
            }
        }
        suggestions.sort { left, right in
            if left.score != right.score { return left.score > right.score }
            let leftDistance = left.distanceMeters ?? .infinity, rightDistance = right.distanceMeters ?? .infinity
            if leftDistance != rightDistance { return leftDistance < rightDistance }
            return left.orderID < right.orderID
        }
        return Array(suggestions.prefix(parameters.maxResults))
    }

    private func suggestion(for order: OrderSketch, profile: NGramProfile, candidate: OrderSketch) -> DuplicateSuggestion? {
        let hoursApart = abs(candidate.receivedAt.timeIntervalSince(order.receivedAt)) / 3600
        guard hoursApart <= parameters.timeWindowHours else { return nil }
        let sameCaller = order.callerHash != nil && order.callerHash == candidate.callerHash
        var distance: Double?
        if let here = order.location, let there = candidate.location {
            distance = here.distance(to: there)
        }
        if let distance, distance > parameters.radiusMeters, !sameCaller { return nil }

        let similarity = profile.cosine(NGramProfile(candidate.text, ngrams: ngrams))
        let timeCloseness = 1 - hoursApart / max(parameters.timeWindowHours, .leastNonzeroMagnitude)
        let proximity: Double
        if let distance {
            let distanceCloseness = max(0, 1 - distance / max(parameters.radiusMeters, .leastNonzeroMagnitude))
            proximity = parameters.distanceWeight * distanceCloseness + (1 - parameters.distanceWeight) * timeCloseness
        } else {
            proximity = timeCloseness
        }
        var score = similarity * (parameters.textFloor + (1 - parameters.textFloor) * proximity)
        if sameCaller { score += parameters.sameCallerBonus * (1 - score) }
        guard score >= parameters.minimumScore else { return nil }
        return DuplicateSuggestion(
            orderID: candidate.id, score: min(1, max(0, score)), textSimilarity: similarity,
            distanceMeters: distance, hoursApart: hoursApart, sameCaller: sameCaller
        )
    }
}
