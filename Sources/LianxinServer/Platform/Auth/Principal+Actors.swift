import LianxinCore

/// Who is acting, in the shape each record or machine wants it: the audit log, the work-order,
/// grid-change and whistle machines. Handlers of every feature take these from the principal.
extension Principal {
    /// The principal as the audit log records them.
    var auditActor: AuditActor {
        AuditActor(id: userID, name: username, role: role.rawValue, division: division.value)
    }

    /// The principal acting on work orders (for the unit checks: their department).
    var workOrderActor: WorkOrderActor {
        .staff(role, id: userID, departmentID: departmentID)
    }

    /// The principal acting on grid changes; a county-level account (a code of six digits or fewer) may decide them.
    var gridChangeActor: GridChangeActor {
        .staff(role, countyLevel: isCountyLevel)
    }

    /// Whether the principal's account sits at county level or above.
    var isCountyLevel: Bool { division.value.count <= 6 }
}
