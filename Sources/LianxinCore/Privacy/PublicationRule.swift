/// Which work orders the public interfaces (Open311 reads) may show: those a resident chose to make
/// public. Filing through a public interface (Open311) is that choice unless the filer says
/// otherwise; an order from any other channel (the hotline, a grid member, a visit, a petition…) is
/// public only when its resident ticked "publish" — or when the deployment lists every channel
/// (`LIANXIN_OPEN311_ALL_CHANNELS`), and then still not against a resident's explicit "no".
public enum PublicationRule {
    /// Channels whose requests are public unless the filer chose otherwise.
    public static let publicByDefault: Set<Channel> = [.open311]

    /// Whether an order of `channel` with the resident's recorded `choice` (nil: none) is published.
    public static func isPublic(channel: String, choice: Bool?, allChannels: Bool) -> Bool {
        if let choice { return choice }
        return allChannels || Channel(rawValue: channel).map(publicByDefault.contains) == true
    }
}
