import Testing
import CNOSSOS

@Suite struct FlowSpecTests {
    @Test func readsAndWritesQAtV() throws {
        let spec = try FlowSpec(parsing: "1000@50")
        #expect(spec.flow == TrafficFlow(vehiclesPerHour: 1000, speedKmh: 50))
        #expect(spec.description == "1000@50")
        #expect(try FlowSpec(parsing: " 12.5 @ 30 ").description == "12.5@30")
        #expect(try FlowSpec(parsing: "0@10").flow.vehiclesPerHour == 0)
        #expect(FlowSpec("250@7.5")?.flow == TrafficFlow(vehiclesPerHour: 250, speedKmh: 7.5))
        #expect(FlowSpec(FlowSpec(TrafficFlow(vehiclesPerHour: 33.25, speedKmh: 42)).description)?.flow.vehiclesPerHour == 33.25)
    }

    @Test func malformedTextSaysWhatIsWrong() {
        #expect(throws: FlowSpecError.empty) { try FlowSpec(parsing: "  ") }
        #expect(throws: FlowSpecError.missingSeparator("1000/50")) { try FlowSpec(parsing: "1000/50") }
        #expect(throws: FlowSpecError.tooManySeparators("1@2@3")) { try FlowSpec(parsing: "1@2@3") }
        #expect(throws: FlowSpecError.notANumber(part: "flow", text: "many")) { try FlowSpec(parsing: "many@50") }
        #expect(throws: FlowSpecError.notANumber(part: "speed", text: "")) { try FlowSpec(parsing: "1000@") }
        #expect(throws: FlowSpecError.notANumber(part: "flow", text: "nan")) { try FlowSpec(parsing: "nan@50") }
        #expect(throws: FlowSpecError.negativeFlow(-5)) { try FlowSpec(parsing: "-5@50") }
        #expect(throws: FlowSpecError.nonPositiveSpeed(0)) { try FlowSpec(parsing: "100@0") }
        #expect(FlowSpec("100@-3") == nil)
    }

    @Test func errorMessagesShowTheExpectedForm() {
        #expect(FlowSpecError.missingSeparator("1000/50").description == "'1000/50' has no '@': expected Q@V, e.g. 1000@50 (vehicles per hour @ km/h)")
        #expect(FlowSpecError.nonPositiveSpeed(0).description == "the speed must be more than 0 km/h, got 0.0")
    }
}
