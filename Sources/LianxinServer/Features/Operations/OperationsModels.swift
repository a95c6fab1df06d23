import Foundation
import Fluent

/// One backup the server took (or is taking): its slot, file and outcome.
final class BackupRun: Model, @unchecked Sendable {
    static let schema = "backup_runs"

    @ID(key: .id) var id: UUID?
    /// The interval it was taken for (`BackupSchedule.slot`); unique, so one instance takes it.
    @OptionalField(key: "slot") var slot: Int64?
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @OptionalField(key: "file") var file: String?
    @OptionalField(key: "bytes") var bytes: Int64?
    /// `running`, `done` or `failed`.
    @Field(key: "status") var status: String
    @OptionalField(key: "detail") var detail: String?

    init() {}
}

/// One record retention anonymised: which, what was done, and the cutoff that made it due.
final class RetentionLedgerEntry: Model, @unchecked Sendable {
    static let schema = "retention_ledger"

    @ID(key: .id) var id: UUID?
    /// `workOrderRequester` or `tenancy`.
    @Field(key: "kind") var kind: String
    @Field(key: "record_id") var recordID: UUID
    @Field(key: "done") var done: String
    @Field(key: "due_before") var dueBefore: String
    @Field(key: "at") var at: Date

    init() {}

    init(kind: String, recordID: UUID, done: String, dueBefore: String, at: Date) {
        self.kind = kind
        self.recordID = recordID
        self.done = done
        self.dueBefore = dueBefore
        self.at = at
    }
}
