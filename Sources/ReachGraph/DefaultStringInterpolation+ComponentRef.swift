/// Interpolation of component references without the generic path's dynamic conformance lookup
/// (see `DefaultStringInterpolation+Network.swift` in ReachNetwork).
extension DefaultStringInterpolation {
    /// Appends the reference's display form.
    public mutating func appendInterpolation(_ ref: ComponentRef) {
        appendLiteral(ref.description)
    }
}
