import DistrictModel
import Indicators

extension AnalysisReport {
    /// The report cut down to the reported features (`ReportedScope`): no row and no total for a
    /// feature of the context margin. The analyses must have run on the whole district first.
    public func withoutContext() -> AnalysisReport {
        let scope = ReportedScope(district)
        guard scope.hasContext else { return self }
        let noise = self.noise.map(scope.noise)
        var report = AnalysisReport(
            district: scope.district(district), space: scope.space(space), population: scope.population(population), noise: noise,
            health: health.flatMap { impact in noise.map { scope.health(impact, noise: $0) } }, green: green.map(scope.green),
            greenIfLotsGreen: greenIfLotsGreen.map(scope.green), lots: scope.lots(lots))
        report.censusUnallocated = censusUnallocated
        report.receivers = receivers
        report.noiseGrid = noiseGrid
        report.stages = stages
        report.contextFeatureCount = scope.contextCount
        report.district.inputNotes.append("\(scope.contextCount) features of the context margin (\(ContextMargin.key)=yes) were used as noise "
                                          + "sources, screens, green areas and street-space neighbours; no row or total reports them")
        return report
    }
}
