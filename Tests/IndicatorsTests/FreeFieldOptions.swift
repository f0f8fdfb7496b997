import Indicators

extension NoiseOptions {
    /// The free-field screening model: the tests that pin its numbers (and the slow whole-grid
    /// comparisons, whose meaning does not depend on the propagation model) use it explicitly now
    /// that CNOSSOS-EU is the default.
    static var freeField: NoiseOptions {
        var options = NoiseOptions()
        options.method = .freeField
        return options
    }
}
