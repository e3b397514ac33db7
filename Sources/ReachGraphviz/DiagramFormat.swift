/// An output format for a rendered diagram.
///
/// `svg`, `png` and `pdf` are produced by Graphviz (`svg` by its core plugin, `png` and `pdf` by the
/// cairo/pango plugin); `dot` is the DOT source itself, passed through unchanged.
public enum DiagramFormat: String, Sendable, CaseIterable {
    /// Scalable Vector Graphics, an XML document.
    case svg
    /// A Portable Network Graphics raster image.
    case png
    /// A Portable Document Format document.
    case pdf
    /// The Graphviz DOT source, byte for byte as given.
    case dot

    /// The format a file name extension names, or `nil` when it names none of them.
    ///
    /// Matching ignores case and one leading dot, so `"svg"`, `"SVG"` and `".svg"` all give ``svg``.
    /// Besides `dot`, Graphviz's recommended `gv` extension gives ``dot``.
    ///
    /// - Parameter fileExtension: The extension, such as `"png"` or `".pdf"`.
    public init?(fileExtension: String) {
        var name = Substring(fileExtension)
        if name.hasPrefix(".") {
            name = name.dropFirst()
        }
        switch name.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }

    /// The conventional file name extension for the format, without a leading dot.
    public var fileExtension: String { rawValue }
}
