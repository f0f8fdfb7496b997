import ArgumentParser
import DistrictModel
import Indicators

/// `analyze --noise-grid M`: a noise map every M metres over the street layer's extent.
extension OptionRanges {
    /// Finer than a metre says nothing a facade receiver does not; coarser than a kilometre is no map.
    static let noiseGridSpacing: ClosedRange<Double> = 1...1000
}

extension NoiseModel {
    /// The grid of `analyze --noise-grid`, or a command failure naming what is wrong.
    func noiseGrid(forCommand district: District, spacing: Double, streets: [StreetNoise]?) async throws -> NoiseGrid {
        do { return try await noiseGrid(district, spacing: spacing, streets: streets) } catch {
            throw CommandFailure("noise grid failed: \(error)")
        }
    }
}
