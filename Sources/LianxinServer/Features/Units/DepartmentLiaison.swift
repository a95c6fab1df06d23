import Fluent
import Foundation

/// A person a unit names for contact (联络人): the name, and the phone encrypted and bound to this
/// row (`EncryptedColumn.departmentLiaisonPhone`), shown masked.
final class DepartmentLiaison: Model, @unchecked Sendable {
    static let schema = "department_liaisons"

    @ID(key: .id) var id: UUID?
    @Field(key: "department_id") var departmentID: UUID
    @Field(key: "name") var name: String
    @Field(key: "phone_cipher") var phoneCipher: Data
    @Field(key: "sort_order") var sortOrder: Int

    init() {}

    init(id: UUID, departmentID: UUID, name: String, phoneCipher: Data, sortOrder: Int) {
        self.id = id
        self.departmentID = departmentID
        self.name = name
        self.phoneCipher = phoneCipher
        self.sortOrder = sortOrder
    }
}
