import Foundation

/// Runs the enabled screening rules over settlements and their lines. Pure and single-pass per
/// settlement, so a million lines screen in seconds and one settlement (事前审核) in microseconds.
public struct Screener: Sendable {
    public var rules: ScreeningRuleSet
    public var references: ClaimReferences

    public init(rules: ScreeningRuleSet = .standard, references: ClaimReferences) {
        self.rules = rules
        self.references = references
    }

    /// Every lead of a batch: the per-settlement rules, readmissions among the batch's settlements,
    /// and the cost outlier over all of them.
    public func screen(settlements: [Settlement], items: [SettlementItem]) -> [Lead] {
        var linesBySettlement: [String: [SettlementItem]] = [:]
        linesBySettlement.reserveCapacity(settlements.count)
        for item in items { linesBySettlement[item.settlementID, default: []].append(item) }
        var leads: [Lead] = []
        for settlement in settlements {
            leads += screenLines(settlement, lines: linesBySettlement[settlement.id] ?? [])
        }
        leads += splitAdmissions(in: settlements)
        leads += CostOutlierScreen(rules: rules).leads(settlements)
        return leads
    }

    /// The warnings for one settlement before it is settled (事前审核): its own lines, and readmission
    /// against the patient's earlier settlements in `history`. The cost outlier needs a population and is left to batch screening.
    public func preAudit(_ settlement: Settlement, items: [SettlementItem], history: [Settlement]) -> [Lead] {
        var leads = screenLines(settlement, lines: items)
        if rules.isEnabled(.splitAdmission), let earlier = previousStay(of: settlement, among: history) {
            leads.append(splitAdmissionLead(settlement, previous: earlier))
        }
        return leads
    }

    // MARK: - One settlement

    func screenLines(_ settlement: Settlement, lines: [SettlementItem]) -> [Lead] {
        var leads: [Lead] = []
        if rules.isEnabled(.duplicateCharge) { leads += duplicateCharges(settlement, lines) }
        if rules.isEnabled(.excessSupply), settlement.visitType == .outpatient, let rule = rules[.excessSupply] {
            let allowed = Int(rule.value(.maxDaysSupply))
            for line in lines where line.itemType == .drug {
                guard let days = line.daysSupply, days > allowed else { continue }
                leads.append(
                    lead(
                        .excessSupply, settlement, line.doctorCode, line.amountFen * (days - allowed) / days,
                        [
                            Evidence(.lines, "\(line.lineNo)"), Evidence(.itemCode, line.itemCode),
                            Evidence(.daysSupply, "\(days)"), Evidence(.maxDaysSupply, "\(allowed)"),
                        ]))
            }
        }
        if rules.isEnabled(.overPrice) {
            for line in lines {
                guard let ceiling = references.maxUnitPriceFen[line.itemCode], line.unitPriceFen > ceiling else { continue }
                let excess = Int((Double(line.unitPriceFen - ceiling) * line.quantity).rounded())
                leads.append(
                    lead(
                        .overPrice, settlement, line.doctorCode, excess,
                        [
                            Evidence(.lines, "\(line.lineNo)"), Evidence(.itemCode, line.itemCode),
                            Evidence(.unitPrice, ClaimMoney.yuan(line.unitPriceFen)), Evidence(.maxUnitPrice, ClaimMoney.yuan(ceiling)),
                        ]))
            }
        }
        if rules.isEnabled(.sexMismatch) { leads += sexMismatches(settlement, lines) }
        if rules.isEnabled(.traumaCheck), Screener.isInjury(settlement.primaryDiagnosis) {
            leads.append(lead(.traumaCheck, settlement, nil, settlement.fundFen, [Evidence(.diagnosis, settlement.primaryDiagnosis)]))
        }
        if rules.isEnabled(.bedOnlyStay), settlement.visitType == .inpatient, let found = bedOnlyStay(settlement, lines) {
            leads.append(found)
        }
        return leads
    }

    private func lead(_ rule: ScreeningRuleKind, _ settlement: Settlement, _ doctor: String?, _ amount: Int, _ evidence: [Evidence]) -> Lead {
        Lead(
            rule: rule, settlementID: settlement.id, institutionCode: settlement.institutionCode, doctorCode: doctor, amountFen: amount,
            evidence: evidence)
    }

    private func duplicateCharges(_ settlement: Settlement, _ lines: [SettlementItem]) -> [Lead] {
        struct Charge: Hashable {
            let code: String
            let day: ClaimDay
        }
        var groups: [Charge: [SettlementItem]] = [:]
        for line in lines { groups[Charge(code: line.itemCode, day: line.chargedAt), default: []].append(line) }
        return groups.values.filter { $0.count > 1 }.map { group in
            let sorted = group.sorted { $0.lineNo < $1.lineNo }
            return lead(
                .duplicateCharge, settlement, sorted[1].doctorCode, sorted.dropFirst().reduce(0) { $0 + $1.amountFen },
                [
                    Evidence(.lines, sorted.map { "\($0.lineNo)" }.joined(separator: ";")), Evidence(.itemCode, sorted[0].itemCode),
                    Evidence(.chargedAt, sorted[0].chargedAt.description),
                ])
        }.sorted { $0.key < $1.key }
    }

    private func sexMismatches(_ settlement: Settlement, _ lines: [SettlementItem]) -> [Lead] {
        var leads: [Lead] = []
        for line in lines {
            guard let sex = references.itemSex[line.itemCode], sex != settlement.sex else { continue }
            leads.append(
                lead(
                    .sexMismatch, settlement, line.doctorCode, line.amountFen,
                    [
                        Evidence(.lines, "\(line.lineNo)"), Evidence(.itemCode, line.itemCode), Evidence(.itemSex, sex.rawValue),
                        Evidence(.patientSex, settlement.sex.rawValue),
                    ]))
        }
        if settlement.sex == .male,
            let obstetric = ([settlement.primaryDiagnosis] + settlement.secondaryDiagnoses).first(where: Screener.isObstetric)
        {
            leads.append(
                lead(
                    .sexMismatch, settlement, nil, settlement.fundFen,
                    [
                        Evidence(.diagnosis, obstetric), Evidence(.patientSex, settlement.sex.rawValue),
                    ]))
        }
        return leads
    }

    private func bedOnlyStay(_ settlement: Settlement, _ lines: [SettlementItem]) -> Lead? {
        guard let rule = rules[.bedOnlyStay] else { return nil }
        let stay = settlement.admissionDate.days(to: settlement.dischargeDate)
        guard stay >= Int(rule.value(.minStayDays)) else { return nil }
        var byDay: [ClaimDay: [SettlementItem]] = [:]
        for line in lines { byDay[line.chargedAt, default: []].append(line) }
        let needed = Int(rule.value(.bedOnlyDays))
        var runs: [[ClaimDay]] = []
        var run: [ClaimDay] = []
        for offset in 0...stay {
            let day = settlement.admissionDate + offset
            if let charged = byDay[day], charged.allSatisfy({ $0.itemType == .bed }) {
                run.append(day)
            } else {
                if run.count >= needed { runs.append(run) }
                run = []
            }
        }
        if run.count >= needed { runs.append(run) }
        guard !runs.isEmpty else { return nil }
        let days = runs.flatMap { $0 }
        let bedLines = days.flatMap { byDay[$0] ?? [] }.sorted { $0.lineNo < $1.lineNo }
        return lead(
            .bedOnlyStay, settlement, bedLines.first?.doctorCode, bedLines.reduce(0) { $0 + $1.amountFen },
            [
                Evidence(.lines, bedLines.map { "\($0.lineNo)" }.joined(separator: ";")), Evidence(.stayDays, "\(stay)"),
                Evidence(.bedOnlyDays, days.map(\.description).joined(separator: ";")),
            ])
    }

    // MARK: - Across settlements

    private func splitAdmissions(in settlements: [Settlement]) -> [Lead] {
        guard rules.isEnabled(.splitAdmission) else { return [] }
        struct Stay: Hashable {
            let patient: String
            let institution: String
        }
        var stays: [Stay: [Settlement]] = [:]
        for settlement in settlements where settlement.visitType == .inpatient {
            stays[Stay(patient: settlement.patientKey, institution: settlement.institutionCode), default: []].append(settlement)
        }
        var leads: [Lead] = []
        for group in stays.values where group.count > 1 {
            let ordered = group.sorted { ($0.admissionDate, $0.id) < ($1.admissionDate, $1.id) }
            for (index, settlement) in ordered.enumerated() where index > 0 {
                if let previous = previousStay(of: settlement, among: ordered[..<index]) {
                    leads.append(splitAdmissionLead(settlement, previous: previous))
                }
            }
        }
        return leads.sorted { $0.key < $1.key }
    }

    /// The latest earlier inpatient stay of the same patient at the same institution, in the same
    /// diagnosis group, discharged no more than the configured days before this admission.
    func previousStay(of settlement: Settlement, among others: some Sequence<Settlement>) -> Settlement? {
        guard settlement.visitType == .inpatient, let rule = rules[.splitAdmission] else { return nil }
        let window = Int(rule.value(.readmissionDays))
        return
            others.filter {
                $0.id != settlement.id && $0.visitType == .inpatient && $0.patientKey == settlement.patientKey
                    && $0.institutionCode == settlement.institutionCode && $0.diagnosisGroup == settlement.diagnosisGroup
                    && $0.admissionDate <= settlement.admissionDate
                    && (0...window).contains($0.dischargeDate.days(to: settlement.admissionDate))
            }
            .max { ($0.dischargeDate, $0.id) < ($1.dischargeDate, $1.id) }
    }

    private func splitAdmissionLead(_ settlement: Settlement, previous: Settlement) -> Lead {
        lead(
            .splitAdmission, settlement, nil, settlement.fundFen,
            [
                Evidence(.previousSettlement, previous.id), Evidence(.previousDischarge, previous.dischargeDate.description),
                Evidence(.admission, settlement.admissionDate.description),
                Evidence(.daysBetween, "\(previous.dischargeDate.days(to: settlement.admissionDate))"),
                Evidence(.diagnosisGroup, settlement.diagnosisGroup),
            ])
    }

    // MARK: - Diagnosis codes

    /// ICD-10 S00–T14 (injuries by body region), which call for a third-party-liability check.
    public static func isInjury(_ code: String) -> Bool {
        let upper = Array(code.uppercased().utf8)
        guard upper.count >= 3, let tens = digit(upper[1]), let ones = digit(upper[2]) else { return false }
        if upper[0] == UInt8(ascii: "S") { return true }
        return upper[0] == UInt8(ascii: "T") && tens * 10 + ones <= 14
    }

    /// ICD-10 O00–O9A (pregnancy, childbirth and the puerperium).
    public static func isObstetric(_ code: String) -> Bool {
        let upper = Array(code.uppercased().utf8)
        guard upper.count >= 3, upper[0] == UInt8(ascii: "O"), digit(upper[1]) != nil else { return false }
        return digit(upper[2]) != nil || (upper[1] == UInt8(ascii: "9") && upper[2] == UInt8(ascii: "A"))
    }

    private static func digit(_ byte: UInt8) -> Int? { (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil }
}
