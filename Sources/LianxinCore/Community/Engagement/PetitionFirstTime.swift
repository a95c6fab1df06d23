/// 初信初访: whether a newly registered petition counts as the petitioner's first on the matter.
///
/// First-time petitions are the ones the 日日清、周周审、月月结 views follow, so the rule decides what those
/// views hold. The registrar's statement is taken (a petition is first-time unless said otherwise), but a
/// phone number already seen on an earlier petition makes it a repeat whatever was stated.
public enum PetitionFirstTime {
    /// What is known of the petitioner when the petition is registered.
    public enum Petitioner: Sendable, Hashable {
        /// No phone was given, so earlier petitions cannot be found.
        case withoutPhone
        /// A phone was given and this many earlier petitions carry it.
        case withPhone(earlierPetitions: Int)
    }

    /// Whether the petition is first-time: `stated` (default true) unless the petitioner's phone was seen before.
    public static func isFirstTime(stated: Bool?, _ petitioner: Petitioner) -> Bool {
        switch petitioner {
        case .withPhone(let earlier) where earlier > 0: false
        case .withoutPhone, .withPhone: stated ?? true
        }
    }
}
