import ArgumentParser
import Indicators

/// Options of the health-outcome estimate (Annex III of Directive 2002/49/EC), shared by the
/// analysing commands.
struct HealthArguments: ParsableArguments {
    @Option(name: .customLong("ihd-incidence"),
            help: "Ischaemic heart disease incidence in the area, new cases per 100,000 people a year (default: GBD 2017 worldwide crude rate, 140).")
    var ihdIncidence: Double = HealthOptions.defaultIHDIncidencePer100000

    func validate() throws {
        guard ihdIncidence.isFinite, ihdIncidence >= 0, ihdIncidence <= 100_000 else {
            throw ValidationError("--ihd-incidence must lie in 0 ... 100000 cases per 100,000 a year.")
        }
    }

    var options: HealthOptions { HealthOptions(ihdIncidencePer100000: ihdIncidence) }
}
