import Fluent

/// Every migration, in the order written. Fluent records each by its type name, so a migration is
/// never renamed or reordered: append new ones at the end.
enum MigrationHistory {
    static let all: [any Migration] = [
        CreateDivision(),
        CreateDepartment(),
        CreateUser(),
        CreateUserSession(),
        CreateApiToken(),
        CreateAuditEntry(),
        CreateCategoryAndRouting(),
        CreateWorkOrder(),
        CreateWhistle(),
        CreateGrid(),
        CreateWebhooks(),
        CreateAttachments(),
        CreateOpen311Keys(),
        AddWorkOrderBrowseIndex(),
        AddUserSecondFactor(),
        CreateCategoryAttributes(),
        AddWorkOrderGrid(),
        CreateClassifierTables(),
        CreateHotspotTables(),
        CreateResidentRegistry(),
        CreateGridChanges(),
        CreateRentalUnits(),
        CreateVisits(),
        CreatePairings(),
        CreateVisitPhotos(),
        AddBuildingPosition(),
        AddWorkOrderDueIndex(),
        CreateDashboardTables(),
        CreateRollupSummary(),
        CreateCommunityServices(),
        UpdateVolunteerAddLinkToken(),
        CreateEngagementTables(),
        AddUserPasswordSafeguards(),
        AddApiTokenExpiry(),
        CreateAdministratorRequests(),
    ]
}
