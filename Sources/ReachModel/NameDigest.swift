/// A 64-bit digest of a resource's id or name (FNV-1a over its UTF-8), kept beside a value
/// whose strings sit behind a reference, so that a lookup among tens of thousands of resources
/// rejects almost every one without reading its strings. Equal texts have equal digests.
public struct NameDigest: Hashable, Sendable {
    /// The digest.
    public let value: UInt64

    /// The digest of `text`.
    public init(_ text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        value = hash
    }
}
