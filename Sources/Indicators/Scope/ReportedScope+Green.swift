extension ReportedScope {
    /// The green indicators of the reported buildings; the summary is already theirs
    /// (`GreenAnalyzer` sums over reported buildings and streets only).
    public func green(_ analysis: GreenAnalysis) -> GreenAnalysis {
        guard hasContext else { return analysis }
        var result = analysis
        result.buildings = Self.keep(analysis.buildings, buildings)
        return result
    }
}
