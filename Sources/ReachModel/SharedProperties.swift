/// The stored properties of a model value kept behind one reference, copied on write: an
/// estate has thousands of security groups and route tables, and a what-if edit copies the
/// topology's arrays of them, so copying one costs a reference count rather than one per
/// string and list.
final class SharedProperties<Properties: Hashable>: @unchecked Sendable {
    /// Mutated only through ``unique(_:)``, when no other value shares the reference.
    var properties: Properties

    init(_ properties: Properties) { self.properties = properties }

    /// `storage`, first copied when another value shares it, ready to be written.
    static func unique(_ storage: inout SharedProperties) -> SharedProperties {
        if !isKnownUniquelyReferenced(&storage) { storage = SharedProperties(storage.properties) }
        return storage
    }
}
