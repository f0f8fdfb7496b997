extension ReportedScope {
    /// The noise of the reported streets and buildings, with the residents by level counted again
    /// over the reported buildings (context buildings get no facade receivers: `NoiseModel`).
    public func noise(_ analysis: NoiseAnalysis) -> NoiseAnalysis {
        guard hasContext else { return analysis }
        var result = analysis
        result.streets = Self.keep(analysis.streets, streets)
        result.buildings = Self.keep(analysis.buildings, buildings)
        result.exposure = NoiseExposure(buildings: result.buildings)
        return result
    }

    /// The health outcomes of the reported buildings' residents, with the same options.
    public func health(_ impact: HealthImpact, noise reported: NoiseAnalysis) -> HealthImpact {
        guard hasContext else { return impact }
        return HealthImpact(buildings: reported.buildings, options: impact.options)
    }
}
