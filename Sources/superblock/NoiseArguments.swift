import ArgumentParser
import CNOSSOS
import Indicators

/// Options of the noise screening model, shared by the analysing commands.
struct NoiseArguments: ParsableArguments {
    @Option(help: "CNOSSOS-EU coefficient set: 2015 or 2021.")
    var coefficients: CoefficientSet = .directive2021

    @Option(parsing: .unconditional, help: "Yearly average air temperature, degrees C (-30 ... 50): emission and, with CNOSSOS-EU, air absorption.")
    var temperature: Double = 20

    @Flag(name: .customLong("no-speed-floor"), help: "Do not hold the speed in the emission power terms at 20 km/h or more.")
    var noSpeedFloor = false

    @Option(name: .customLong("search-radius"), help: "Street pieces within this distance of a facade are summed, m.")
    var searchRadius: Double = 250

    @Option(name: .customLong("canyon-surcharge"), help: "Street-canyon surcharge added at every facade, dB (0 ... 3.2). Named in the output.")
    var canyonSurcharge: Double?

    @Flag(help: "With --propagation free-field: drop sound paths that cross a building footprint (no diffraction). CNOSSOS-EU always lets buildings screen, with diffraction.")
    var screening = false

    @Option(help: "Propagation model: cnossos (CNOSSOS-EU: ground, diffraction over buildings, facade reflections) or free-field (the screening model).")
    var propagation: PropagationMethod = .cnossos

    @Option(name: .customLong("reflection-order"), help: "CNOSSOS-EU: orders of facade reflections, 0, 1 or 2 (the receiver's own facade never reflects).")
    var reflectionOrder: Int = 1

    @Flag(name: .customLong("lateral-diffraction"), help: "CNOSSOS-EU: also the paths round the buildings a blocked direct path crosses (lateral diffraction; slower).")
    var lateralDiffraction = false

    @Option(name: .customLong("max-error"), parsing: .unconditional, help: "CNOSSOS-EU: paths over roofs and by reflection are evaluated loudest estimate first, until those left could lower a level by at most this, dB (0 ... 3; 0 evaluates every path).")
    var maxError: Double = 0.1

    @Option(name: .customLong("ground-g"), parsing: .unconditional, help: "CNOSSOS-EU: ground factor G outside green areas, 0 (hard) ... 1 (porous). Green areas have G = 1 unless a `g` property says otherwise.")
    var groundG: Double = 0

    @Option(name: .customLong("favourable-day"), parsing: .unconditional, help: "CNOSSOS-EU: occurrence of favourable propagation conditions in the day, 0 ... 1.")
    var favourableDay: Double = 0.5

    @Option(name: .customLong("favourable-evening"), parsing: .unconditional, help: "CNOSSOS-EU: occurrence of favourable propagation conditions in the evening, 0 ... 1.")
    var favourableEvening: Double = 0.5

    @Option(name: .customLong("favourable-night"), parsing: .unconditional, help: "CNOSSOS-EU: occurrence of favourable propagation conditions at night, 0 ... 1.")
    var favourableNight: Double = 0.5

    @Option(parsing: .unconditional, help: "CNOSSOS-EU: relative humidity for the air absorption, percent.")
    var humidity: Double = 70

    @Option(name: .customLong("building-height"), parsing: .unconditional, help: "CNOSSOS-EU: height of buildings with neither height nor building:levels, m. Default: the median of the known heights, else 10 m.")
    var buildingHeight: Double?

    func validate() throws {
        if let canyonSurcharge, !(0...3.2).contains(canyonSurcharge) {
            throw ValidationError("--canyon-surcharge must lie in 0 ... 3.2 dB.")
        }
        try OptionRanges.check("--search-radius", searchRadius, OptionRanges.searchRadius, unit: "m")
        try OptionRanges.check("--temperature", temperature, OptionRanges.temperature, unit: "degrees C")
        guard (0 ... 2).contains(reflectionOrder) else {
            throw ValidationError("--reflection-order must be 0, 1 or 2, got \(reflectionOrder).")
        }
        try OptionRanges.check("--ground-g", groundG, 0 ... 1, unit: "")
        try OptionRanges.check("--max-error", maxError, 0 ... 3, unit: "dB")
        try OptionRanges.check("--favourable-day", favourableDay, 0 ... 1, unit: "")
        try OptionRanges.check("--favourable-evening", favourableEvening, 0 ... 1, unit: "")
        try OptionRanges.check("--favourable-night", favourableNight, 0 ... 1, unit: "")
        try OptionRanges.check("--humidity", humidity, 1 ... 100, unit: "%")
        if let buildingHeight { try OptionRanges.check("--building-height", buildingHeight, 1 ... 500, unit: "m") }
    }

    var options: NoiseOptions {
        var options = NoiseOptions()
        options.coefficientSet = coefficients
        options.airTemperature = temperature
        options.minimumPowerSpeedKmh = noSpeedFloor ? nil : 20
        options.searchRadius = searchRadius
        options.canyonSurcharge = canyonSurcharge
        options.screening = screening
        options.method = propagation
        options.reflectionOrder = reflectionOrder
        options.lateralDiffraction = lateralDiffraction
        options.groundG = groundG
        options.maxError = maxError
        options.favourable = PerPeriod(day: favourableDay, evening: favourableEvening, night: favourableNight)
        options.humidity = humidity
        options.buildingHeight = buildingHeight
        return options
    }
}

extension PropagationMethod: ExpressibleByArgument {}
