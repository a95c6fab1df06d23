import Foundation

/// A person as matching sees them: what they can do, until when their certificates hold, when they
/// are free, which modes they accept, where they are and whether they consented to being shared.
public struct TalentCandidate: Sendable, Hashable {
    /// A certificate (证书) and the last day it is valid.
    public struct Certificate: Sendable, Hashable {
        public let code: String
        public let expires: Int

        public init(code: String, expires: Int) {
            self.code = code
            self.expires = expires
        }
    }

    public let id: String
    public let homeOrg: String?
    public let skills: [String]
    public let certificates: [Certificate]
    public let availability: [TalentPeriod]
    public let modes: Set<SharingMode>
    public let location: GeoPoint?
    public let experienceYears: Int
    public let consented: Bool

    public init(
        id: String, homeOrg: String?, skills: [String], certificates: [Certificate], availability: [TalentPeriod],
        modes: Set<SharingMode>, location: GeoPoint?, experienceYears: Int, consented: Bool
    ) {
        self.id = id
        self.homeOrg = homeOrg
        self.skills = skills
        self.certificates = certificates
        self.availability = availability
        self.modes = modes
        self.location = location
        self.experienceYears = experienceYears
        self.consented = consented
    }
}

/// What a demand (需求) asks for.
public struct TalentDemandSpec: Sendable, Hashable {
    public let demandOrg: String
    public let skills: [String]
    public let certificates: [String]
    public let mode: SharingMode
    public let period: TalentPeriod
    public let location: GeoPoint?

    public init(
        demandOrg: String, skills: [String], certificates: [String], mode: SharingMode, period: TalentPeriod, location: GeoPoint?
    ) {
        self.demandOrg = demandOrg
        self.skills = skills
        self.certificates = certificates
        self.mode = mode
        self.period = period
        self.location = location
    }
}

/// One ranked candidate with the reasons for its place.
public struct TalentMatch: Sendable, Hashable {
    public let candidateID: String
    /// 0–100, the sum of the parts below.
    public let score: Double
    public let matchedSkills: [String]
    public let missingSkills: [String]
    /// The required certificates with the day each one expires (all valid over the period).
    public let certificates: [TalentCandidate.Certificate]
    /// Days of the period the person is free.
    public let availableDays: Int
    public let periodDays: Int
    /// Kilometres between the person and the place of work, when both are known.
    public let distanceKm: Double?
    public let experienceYears: Int
    public let skillPoints: Double
    public let availabilityPoints: Double
    public let distancePoints: Double
    public let experiencePoints: Double
}

/// Why people were left out of a ranking; counted so the centre sees what keeps a demand unfilled.
public enum TalentExclusion: String, Error, Sendable, CaseIterable, Hashable {
    case noConsent
    case sameOrganisation
    case modeNotAccepted
    case notAvailable
    case certificateMissing
}

/// The ranking of a demand: the best candidates first, and why the others were left out.
public struct TalentRanking: Sendable {
    public let matches: [TalentMatch]
    /// People sharing at least one skill who were left out, by the first rule they failed.
    public let excluded: [TalentExclusion: Int]
}

/// Ranks people for a demand. Candidates come from an inverted index by skill (a person sharing no
/// required skill is never scored); each is filtered by consent, organisation, mode, availability and
/// certificates, then scored: skills 50, availability 25, distance 15, experience 10. Ties go by id,
/// so the same data always ranks the same way.
public struct TalentMatcher: Sendable {
    public static let skillWeight = 50.0
    public static let availabilityWeight = 25.0
    public static let distanceWeight = 15.0
    public static let experienceWeight = 10.0
    /// Beyond this distance a person earns no distance points.
    public static let distanceHorizonKm = 200.0

    public let candidates: [TalentCandidate]
    private let postings: [String: [Int32]]

    public init(_ candidates: [TalentCandidate]) {
        self.candidates = candidates
        var postings: [String: [Int32]] = [:]
        for (index, candidate) in candidates.enumerated() {
            for skill in Set(candidate.skills) { postings[skill, default: []].append(Int32(index)) }
        }
        self.postings = postings
    }

    /// The `limit` best candidates for `demand`, using the skill index.
    public func rank(_ demand: TalentDemandSpec, limit: Int = 10) -> TalentRanking {
        let required = Array(Set(demand.skills)).sorted()
        // A flag per person rather than a dictionary: one pass over the postings, no hashing.
        var seen = [Bool](repeating: false, count: candidates.count)
        var indices: [Int] = []
        for skill in required {
            for index in postings[skill] ?? [] where !seen[Int(index)] {
                seen[Int(index)] = true
                indices.append(Int(index))
            }
        }
        return ranking(demand, required: required, indices: indices, limit: limit)
    }

    /// The same ranking by scanning every person: the anchor the index is measured against.
    public func rankByFullScan(_ demand: TalentDemandSpec, limit: Int = 10) -> TalentRanking {
        let required = Array(Set(demand.skills)).sorted()
        let wanted = Set(required)
        let indices = candidates.indices.filter { !wanted.isDisjoint(with: candidates[$0].skills) }
        return ranking(demand, required: required, indices: indices, limit: limit)
    }

    private func ranking(_ demand: TalentDemandSpec, required: [String], indices: [Int], limit: Int) -> TalentRanking {
        var excluded: [TalentExclusion: Int] = [:]
        var matches: [TalentMatch] = []
        matches.reserveCapacity(min(indices.count, 4096))
        for index in indices {
            switch Self.score(candidates[index], for: demand, required: required) {
            case .success(let match): matches.append(match)
            case .failure(let reason): excluded[reason, default: 0] += 1
            }
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.candidateID < $1.candidateID }
        return TalentRanking(matches: Array(matches.prefix(max(limit, 0))), excluded: excluded)
    }

    /// Scores one person for a demand, or says which rule leaves them out.
    public static func score(_ person: TalentCandidate, for demand: TalentDemandSpec, required: [String]) -> Result<
        TalentMatch, TalentExclusion
    > {
        guard person.consented else { return .failure(.noConsent) }
        if let home = person.homeOrg, home == demand.demandOrg { return .failure(.sameOrganisation) }
        guard person.modes.contains(demand.mode) else { return .failure(.modeNotAccepted) }
        let available = min(demand.period.days, person.availability.reduce(0) { $0 + $1.overlap(with: demand.period) })
        guard available > 0 else { return .failure(.notAvailable) }
        var certificates: [TalentCandidate.Certificate] = []
        for code in demand.certificates {
            guard let held = person.certificates.filter({ $0.code == code }).max(by: { $0.expires < $1.expires }),
                held.expires >= demand.period.end
            else { return .failure(.certificateMissing) }
            certificates.append(held)
        }
        let matched = required.filter { person.skills.contains($0) }
        let missing = required.filter { !person.skills.contains($0) }
        let distance: Double? =
            if let here = person.location, let there = demand.location { here.distance(to: there) / 1000 } else { nil }
        let skillPoints = required.isEmpty ? skillWeight : skillWeight * Double(matched.count) / Double(required.count)
        let availabilityPoints = availabilityWeight * Double(available) / Double(max(demand.period.days, 1))
        let distancePoints = distance.map { distanceWeight * max(0, 1 - $0 / distanceHorizonKm) } ?? distanceWeight / 2
        let experiencePoints = experienceWeight * Double(min(max(person.experienceYears, 0), 10)) / 10
        let total = ((skillPoints + availabilityPoints + distancePoints + experiencePoints) * 100).rounded() / 100
        return .success(
            TalentMatch(
                candidateID: person.id, score: total, matchedSkills: matched, missingSkills: missing, certificates: certificates,
                availableDays: available, periodDays: demand.period.days, distanceKm: distance, experienceYears: person.experienceYears,
                skillPoints: skillPoints, availabilityPoints: availabilityPoints, distancePoints: distancePoints,
                experiencePoints: experiencePoints))
    }
}
