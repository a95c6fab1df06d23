import Foundation

/// Synthetic settlements and lines in the published columns, reproducible from a seed: a clean
/// population that breaks no rule, plus, on request, injected cases of every rule, each recorded
/// so tests and benchmarks can check that screening finds exactly them.
public struct SettlementGenerator: Sendable {
    /// One injected violation: the rule and the settlement (or, for the outlier, institution and group) it is in.
    public struct InjectedCase: Sendable, Hashable {
        public var rule: ScreeningRuleKind
        public var settlementID: String?
        public var institutionCode: String
        public var diagnosisGroup: String?
    }

    /// What was generated.
    public struct Output: Sendable {
        public var settlements: [ClaimCSV.SettlementRow]
        public var items: [SettlementItem]
        public var references: ClaimReferences
        public var injected: [InjectedCase]
        public var institutions: [String]

        /// The four files' text, in the published columns.
        public var settlementsCSV: String { CSVWriter.line(ClaimCSV.settlementColumns) + settlements.map { ClaimCSV.line($0) }.joined() }
        public var itemsCSV: String { CSVWriter.line(ClaimCSV.itemColumns) + items.map { ClaimCSV.line($0) }.joined() }
        public var pricesCSV: String {
            CSVWriter.line(ClaimCSV.priceColumns)
                + references.maxUnitPriceFen.sorted { $0.key < $1.key }.map { CSVWriter.line([$0.key, ClaimMoney.yuan($0.value)]) }.joined()
        }
        public var sexItemsCSV: String {
            CSVWriter.line(ClaimCSV.sexItemColumns)
                + references.itemSex.sorted { $0.key < $1.key }.map { CSVWriter.line([$0.key, $0.value.rawValue]) }.joined()
        }
    }

    struct CatalogueItem {
        let code: String
        let name: String
        let type: ClaimItemType
        let priceFen: Int
        let ceilingFen: Int
        var sex: ClaimSex? = nil
    }

    public var seed: UInt64
    public var institutionCount: Int

    public init(seed: UInt64 = 2026, institutionCount: Int = 20) {
        self.seed = seed
        self.institutionCount = institutionCount
    }

    static let catalogue: [CatalogueItem] = [
        CatalogueItem(code: "XA01", name: "阿莫西林胶囊", type: .drug, priceFen: 1250, ceilingFen: 1500),
        CatalogueItem(code: "XB02", name: "二甲双胍片", type: .drug, priceFen: 860, ceilingFen: 900),
        CatalogueItem(code: "XC03", name: "硝苯地平缓释片", type: .drug, priceFen: 2130, ceilingFen: 2300),
        CatalogueItem(code: "XD04", name: "奥美拉唑肠溶胶囊", type: .drug, priceFen: 1780, ceilingFen: 1800),
        CatalogueItem(code: "XE05", name: "布洛芬缓释胶囊", type: .drug, priceFen: 640, ceilingFen: 700),
        CatalogueItem(code: "XF06", name: "头孢呋辛注射液", type: .drug, priceFen: 3520, ceilingFen: 3800),
        CatalogueItem(code: "EX01", name: "血常规", type: .exam, priceFen: 2000, ceilingFen: 2000),
        CatalogueItem(code: "EX02", name: "胸部CT", type: .exam, priceFen: 24000, ceilingFen: 26000),
        CatalogueItem(code: "EX03", name: "彩色多普勒超声", type: .exam, priceFen: 12000, ceilingFen: 13000),
        CatalogueItem(code: "EX04", name: "前列腺特异抗原测定", type: .exam, priceFen: 8000, ceilingFen: 8500, sex: .male),
        CatalogueItem(code: "EX05", name: "宫颈细胞学检查", type: .exam, priceFen: 9000, ceilingFen: 9500, sex: .female),
        CatalogueItem(code: "TR01", name: "静脉输液", type: .treatment, priceFen: 1500, ceilingFen: 1600),
        CatalogueItem(code: "TR02", name: "换药", type: .treatment, priceFen: 2500, ceilingFen: 2600),
        CatalogueItem(code: "MT01", name: "一次性输液器", type: .material, priceFen: 450, ceilingFen: 500),
        CatalogueItem(code: "BD01", name: "普通病房床位费", type: .bed, priceFen: 4000, ceilingFen: 4500),
    ]

    /// Diagnosis groups of the clean population (no injuries; obstetric only for women).
    static let diagnoses = ["J18.9", "I10", "E11.9", "K29.7", "N39.0", "M54.5", "J06.9", "I63.9", "K80.2", "J44.1"]
    static let firstDay = ClaimDay(year: 2026, month: 1, day: 1)!

    /// `count` clean settlements, then `injectedPerRule` cases of every rule (0 for a clean set).
    public func generate(settlements count: Int, injectedPerRule: Int = 0) -> Output {
        var state = State(seed: seed, institutions: (1...institutionCount).map { String(format: "H3608240%03d", $0) })
        for _ in 0..<count { state.addClean() }
        for _ in 0..<injectedPerRule { state.injectOneOfEach() }
        let references = ClaimReferences(
            maxUnitPriceFen: Dictionary(uniqueKeysWithValues: SettlementGenerator.catalogue.map { ($0.code, $0.ceilingFen) }),
            itemSex: Dictionary(uniqueKeysWithValues: SettlementGenerator.catalogue.compactMap { item in item.sex.map { (item.code, $0) } }))
        return Output(
            settlements: state.settlements, items: state.items, references: references, injected: state.injected, institutions: state.institutions)
    }

    struct State {
        var random: SeededRandom
        let institutions: [String]
        var settlements: [ClaimCSV.SettlementRow] = []
        var items: [SettlementItem] = []
        var injected: [InjectedCase] = []
        var nextSettlement = 1
        var nextPatient = 1

        init(seed: UInt64, institutions: [String]) {
            random = SeededRandom(seed: seed)
            self.institutions = institutions
        }

        static func item(_ code: String) -> CatalogueItem { SettlementGenerator.catalogue.first { $0.code == code }! }

        mutating func patient(_ sex: ClaimSex) -> (id: String, birth: ClaimDay) {
            let birth = ClaimDay(
                year: Int.random(in: 1940...2015, using: &random), month: Int.random(in: 1...12, using: &random),
                day: Int.random(in: 1...28, using: &random))!
            let sequence = (nextPatient % 499) * 2 + (sex == .male ? 1 : 2)
            let serial = nextPatient / 499
            nextPatient += 1
            let body =
                "3608" + String(format: "%02d", 24 + serial % 70) + birth.description.replacingOccurrences(of: "-", with: "")
                + String(format: "%03d", sequence)
            let digits = body.map { Int(String($0))! }
            return (body + String(ResidentIDNumber.checkCharacter(forFirst17: digits)), birth)
        }

        /// A settlement with clean lines; returns its index so an injection can alter it.
        @discardableResult
        mutating func addClean(
            visit: VisitType? = nil, institution: String? = nil, diagnosis: String? = nil, sex: ClaimSex? = nil,
            patient: (id: String, birth: ClaimDay)? = nil, admission: ClaimDay? = nil, stay: Int? = nil, scale: Int = 1
        ) -> Int {
            let visit = visit ?? (Int.random(in: 0..<10, using: &random) < 7 ? .outpatient : .inpatient)
            let sex = sex ?? (Bool.random(using: &random) ? .male : .female)
            let person = patient ?? self.patient(sex)
            let institution = institution ?? institutions.randomElement(using: &random)!
            var chosen = diagnosis ?? SettlementGenerator.diagnoses.randomElement(using: &random)!
            if diagnosis == nil, visit == .inpatient, sex == .female, self.patientIsBirth() { chosen = "O80" }
            let admission = admission ?? SettlementGenerator.firstDay + Int.random(in: 0..<150, using: &random)
            let stay = visit == .outpatient ? 0 : (stay ?? Int.random(in: 2...9, using: &random))
            let id = String(format: "JS%08d", nextSettlement)
            nextSettlement += 1
            let doctor = institution + String(format: "-D%02d", Int.random(in: 1...5, using: &random))
            var lines: [SettlementItem] = []
            func add(_ code: String, quantity: Int, day: ClaimDay, daysSupply: Int? = nil) {
                let item = State.item(code)
                lines.append(
                    SettlementItem(
                        settlementID: id, lineNo: lines.count + 1, itemCode: code, itemName: item.name, itemType: item.type,
                        quantity: Double(quantity), unitPriceFen: item.priceFen, amountFen: item.priceFen * quantity, daysSupply: daysSupply,
                        doctorCode: doctor, chargedAt: day))
            }
            let drugs = ["XA01", "XB02", "XC03", "XD04", "XE05"]
            if visit == .outpatient {
                for code in drugs.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
                    add(
                        code, quantity: Int.random(in: 1...4, using: &random) * scale, day: admission,
                        daysSupply: Int.random(in: 3...30, using: &random))
                }
                if Bool.random(using: &random) { add("EX01", quantity: 1, day: admission) }
                if Int.random(in: 0..<8, using: &random) == 0 { add(sex == .male ? "EX04" : "EX05", quantity: 1, day: admission) }
            } else {
                add("EX02", quantity: 1, day: admission)
                for offset in 0..<stay {
                    let day = admission + offset
                    add("BD01", quantity: 1, day: day)
                    add("TR01", quantity: Int.random(in: 1...2, using: &random) * scale, day: day)
                    add("XF06", quantity: Int.random(in: 1...3, using: &random) * scale, day: day)
                    if offset == 0 { add("MT01", quantity: 2, day: day) }
                }
                add("EX03", quantity: 1, day: admission + stay)
            }
            let total = lines.reduce(0) { $0 + $1.amountFen }
            let discharge = admission + stay
            settlements.append(
                ClaimCSV.SettlementRow(
                    settlement: Settlement(
                        id: id, institutionCode: institution, patientKey: person.id, sex: sex, birthDate: person.birth, visitType: visit,
                        admissionDate: admission, dischargeDate: discharge, primaryDiagnosis: chosen,
                        secondaryDiagnoses: Bool.random(using: &random) ? [] : ["I10"], totalFen: total, fundFen: total * 7 / 10,
                        settledAt: Date(timeIntervalSince1970: Double(discharge.ordinal) * 86_400 + 2 * 3600)),
                    patientID: person.id))
            items += lines
            return settlements.count - 1
        }

        mutating func patientIsBirth() -> Bool { Int.random(in: 0..<10, using: &random) == 0 }

        mutating func record(_ rule: ScreeningRuleKind, _ index: Int) {
            let settlement = settlements[index].settlement
            injected.append(InjectedCase(rule: rule, settlementID: settlement.id, institutionCode: settlement.institutionCode))
        }

        mutating func lines(of index: Int) -> [Int] {
            let id = settlements[index].settlement.id
            return items.indices.filter { items[$0].settlementID == id }
        }

        mutating func appendLine(to index: Int, copying source: SettlementItem) {
            var line = source
            line.lineNo = items.filter { $0.settlementID == source.settlementID }.count + 1
            items.append(line)
            settlements[index].settlement.totalFen += line.amountFen
        }

        mutating func injectOneOfEach() {
            let duplicate = addClean(visit: .outpatient)
            appendLine(to: duplicate, copying: items[lines(of: duplicate)[0]])
            record(.duplicateCharge, duplicate)

            let first = addClean(visit: .inpatient, diagnosis: "J18.9", sex: .male)
            let firstRow = settlements[first]
            let again = addClean(
                visit: .inpatient, institution: firstRow.settlement.institutionCode, diagnosis: "J18.0", sex: .male,
                patient: (firstRow.patientID, firstRow.settlement.birthDate), admission: firstRow.settlement.dischargeDate + 7)
            record(.splitAdmission, again)

            let supply = addClean(visit: .outpatient)
            let drugLine = lines(of: supply)[0]
            items[drugLine].daysSupply = 60
            record(.excessSupply, supply)

            let price = addClean(visit: .outpatient)
            let priced = lines(of: price)[0]
            let ceiling = SettlementGenerator.catalogue.first { $0.code == items[priced].itemCode }!.ceilingFen
            items[priced].unitPriceFen = ceiling * 3 / 2
            items[priced].amountFen = items[priced].unitPriceFen * Int(items[priced].quantity)
            record(.overPrice, price)

            let sexItem = addClean(visit: .outpatient, sex: .male)
            let template = State.item("EX05")
            appendLine(
                to: sexItem,
                copying: SettlementItem(
                    settlementID: settlements[sexItem].settlement.id, lineNo: 0, itemCode: template.code, itemName: template.name,
                    itemType: template.type, quantity: 1, unitPriceFen: template.priceFen, amountFen: template.priceFen,
                    doctorCode: items[lines(of: sexItem)[0]].doctorCode, chargedAt: settlements[sexItem].settlement.admissionDate))
            record(.sexMismatch, sexItem)
            let sexDiagnosis = addClean(visit: .inpatient, diagnosis: "O80", sex: .male)
            record(.sexMismatch, sexDiagnosis)

            let trauma = addClean(visit: .inpatient, diagnosis: "S82.2")
            record(.traumaCheck, trauma)

            let bed = addClean(visit: .inpatient, stay: 6)
            let bedDays = Set([1, 2, 3].map { settlements[bed].settlement.admissionDate + $0 })
            let kept = lines(of: bed).filter { !bedDays.contains(items[$0].chargedAt) || items[$0].itemType == .bed }
            let removed = lines(of: bed).filter { !kept.contains($0) }
            settlements[bed].settlement.totalFen -= removed.reduce(0) { $0 + items[$1].amountFen }
            for index in removed.reversed() { items.remove(at: index) }
            record(.bedOnlyStay, bed)

            injectOutlier()
        }

        /// A group of its own (K35, appendicitis) where every institution has normal cases and one has four times the cost.
        mutating func injectOutlier() {
            let outlier = institutions[injected.filter { $0.rule == .costOutlier }.count % institutions.count]
            let group = "K" + String(format: "%02d", 35 + injected.filter { $0.rule == .costOutlier }.count % 10)
            for institution in institutions {
                for _ in 0..<6 {
                    addClean(
                        visit: .inpatient, institution: institution, diagnosis: group + ".8", sex: .male, stay: 5,
                        scale: institution == outlier ? 6 : 1)
                }
            }
            injected.append(InjectedCase(rule: .costOutlier, settlementID: nil, institutionCode: outlier, diagnosisGroup: group))
        }
    }
}
