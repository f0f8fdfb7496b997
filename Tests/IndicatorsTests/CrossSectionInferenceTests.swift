import DistrictModel
import GeoJSON
import Testing

@Suite struct CrossSectionInferenceTests {
    let inference = CrossSectionInference()

    func section(_ tags: [String: String], separate: CrossSectionInference.SeparateSidewalks = .none) -> CrossSection {
        inference.crossSection(of: Attributes(tags.mapValues { PropertyValue.string($0) }), separateSidewalks: separate)
    }

    @Test func cerdaStreetFromOwnKeys() {
        let cerda = section(["highway": "residential", "width": "20", "carriageway:width": "10", "sidewalk:both:width": "5"])
        #expect(cerda.carriageway == 10)
        #expect(cerda.left == [CrossSection.Band(.pedestrian, 5)])
        #expect(cerda.right == [CrossSection.Band(.pedestrian, 5)])
        #expect(cerda.totalWidth == 20)
        #expect(cerda.defaulted.isEmpty)
    }

    @Test func fullWidthAndCarriagewayLeaveTheRestToSidewalks() {
        let street = section(["highway": "secondary", "width": "30", "carriageway:width": "16", "sidewalk": "both"])
        #expect(street.carriageway == 16)
        #expect(street.left == [CrossSection.Band(.pedestrian, 7)])
        #expect(street.defaulted.isEmpty)
    }

    @Test func osmWidthAloneIsTheCarriageway() {
        // Carrer d'Arago in the Eixample extract: 11 m, 3 lanes, sidewalks without widths.
        let arago = section(["highway": "primary", "width": "11", "lanes": "3", "sidewalk": "both"])
        #expect(arago.carriageway == 11)
        #expect(arago.left == [CrossSection.Band(.pedestrian, 5)])
        #expect(arago.defaulted == ["sidewalk:left", "sidewalk:right"])
    }

    @Test func lanesTimesLaneWidthWhenNoWidth() {
        let primary = section(["highway": "primary", "lanes": "4", "sidewalk": "no"])
        #expect(primary.carriageway == 13)  // 4 x 3.25 m
        #expect(primary.left.isEmpty && primary.right.isEmpty)
        #expect(primary.defaulted == ["carriageway"])
        let residential = section(["highway": "residential", "oneway": "yes", "sidewalk": "separate"])
        #expect(residential.carriageway == 3)  // 1 default lane of 3.0 m
        #expect(residential.defaulted == ["lanes", "carriageway"])
    }

    @Test func parkingAndCycleBandsComeOutOfTheCarriageway() {
        let street = section(["highway": "tertiary", "carriageway:width": "14", "parking:both": "parallel",
                              "cycleway:right": "lane", "sidewalk:both:width": "4"])
        #expect(street.carriageway == 14 - 2 - 2 - 1.5)
        #expect(street.left == [CrossSection.Band(.parking, 2), CrossSection.Band(.pedestrian, 4)])
        #expect(street.right == [CrossSection.Band(.parking, 2), CrossSection.Band(.cycle, 1.5), CrossSection.Band(.pedestrian, 4)])
        #expect(street.widthByCategory[.traffic] == 8.5)
        let track = section(["highway": "tertiary", "carriageway:width": "10", "cycleway:left": "track", "sidewalk": "no"])
        #expect(track.carriageway == 10)
        #expect(track.left == [CrossSection.Band(.cycle, 2)])
        #expect(track.defaulted == ["cycleway:left"])
    }

    @Test func separatelyMappedSidewalksAreNotAddedAgain() {
        let tagged = section(["highway": "secondary", "width": "15", "sidewalk:both": "separate"])
        #expect(tagged.carriageway == 15 && tagged.left.isEmpty && tagged.right.isEmpty)
        let found = section(["highway": "secondary", "width": "15"], separate: .init(left: true, right: false))
        #expect(found.left.isEmpty)
        #expect(found.right == [CrossSection.Band(.pedestrian, 5)])
    }

    @Test func singleBandStreets() {
        #expect(section(["highway": "living_street", "width": "6"]) == CrossSection(carriageway: 6, carriagewayCategory: .shared))
        #expect(section(["highway": "footway"]) == CrossSection(carriageway: 2, carriagewayCategory: .pedestrian, defaulted: ["width"]))
        #expect(section(["highway": "pedestrian", "width": "12"]).carriagewayCategory == .pedestrian)
        #expect(section(["highway": "cycleway", "width": "2.5"]) == CrossSection(carriageway: 2.5, carriagewayCategory: .cycle))
        let interior = section(["highway": "residential", "superblock": "interior", "width": "20", "carriageway:width": "10", "sidewalk:both:width": "5"])
        #expect(interior.carriagewayCategory == .shared)
    }

    @Test func badValuesWarnAndFallBackToDefaults() {
        let negative = section(["highway": "residential", "width": "-3", "lanes": "2", "sidewalk": "no"])
        #expect(negative.warnings == ["width=-3 is outside 0..200 m; ignored"])
        #expect(negative.carriageway == 6)
        let text = section(["highway": "residential", "lanes": "abc", "sidewalk": "no"])
        #expect(text.warnings == ["lanes=abc is not a whole number; ignored"])
        #expect(text.carriageway == 6)
        #expect(text.defaulted == ["lanes", "carriageway"])
        let huge = section(["highway": "residential", "width": "1e9", "lanes": "1", "sidewalk": "no"])
        #expect(huge.warnings == ["width=1e9 is outside 0..200 m; ignored"])
        #expect(huge.carriageway == 3)
    }

    @Test func osmMeasurementText() {
        let comma = section(["highway": "residential", "carriageway:width": "7,5", "sidewalk:both:width": "3.5 m"])
        #expect(comma.carriageway == 7.5)
        #expect(comma.left == [CrossSection.Band(.pedestrian, 3.5)])
    }
}

@Suite struct SharedWidthTests {
    let inference = CrossSectionInference()

    func section(_ tags: [String: String]) -> CrossSection {
        inference.crossSection(of: Attributes(tags.mapValues { PropertyValue.string($0) }))
    }

    @Test func sharedWidthKeepsACentralTrafficLane() {
        // A planned interior street: 10 m carriageway of which 6 m shared, 1 m green each side.
        let planned = section(["highway": "residential", "superblock": "interior", "width": "20", "carriageway:width": "8",
                               "shared:width": "6", "green:width": "1", "sidewalk:both:width": "5"])
        #expect(planned.carriageway == 2 && planned.carriagewayCategory == .traffic)
        #expect(planned.left == [CrossSection.Band(.shared, 3), CrossSection.Band(.green, 1), CrossSection.Band(.pedestrian, 5)])
        #expect(planned.right == planned.left)
        #expect(planned.totalWidth == 20)
        #expect(planned.widthByCategory == [.traffic: 2, .shared: 6, .green: 2, .pedestrian: 10])
        #expect(planned.warnings.isEmpty)
    }

    @Test func sharedWidthCoveringTheCarriagewayMakesItAllShared() {
        let whole = section(["highway": "residential", "carriageway:width": "8", "shared:width": "8", "sidewalk": "no"])
        #expect(whole == CrossSection(carriageway: 8, carriagewayCategory: .shared))
        let wider = section(["highway": "residential", "carriageway:width": "8", "shared:width": "9", "sidewalk": "no"])
        #expect(wider.carriagewayCategory == .shared && wider.carriageway == 8)
        #expect(wider.warnings == ["shared:width=9 is wider than the carriageway (8.0 m); the whole carriageway is shared"])
    }

    @Test func widthBesideTheCarriagewayIsParkingAndCycleLanes() {
        let tags: [String: String] = ["highway": "tertiary", "carriageway:width": "14", "parking:both": "parallel",
                                      "cycleway:right": "lane", "cycleway:left": "track"]
        let attributes = Attributes(tags.mapValues { PropertyValue.string($0) })
        // 2 x 2.0 m parallel parking + a 1.5 m lane; the track lies beyond the kerb.
        #expect(inference.widthBesideCarriageway(of: attributes) == 5.5)
        #expect(inference.crossSection(of: attributes).carriageway == 14 - 5.5)
    }
}
