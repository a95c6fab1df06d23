import Vapor

/// A proposal as a township sends it: kind, title, reason, the new grids and the grids they retire.
struct GridChangeProposal {
    var kind: String
    var title: String
    var reason: String
    var grids: String
    var retiring: [String]

    /// The kinds of change a township may propose.
    static let kinds = ["split", "merge", "redraw", "create"]

    /// Reads `{kind, title, reason, retiringCodes, grids: FeatureCollection}`, every problem at once.
    static func decode(_ req: Request) throws -> GridChangeProposal {
        guard let body = req.body.data, let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            throw Problem.invalid(field: "/", "send a JSON object / 请提交 JSON")
        }
        var checks = InputValidator(req)
        let kind = object["kind"] as? String ?? ""
        if !kinds.contains(kind) { checks.fail("/kind", "choose one of the options offered / 请从给出的选项中选择") }
        let title = (object["title"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(1...200).contains(title.count) { checks.fail("/title", "1–200 characters / 标题 1–200 字") }
        let reason = (object["reason"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !(2...4000).contains(reason.count) { checks.fail("/reason", "2–4000 characters / 理由 2–4000 字") }
        let retiring = object["retiringCodes"] as? [String] ?? []
        if object["retiringCodes"] != nil, object["retiringCodes"] as? [String] == nil {
            checks.fail("/retiringCodes", "a list of grid codes")
        }
        var grids = ""
        if let collection = object["grids"] as? [String: Any], let data = try? JSONSerialization.data(withJSONObject: collection) {
            grids = String(decoding: data, as: UTF8.self)
        } else {
            checks.fail("/grids", "a GeoJSON FeatureCollection of the new grids / 新网格的 GeoJSON")
        }
        if kind == "split" || kind == "merge", retiring.isEmpty {
            checks.fail("/retiringCodes", "a \(kind) retires at least one grid / 拆分或合并须列出撤销的网格")
        }
        try checks.finish()
        return GridChangeProposal(kind: kind, title: title, reason: reason, grids: grids, retiring: Array(Set(retiring)).sorted())
    }
}
