import ArgumentParser
import CNOSSOS
import Indicators

/// Options of the noise screening model, shared by the analysing commands.
struct NoiseArguments: ParsableArguments {
    @Option(help: "CNOSSOS-EU coefficient set: 2015 or 2021.")
    var coefficients: CoefficientSet = .directive2021

    @Option(parsing: .unconditional, help: "Yearly average air temperature, degrees C (-30 ... 50).")
    var temperature: Double = 20

    @Flag(name: .customLong("no-speed-floor"), help: "Do not hold the speed in the emission power terms at 20 km/h or more.")
    var noSpeedFloor = false

    @Option(name: .customLong("search-radius"), help: "Street pieces within this distance of a facade are summed, m.")
    var searchRadius: Double = 250

    @Option(name: .customLong("canyon-surcharge"), help: "Street-canyon surcharge added at every facade, dB (0 ... 3.2). Named in the output.")
    var canyonSurcharge: Double?

    @Flag(help: "Let buildings screen: drop sound paths that cross a building footprint (no diffraction). Off: free field, as the design specifies.")
    var screening = false

    func validate() throws {
        if let canyonSurcharge, !(0...3.2).contains(canyonSurcharge) {
            throw ValidationError("--canyon-surcharge must lie in 0 ... 3.2 dB.")
        }
        try OptionRanges.check("--search-radius", searchRadius, OptionRanges.searchRadius, unit: "m")
        try OptionRanges.check("--temperature", temperature, OptionRanges.temperature, unit: "degrees C")
    }

    var options: NoiseOptions {
        var options = NoiseOptions()
        options.coefficientSet = coefficients
        options.airTemperature = temperature
        options.minimumPowerSpeedKmh = noSpeedFloor ? nil : 20
        options.searchRadius = searchRadius
        options.canyonSurcharge = canyonSurcharge
        options.screening = screening
        return options
    }
}
