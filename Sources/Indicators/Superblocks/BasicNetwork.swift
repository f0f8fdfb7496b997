import DistrictModel

/// The streets that bound superblock cells and keep through traffic (DESIGN.md section 4.5).
///
/// When any street of the district is tagged `superblock=basic`, the user has drawn the network
/// and exactly those streets form it. Otherwise it is every street whose `highway` is one of
/// `classes`: by default tertiary roads and above, with their links.
public struct BasicNetwork: Sendable, Equatable {
    public static let defaultClasses = ["motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link",
                                        "secondary", "secondary_link", "tertiary", "tertiary_link"]

    public var classes: Set<String>

    public init(classes: [String] = BasicNetwork.defaultClasses) {
        self.classes = Set(classes)
    }

    /// Whether the user tagged a network of their own.
    public func isTagged(_ streets: [DistrictFeature]) -> Bool {
        streets.contains { $0.attributes.string("superblock") == "basic" }
    }

    /// For each street, whether it belongs to the basic network.
    public func membership(of streets: [DistrictFeature]) -> [Bool] {
        if isTagged(streets) { return streets.map { $0.attributes.string("superblock") == "basic" } }
        return streets.map { street in street.highway.map { classes.contains($0) } ?? false }
    }

    /// How the network was chosen, for reports: "superblock=basic" or the classes.
    public func rule(for streets: [DistrictFeature]) -> String {
        isTagged(streets) ? "streets tagged superblock=basic" : "highway in " + classes.sorted().joined(separator: ", ")
    }
}
