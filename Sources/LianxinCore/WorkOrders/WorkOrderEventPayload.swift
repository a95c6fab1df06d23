import Foundation

/// The structured data of an event beyond its note; each kind fills the fields it needs and leaves the rest nil.
public struct WorkOrderEventPayload: Sendable, Hashable, Codable {
    /// `created`: the order's tier.
    public let tier: Tier?
    /// `created`, `evaluated` (when reopening), `reopened`: the priority from now on.
    public let priority: Priority?
    /// `created`, `escalated`: the handling level from now on.
    public let handlingLevel: DivisionLevel?
    /// `dispatched`, `redispatched`: the new unit; `returned`: the unit that sent it back.
    public let departmentID: UUID?
    /// `signed`, `assigned`: the person now responsible.
    public let assigneeID: UUID?
    /// `arrived`: the check-in position.
    public let location: GeoPoint?
    /// `progressNoted`, `completed`, `informationAdded`: attached photos.
    public let photoIDs: [UUID]?
    /// `extensionRequested`, `extensionApproved`, `extensionRefused`: the time asked for.
    public let extra: TimeLimit?
    /// `evaluated`: what the requester said.
    public let evaluation: Evaluation?
    /// `reviewed`: whether the result passed.
    public let approved: Bool?
    /// `merged`, `closedWithParent`: the parent order.
    public let parentID: UUID?
    /// `supervised`: the supervisor's deadline.
    public let deadline: Date?
    /// `supervised`: 1 for 督办, 2 and up for 提级督办.
    public let supervisionLevel: Int?
    /// `informationAdded`: true when it ended a wait on the requester, so the clocks run again.
    public let resumed: Bool?
    /// `completed`, `answeredDirectly`: the reply the resident sees (答复内容), apart from the internal note.
    public let publicReply: String?
    /// `answeredDirectly`: the knowledge entry that answered the consultation.
    public let knowledgeEntryID: UUID?
    /// `returnRequested`: the code of the return reason the unit chose from the county's list.
    public let returnReasonCode: String?
    /// `appealFiled`: why the order should leave the assessment.
    public let appealKind: AppealKind?
    /// `dispatched`, `assistsAdded`: the assisting units (协办单位) named.
    public let assistDepartmentIDs: [UUID]?
    /// `merged`: true when the child is the same requester calling again about the same problem (重复诉求), so the
    /// call is linked to the first order rather than counted again.
    public let repeatedRequest: Bool?

    public init(
        tier: Tier? = nil, priority: Priority? = nil, handlingLevel: DivisionLevel? = nil, departmentID: UUID? = nil,
        assigneeID: UUID? = nil, location: GeoPoint? = nil, photoIDs: [UUID]? = nil, extra: TimeLimit? = nil,
        evaluation: Evaluation? = nil, approved: Bool? = nil, parentID: UUID? = nil, deadline: Date? = nil,
        supervisionLevel: Int? = nil, resumed: Bool? = nil, publicReply: String? = nil, knowledgeEntryID: UUID? = nil,
        returnReasonCode: String? = nil, appealKind: AppealKind? = nil, assistDepartmentIDs: [UUID]? = nil,
        repeatedRequest: Bool? = nil
    ) {
        self.tier = tier
        self.priority = priority
        self.handlingLevel = handlingLevel
        self.departmentID = departmentID
        self.assigneeID = assigneeID
        self.location = location
        self.photoIDs = photoIDs
        self.extra = extra
        self.evaluation = evaluation
        self.approved = approved
        self.parentID = parentID
        self.deadline = deadline
        self.supervisionLevel = supervisionLevel
        self.resumed = resumed
        self.publicReply = publicReply
        self.knowledgeEntryID = knowledgeEntryID
        self.returnReasonCode = returnReasonCode
        self.appealKind = appealKind
        self.assistDepartmentIDs = assistDepartmentIDs
        self.repeatedRequest = repeatedRequest
    }
}
