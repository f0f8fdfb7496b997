extension NoiseOptions {
    /// The propagation model that ran, named in the first lines of every summary so a reader knows
    /// what the levels rest on.
    public var modelName: String {
        switch method {
        case .cnossos: "CNOSSOS-EU propagation (ground, diffraction over buildings, \(reflectionOrder == 0 ? "no reflections" : "facade reflections"))"
        case .freeField: screening ? "free field, buildings block direct paths (--screening)" : "free field"
        }
    }
}
