extension NoiseOptions {
    /// The propagation model that ran, named in the first lines of every summary so a reader knows
    /// what the levels rest on (a CNOSSOS-EU propagation option names itself here when it lands).
    public var modelName: String {
        screening ? "free field, buildings block direct paths (--screening)" : "free field"
    }
}
