/// A reference is written as its three strings, `kind`, `id` and `name`, in that order.
extension ComponentRef: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, id, name
    }

    /// Reads a reference written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(String.self, forKey: .kind),
            id: try container.decode(String.self, forKey: .id),
            name: try container.decode(String.self, forKey: .name))
    }

    /// Writes the kind, id and name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
    }
}
