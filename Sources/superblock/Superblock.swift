import ArgumentParser

@main
struct Superblock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "superblock",
        abstract: "Analyse city districts for Barcelona-style superblocks and vacant-lot regeneration.",
        discussion: """
            Input is GeoJSON (OSM exports or city open data) or an OSM extract (.osm.pbf, .osm; read \
            through osmium, package osmium-tool). Features are sorted into layers \
            (street, green, building, vacant, superblock, tree, census) by a `layer` property or by OSM tags.
            """,
        version: ToolVersion.current,
        subcommands: [InfoCommand.self, ExtractCommand.self, AnalyzeCommand.self, EmissionCommand.self, PropagationCommand.self, DetectCommand.self, PlanCommand.self, CompareCommand.self]
    )
}

enum ToolVersion {
    static let current = "0.1.0"
}
