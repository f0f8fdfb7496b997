import Foundation
import GeoJSON
import Testing

@Suite struct PropertyTests {
    private func properties(_ json: String) throws -> [String: PropertyValue] {
        try decode(collectionText(featureText("null", properties: json))).features[0].properties
    }

    @Test func everyJSONValueKindIsKept() throws {
        let decoded = try properties(#"""
            {"osm_id": 4744966, "width": 14.5, "negative": -3e-2, "name": "Carrer de Casanova", "lit": true,
             "oneway": false, "note": null, "lanes": [1, "2", null], "nested": {"a": {"b": [true, {"c": 1}]}},
             "empty_array": [], "empty_object": {}}
            """#)
        #expect(decoded == [
            "osm_id": 4_744_966, "width": 14.5, "negative": -0.03, "name": "Carrer de Casanova", "lit": true,
            "oneway": false, "note": .null, "lanes": [1, "2", .null], "nested": ["a": ["b": [true, ["c": 1]]]],
            "empty_array": [], "empty_object": [:],
        ])
    }

    @Test func stringEscapesAndUnicodeAreDecoded() throws {
        let decoded = try properties(#"""
            {"apostrophe": "Carrer d'Aragó", "escaped_e": "Caf\u00e9", "bike": "\ud83d\udeb2 lane",
             "controls": "tab\tnewline\nreturn\rquote\"backslash\\slash\/bell\b\f",
             "raw_emoji": "🚲", "k\u00ebY": "escaped key", "han": "\u4e2d\u6587"}
            """#)
        #expect(decoded["apostrophe"] == .string("Carrer d'Arag\u{F3}"))
        #expect(decoded["escaped_e"] == .string("Caf\u{E9}"))
        #expect(decoded["bike"] == .string("\u{1F6B2} lane"))
        #expect(decoded["controls"] == .string("tab\tnewline\nreturn\rquote\"backslash\\slash/bell\u{08}\u{0C}"))
        #expect(decoded["raw_emoji"] == .string("\u{1F6B2}"))
        #expect(decoded["k\u{EB}Y"] == .string("escaped key"))
        #expect(decoded["han"] == .string("\u{4E2D}\u{6587}"))
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        #expect(try properties(#"{"a": 1, "a": 2}"#) == ["a": 2])
    }

    @Test func stringValueFormatsNumbersWithoutNoise() {
        #expect(PropertyValue.number(4_744_966).stringValue == "4744966")
        #expect(PropertyValue.number(4.6).stringValue == "4.6")
        #expect(PropertyValue.number(-0.5).stringValue == "-0.5")
        #expect(PropertyValue.number(0.1 + 0.2).stringValue == "0.3")
        #expect(PropertyValue.number(-0.0).stringValue == "0")
        #expect(PropertyValue.number(1e-7).stringValue == "1e-07")
        #expect(PropertyValue.number(1e20).stringValue == "1e+20")
        #expect(PropertyValue.number(123_456_789_012.75).stringValue == "123456789012.75")
        #expect(PropertyValue.string("Carrer").stringValue == "Carrer")
        #expect(PropertyValue.bool(true).stringValue == "true")
        #expect(PropertyValue.bool(false).stringValue == "false")
        #expect(PropertyValue.null.stringValue == nil)
        #expect(PropertyValue.array([1]).stringValue == nil)
        #expect(PropertyValue.object(["a": 1]).stringValue == nil)
    }

    @Test func doubleValueReadsNumbersAndPlainDecimalStrings() {
        #expect(PropertyValue.number(14).doubleValue == 14)
        #expect(PropertyValue.string("6").doubleValue == 6)
        #expect(PropertyValue.string(" 4.6 ").doubleValue == 4.6)
        #expect(PropertyValue.string("-1.5e3").doubleValue == -1500)
        #expect(PropertyValue.string(".5").doubleValue == 0.5)
        #expect(PropertyValue.string("+2").doubleValue == 2)
        for text in ["50 mph", "3;4", "1,5", "", " ", "-", ".", "e5", "1e", "inf", "nan", "0x10", "NaN", "1e999"] {
            #expect(PropertyValue.string(text).doubleValue == nil, "\(text)")
        }
        #expect(PropertyValue.bool(true).doubleValue == nil)
        #expect(PropertyValue.null.doubleValue == nil)
    }

    @Test func featureIDsAreTextWhateverTheirJSONType() throws {
        let text = collectionText(
            featureText("null", id: "4744966"),
            featureText("null", id: #""way/4744966""#),
            featureText("null", id: "12.5"),
            featureText("null", id: "-3"),
            featureText("null", id: "null"),
            featureText("null")
        )
        #expect(try decode(text).features.map(\.id) == ["4744966", "way/4744966", "12.5", "-3", nil, nil])
    }
}
