import Testing
import Projection

/// Debian ships no Spanish (or Catalan) ED50 grids, so PROJ falls back to Helmert shifts good to
/// 1-2 m and to a ballpark offset beyond them. The transformer must say so.
@Suite struct AccuracyNoteTests {
    @Test(arguments: ["EPSG:4230", "EPSG:23029", "EPSG:23030", "EPSG:23031"])
    func ed50SourcesCarryANote(source: String) throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: source, to: "EPSG:25831", context: context)
        let note = try #require(transformer.accuracyNote)
        #expect(note.contains(source), "\(note)")
        #expect(note.contains("not installed"), "\(note)")
        #expect(note.contains("ballpark"), "\(note)")
    }

    @Test func ed50StillTransformsClosely() throws {
        // echo "41.387 2.17" | cs2cs EPSG:4230 EPSG:25831 -f %.4f  -> 430507.5946 4581927.3040
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4230", to: "EPSG:25831", context: context)
        let point = try transformer.transform(x: 2.17, y: 41.387)
        #expect(abs(point.x - 430507.5946) < 0.001 && abs(point.y - 4581927.3040) < 0.001)
        // The inverse runs the same operations backwards, so it carries the note too, in its own words.
        let inverseNote = try #require(try transformer.inverse().accuracyNote)
        #expect(inverseNote.contains("from \"EPSG:25831\" to \"EPSG:4230\""), "\(inverseNote)")
    }

    @Test(arguments: [
        ("EPSG:4326", "EPSG:25831"),     // ETRS89 to WGS 84 (1): 1 m
        ("EPSG:4326", "EPSG:32631"),     // a pure projection
        ("EPSG:4326", "EPSG:3857"),
        ("EPSG:25831", "EPSG:25830"),    // re-projection on one datum
        ("EPSG:4258", "EPSG:25831"),
    ])
    func metreOrBetterHasNoNote(source: String, target: String) throws {
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: source, to: target, context: context)
        #expect(transformer.accuracyNote == nil, "\(transformer.accuracyNote ?? "")")
    }

    @Test func coarseDatumShiftIsNoted() throws {
        // OSGB36 needs the OSTN15 grid (not in proj-data); the best Helmert is good to 2 m.
        let context = try ProjectionContext()
        let transformer = try CoordinateTransformer(from: "EPSG:4326", to: "EPSG:27700", context: context)
        let note = try #require(transformer.accuracyNote)
        #expect(note.contains("2 m"), "\(note)")
    }
}
