extension SLAPolicy {
    /// Shangrao's 12530 rule: 1 minute to create the order, 2 to dispatch, 5 to sign, 30 to be on site
    /// (calendar minutes, each counted from the previous step).
    public static let rule12530 = SLAPolicy(
        builtIn: "12530", name: "12530 规则", englishName: "12530 rule",
        stages: [
            StageLimit(.create, .minutes(1)),
            StageLimit(.dispatch, .minutes(2)),
            StageLimit(.sign, .minutes(5)),
            StageLimit(.arrive, .minutes(30)),
        ])

    /// Longnan's ladder for simple matters: dispatched the same day, done in 3 working days,
    /// the requester answered within 3 working days of completion.
    public static let longnanSimple = SLAPolicy(
        builtIn: "longnan-simple", name: "简易问题（当天转交、3个工作日办结）", englishName: "Simple matter (3 working days)",
        stages: [
            StageLimit(.dispatch, .endOfDay()),
            StageLimit(.complete, .workingDays(3)),
            StageLimit(.feedback, .workingDays(3)),
        ])

    /// Longnan's ladder for general matters: done or clearly answered in 7 working days,
    /// the requester answered within 3 working days of completion.
    public static let longnanGeneral = SLAPolicy(
        builtIn: "longnan-general", name: "一般问题（7个工作日办结）", englishName: "General matter (7 working days)",
        stages: [
            StageLimit(.complete, .workingDays(7)),
            StageLimit(.feedback, .workingDays(3)),
        ])

    /// Xinfeng's "hour-level response, same-day completion": respond within an hour, complete by the end of the day.
    public static let hourResponseSameDay = SLAPolicy(
        builtIn: "hour-response-same-day", name: "小时级响应、当日办结", englishName: "Respond within the hour, complete the same day",
        stages: [
            StageLimit(.respond, .minutes(60)),
            StageLimit(.complete, .endOfDay()),
        ])

    /// The policies shipped with Lianxin, to seed the editable policy table.
    public static let builtIn: [SLAPolicy] = [rule12530, longnanSimple, longnanGeneral, hourResponseSameDay]

    private init(builtIn code: String, name: String, englishName: String, stages: [StageLimit]) {
        do {
            try self.init(code: code, name: name, englishName: englishName, stages: stages)
        } catch {
            preconditionFailure("Built-in policy \(code) is invalid: \(error)")
        }
    }
}
