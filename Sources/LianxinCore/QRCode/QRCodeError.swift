/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Hashable {
    /// The payload does not fit in a version-40 symbol at the requested error-correction level;
    /// `capacity` is the most bytes that level can hold.
    case dataTooLong(bytes: Int, capacity: Int)
}
