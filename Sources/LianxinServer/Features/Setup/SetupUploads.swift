import Vapor
import LianxinCore

/// A division file uploaded on the setup page, kept in `DATA_DIR/uploads` between choosing the file
/// and choosing the county in it (then deleted), under a random name the page carries.
enum SetupUploads {
    static func folder(_ app: Application) -> String {
        (app.lianxin.settings.dataDirectory as NSString).appendingPathComponent("uploads")
    }

    static func keep(_ text: String, _ app: Application) throws -> String {
        let token = FieldCipher.randomToken(bytes: 16).filter { $0.isLetter || $0.isNumber }
        try DataFiles.save(Data(text.utf8), to: (folder(app) as NSString).appendingPathComponent("setup-\(token).csv"))
        return token
    }

    static func path(_ token: String, _ app: Application) -> String? {
        guard !token.isEmpty, token.count <= 64, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return (folder(app) as NSString).appendingPathComponent("setup-\(token).csv")
    }

    /// The counties a division file names, by code, with their full names ("江西省吉安市峡江县").
    static func counties(in text: String) -> [(code: String, name: String)] {
        guard case .success(let records) = DivisionFile.read(text) else { return [] }
        let directory = PlaceDirectory(csv: text)
        return records.filter { $0.code.level == .county }.map { record in
            (record.code.value, directory.place(record.code.value)?.fullName ?? record.name)
        }
    }
}
