import Foundation

/// What makes a visit a visit: something noted, found or photographed. A visit with none of these (a tap on
/// "save" at the door) is refused, and no query counts one towards 走访覆盖率.
public struct VisitContent: Sendable, Hashable {
    /// The visit note as typed.
    public var note: String
    /// How many findings (problems seen) the visit records.
    public var findings: Int
    /// How many photos were taken on the visit.
    public var photos: Int

    public init(note: String, findings: Int, photos: Int) {
        self.note = note
        self.findings = findings
        self.photos = photos
    }

    /// The fewest characters a note must have to count as one ("好" or "." says nothing about the household).
    public static let shortestNote = 2

    /// Whether the visit records nothing: no note worth the name, no finding and no photo.
    public var isEmpty: Bool {
        note.trimmingCharacters(in: .whitespacesAndNewlines).count < Self.shortestNote && findings == 0 && photos == 0
    }
}
