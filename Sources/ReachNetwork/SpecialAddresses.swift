/// Address ranges with special meaning when deciding what counts as "the internet".
public enum SpecialAddresses {
    /// Ranges never routed on the public internet: RFC 1918 private space, shared address
    /// space (RFC 6598), loopback, link-local, "this network", multicast and reserved space.
    /// Documentation ranges (192.0.2.0/24 and the like) stay public so examples can use them.
    public static let nonInternet = IPv4AddressSet(
        [
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4",
        ].compactMap { IPv4Prefix($0) })

    /// Every address a host on the public internet may have.
    public static let internet = IPv4AddressSet.all.subtracting(nonInternet)
}
