/// AWS-style resource tags.
public typealias Tags = [String: String]
