import Testing
import CNOSSOS

@Suite struct RoadSurfaceTests {
    @Test func codesFindTheirRows() {
        #expect(RoadSurface(code: "NL05") == .nl05)
        #expect(RoadSurface(code: "nl11 ") == .nl11)
        #expect(RoadSurface(code: "reference") == .reference)
        #expect(RoadSurface(code: "NL15") == nil)
        #expect(RoadSurface.all.count == 15)
        #expect(RoadSurface.nl10.validSpeeds == 30...60)
        #expect(RoadSurface.nl05.description == "NL05 SMA-NL8")
    }

    @Test func everyTableF4SurfaceHasCoefficientsInBothSets() {
        for set in CoefficientSet.allCases {
            for surface in RoadSurface.all where surface != .reference {
                #expect(set.surfaceCoefficients(for: surface, category: .light) != .none, "\(set) \(surface.code)")
            }
            #expect(set.surfaceCoefficients(for: .reference, category: .light) == .none)
            #expect(set.surfaceCoefficients(for: .nl11, category: .motorcycle) == .none)
        }
    }

    @Test func openStreetMapSurfaces() {
        #expect(RoadSurface.fromOSM("asphalt") == .reference)
        #expect(RoadSurface.fromOSM("paved") == .reference)
        #expect(RoadSurface.fromOSM("concrete") == .nl06)
        #expect(RoadSurface.fromOSM("concrete:plates") == .nl06)
        #expect(RoadSurface.fromOSM("paving_stones") == .nl10)
        #expect(RoadSurface.fromOSM("sett") == .nl11)
        #expect(RoadSurface.fromOSM("cobblestone") == .nl11)
        #expect(RoadSurface.fromOSM(" Unhewn_Cobblestone") == .nl11)
        #expect(RoadSurface.fromOSM("gravel") == nil)
        #expect(RoadSurface.fromOSM("compacted") == nil)
        #expect(RoadSurface.fromOSM("") == nil)
    }
}
