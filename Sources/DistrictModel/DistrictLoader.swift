import Foundation
import GeoJSON
import GeometryEngine
import Projection

/// Reads district files into a `District`: sorts features into layers, moves every coordinate
/// into one metric CRS, and repairs or skips what is broken, recording each problem.
public struct DistrictLoader: Sendable {
    public var options: LoadOptions

    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads and merges the features of several GeoJSON files.
    public func load(_ files: [URL]) throws(DistrictLoadError) -> District {
        var inputs: [NamedCollection] = []
        for url in files {
            if OSMFileType.isExtract(url.path) {
                inputs.append(try Self.readExtract(url))
                continue
            }
            do {
                inputs.append(NamedCollection(name: url.relativePath, collection: try GeoJSONReader(checksGeographicRange: options.inputCRS == nil).read(contentsOf: url)))
            } catch {
                // The reader names the file by its last component; name it by the path given.
                let feature = error.featureIndex.map { "feature \($0)" + (error.featureID.map { " (id \($0))" } ?? "") + ": " } ?? ""
                throw DistrictLoadError(file: url.relativePath, message: feature + error.message)
            }
        }
        return try load(inputs)
    }

    /// Loads collections already in memory; `name` stands for the file in messages.
    public func load(_ inputs: [NamedCollection]) throws(DistrictLoadError) -> District {
        let projection: ProjectionContext
        do { projection = try ProjectionContext() } catch { throw DistrictLoadError(file: "-", message: error.description) }

        var problems: [LoadProblem] = []
        var unclassified = 0
        var pending: [(feature: DistrictFeature, crs: String)] = []
        var sourceCRS: [String: String] = [:]
        let classifier = LayerClassifier()

        for input in inputs {
            problems += input.problems
            let crs = input.isOSMExtract ? "OGC:CRS84" : options.inputCRS ?? input.collection.crs ?? "OGC:CRS84"
            sourceCRS[input.name] = crs
            for (index, feature) in input.collection.features.enumerated() {
                let attributes = Attributes(feature.properties)
                let id = Self.identifier(of: feature, attributes: attributes)
                let origin = FeatureOrigin(file: input.name, index: index, id: id)
                for key in feature.duplicatePropertyKeys {
                    problems.append(LoadProblem(origin: origin, message: "property \(key) is given more than once; the last value is used", action: .kept))
                }
                guard let geometry = feature.geometry else {
                    problems.append(LoadProblem(origin: origin, message: "has no geometry", action: .skipped))
                    continue
                }
                guard let layer = classifier.layer(of: attributes, family: geometry.family) else {
                    unclassified += 1
                    continue
                }
                guard layer.accepts.contains(geometry.family) else {
                    problems.append(LoadProblem(origin: origin, message: "a \(layer) feature cannot be a \(geometry.typeName)", action: .skipped))
                    continue
                }
                let resolvedID = id ?? "\(URL(fileURLWithPath: input.name).lastPathComponent)#\(index)"
                let (checked, rejected) = AttributeLimits.check(attributes, layer: layer, origin: origin)
                problems += rejected
                pending.append((DistrictFeature(id: resolvedID, layer: layer, geometry: geometry, attributes: checked, origin: origin), crs))
            }
        }

        try CoordinatePlausibility.check(pending, projection: projection)
        var warnings: [String] = []
        let metric = try chooseMetricCRS(pending, sourceCRS: sourceCRS, projection: projection, warnings: &warnings)
        var notes: [String] = []
        var transformers: [String: CoordinateTransformer] = [:]
        for crs in Set(sourceCRS.values) where crs != metric {
            do {
                let transformer = try CoordinateTransformer(from: crs, to: metric, context: projection)
                if let note = transformer.accuracyNote { notes.append("\(crs) -> \(metric): \(note)") }
                transformers[crs] = transformer
            } catch {
                let file = sourceCRS.first { $0.value == crs }?.key ?? "-"
                throw DistrictLoadError(file: file, message: "cannot transform from \(crs) to \(metric): \(error.description)")
            }
        }

        let geometryContext = GeometryContext()
        var features: [DistrictFeature] = []
        features.reserveCapacity(pending.count)
        for (candidate, crs) in pending {
            var feature = candidate
            if let transformer = transformers[crs] {
                var failed = false
                feature.geometry = feature.geometry.mapBuffers { buffer in
                    var xy = buffer
                    if !transformer.transform(&xy).failedIndices.isEmpty { failed = true }
                    return xy
                }
                if failed {
                    problems.append(LoadProblem(origin: feature.origin, message: "coordinates cannot be transformed from \(crs) to \(metric)", action: .skipped))
                    continue
                }
            }
            switch checkGeometry(of: &feature, in: geometryContext) {
            case .none: features.append(feature)
            case .some(let problem):
                problems.append(problem)
                if problem.action != .skipped { features.append(feature) }
            }
        }
        if let error = ExtentLimit.check(features, crs: metric) { throw error }
        let deduplicated = DuplicateGeometries.remove(from: features)
        features = deduplicated.kept
        problems += deduplicated.problems
        problems.append(contentsOf: Self.duplicateIDs(in: features))

        var district = District(crs: metric, sourceCRS: sourceCRS, transformNotes: notes.sorted(), features: features,
                                problems: problems, unclassifiedCount: unclassified,
                                geographicExtent: Self.geographicExtent(of: features, crs: metric, projection: projection))
        district.warnings = warnings
        district.inputNotes = inputs.flatMap(\.notes)
        return district
    }

    /// The feature's stable id: own `id`, then the OSM keys, then the GeoJSON feature id.
    static func identifier(of feature: Feature, attributes: Attributes) -> String? {
        attributes.string("id", "osm_id", "@id") ?? feature.id
    }

    /// The metric CRS as `choose` finds it, unless it distorts areas by more than
    /// `MetricCRS.maximumArealDistortion` at the data's centre (Web Mercator): then the UTM zone of
    /// the centre, with a warning saying so.
    private func chooseMetricCRS(_ pending: [(feature: DistrictFeature, crs: String)], sourceCRS: [String: String],
                                 projection: ProjectionContext, warnings: inout [String]) throws(DistrictLoadError) -> String {
        let chosen = try choose(pending, sourceCRS: sourceCRS, projection: projection)
        warnings += Self.areaOfUseWarnings(pending, sourceCRS: sourceCRS, projection: projection)
        guard let centre = Self.geographicCentre(of: pending, projection: projection),
              let scale = try? MetricCRS.arealScale(of: chosen, longitude: centre.x, latitude: centre.y, context: projection),
              abs(scale - 1) > MetricCRS.maximumArealDistortion else { return chosen }
        let utm = MetricCRS.utm(longitude: centre.x, latitude: centre.y)
        let percent = String(Int(((scale - 1) * 100).rounded()))
        warnings.append("\(chosen) distorts areas by \(percent) % at the data's centre, too much for areas and distances "
                        + "(web maps' EPSG:3857 does so): metric work uses \(utm) instead")
        return utm
    }

    /// Data whose centre lies far (over 10 degrees) outside its projected CRS's area of use, or
    /// cannot be placed on the globe at all: swapped eastings and northings, or the wrong EPSG code.
    /// A warning, not an error: small synthetic districts near a CRS's false origin are legitimate.
    static func areaOfUseWarnings(_ pending: [(feature: DistrictFeature, crs: String)], sourceCRS: [String: String],
                                  projection: ProjectionContext) -> [String] {
        var warnings: [String] = []
        for crs in Set(sourceCRS.values).sorted() {
            guard (try? MetricCRS.isGeographic(crs, context: projection)) == false,
                  let area = try? MetricCRS.areaOfUse(of: crs, context: projection) else { continue }
            let mine = pending.filter { $0.crs == crs }
            guard let box = mine.compactMap({ $0.feature.geometry.envelope }).reduce(nil, { $0?.union($1) ?? $1 }) else { continue }
            let files = Set(mine.map(\.feature.origin.file)).sorted().joined(separator: ", ")
            var xy = [box.center.x, box.center.y]
            guard let transformer = try? CoordinateTransformer(from: crs, to: "OGC:CRS84", context: projection),
                  transformer.transform(&xy).failedIndices.isEmpty, xy[0].isFinite, xy[1].isFinite else {
                warnings.append("\(files): the centre of the data (\(box.center.x), \(box.center.y)) is no place on Earth in \(crs)")
                continue
            }
            let margin = 10.0
            if !(xy[0] >= area.west - margin && xy[0] <= area.east + margin && xy[1] >= area.south - margin && xy[1] <= area.north + margin) {
                warnings.append("\(files): the data's centre (lon \(String(format: "%.2f", xy[0])), lat \(String(format: "%.2f", xy[1]))) "
                                + "lies far outside the area of use of \(crs) (lon \(area.west) ... \(area.east), lat \(area.south) ... "
                                + "\(area.north)); check the CRS and the axis order")
            }
        }
        return warnings
    }

    /// The centre of all features' bounding boxes in longitude and latitude, when it can be found.
    static func geographicCentre(of pending: [(feature: DistrictFeature, crs: String)], projection: ProjectionContext) -> (x: Double, y: Double)? {
        var boxes: [String: Envelope] = [:]
        for (feature, crs) in pending {
            if let box = feature.geometry.envelope { boxes[crs] = boxes[crs]?.union(box) ?? box }
        }
        guard let (crs, box) = boxes.sorted(by: { $0.key < $1.key }).first else { return nil }
        var xy = [box.center.x, box.center.y]
        if crs != "OGC:CRS84" {
            guard let transformer = try? CoordinateTransformer(from: crs, to: "OGC:CRS84", context: projection),
                  transformer.transform(&xy).failedIndices.isEmpty else { return nil }
        }
        guard (-180...180).contains(xy[0]), (-90...90).contains(xy[1]) else { return nil }
        return (xy[0], xy[1])
    }

    private func choose(_ pending: [(feature: DistrictFeature, crs: String)], sourceCRS: [String: String],
                        projection: ProjectionContext) throws(DistrictLoadError) -> String {
        if let chosen = options.metricCRS {
            // Areas and distances in degrees would be silently wrong: refuse a geographic CRS.
            let geographic: Bool
            do { geographic = try MetricCRS.isGeographic(chosen, context: projection) } catch {
                throw DistrictLoadError(file: "--metric-crs", message: "unknown CRS \(chosen): \(error.description)")
            }
            if geographic {
                throw DistrictLoadError(file: "--metric-crs", message: "\(chosen) is geographic (degrees); give a projected CRS in metres, e.g. EPSG:25831")
            }
            return chosen
        }
        var geographicBox: Envelope?
        for crs in Set(sourceCRS.values).sorted() {
            let geographic: Bool
            do { geographic = try MetricCRS.isGeographic(crs, context: projection) } catch {
                let file = sourceCRS.first { $0.value == crs }?.key ?? "-"
                throw DistrictLoadError(file: file, message: "unknown CRS \(crs): \(error.description)")
            }
            if !geographic {
                return crs
            }
            for (feature, featureCRS) in pending where featureCRS == crs {
                if let box = feature.geometry.envelope { geographicBox = geographicBox?.union(box) ?? box }
            }
        }
        // No coordinates at all: nothing to measure, any CRS will do; keep the input's.
        guard let box = geographicBox else { return sourceCRS.values.sorted().first ?? "OGC:CRS84" }
        return MetricCRS.utm(longitude: box.center.x, latitude: box.center.y)
    }

    /// Repairs or skips invalid polygons and drops degenerate lines, as the options say.
    private func checkGeometry(of feature: inout DistrictFeature, in context: GeometryContext) -> LoadProblem? {
        // An empty polygon once counted as a building with green within 300 m: nothing to measure.
        guard feature.geometry.envelope != nil else {
            return LoadProblem(origin: feature.origin, message: "empty \(feature.geometry.typeName)", action: .skipped)
        }
        var vertices = 0
        feature.geometry.forEachBuffer { vertices += $0.count / 2 }
        guard vertices <= ExtentLimit.maximumVertices else {
            return LoadProblem(origin: feature.origin, message: "\(vertices) vertices, more than the \(ExtentLimit.maximumVertices) "
                               + "one feature may have", action: .skipped)
        }
        let geometry: Geometry
        do { geometry = try context.geometry(from: feature.geometry) } catch {
            return LoadProblem(origin: feature.origin, message: "unusable geometry: \(error.message)", action: .skipped)
        }
        switch feature.geometry.family {
        case .line:
            if geometry.length == 0 {
                return LoadProblem(origin: feature.origin, message: "line has zero length", action: .skipped)
            }
            // A street area drawn as a closed way is a polygon to the analysis: its ring is checked
            // as one (the allocation repairs it the same way; the feature itself stays a line).
            guard feature.layer == .street, let ring = feature.closedAreaRing else { return nil }
            let polygon: Geometry
            do { polygon = try Geometry.polygon([ring], in: context) } catch {
                return LoadProblem(origin: feature.origin, message: "unusable closed way (area=yes): \(error.message)", action: .skipped)
            }
            guard let problem = polygon.validityProblem else { return nil }
            return repairOrSkip(polygon, message: "invalid closed way (area=yes): \(problem)", origin: feature.origin) { _ in }
        case .polygon:
            guard let problem = geometry.validityProblem else { return nil }
            return repairOrSkip(geometry, message: "invalid \(feature.geometry.typeName): \(problem)", origin: feature.origin) { repaired in
                feature.geometry = repaired.geoJSON
            }
        case .point, .mixed:
            break
        }
        return nil
    }

    /// The problem of an invalid polygon: repaired (`use` is given the repaired polygon) or skipped,
    /// as `--invalid` says, and skipped when nothing of it is left.
    private func repairOrSkip(_ geometry: Geometry, message: String, origin: FeatureOrigin, use: (Geometry) -> Void) -> LoadProblem {
        guard options.invalidGeometry == .repair else { return LoadProblem(origin: origin, message: message, action: .skipped) }
        do {
            guard let repaired = try geometry.makeValid().polygonalParts(), repaired.area > 0 else {
                return LoadProblem(origin: origin, message: message + "; nothing left after repair", action: .skipped)
            }
            use(repaired)
            return LoadProblem(origin: origin, message: message, action: .repaired)
        } catch {
            return LoadProblem(origin: origin, message: message + "; repair failed: \(error.message)", action: .skipped)
        }
    }

    /// Two streets with one id cannot be told apart in a before/after comparison: say so.
    static func duplicateIDs(in features: [DistrictFeature]) -> [LoadProblem] {
        var seen: [String: FeatureOrigin] = [:]
        var problems: [LoadProblem] = []
        for feature in features where feature.layer == .street || feature.layer == .superblock {
            let key = "\(feature.layer)/\(feature.id)"
            if let first = seen[key] {
                problems.append(LoadProblem(origin: feature.origin, message: "id \(feature.id) is also used by \(first)", action: .kept))
            } else {
                seen[key] = feature.origin
            }
        }
        return problems
    }

    static func geographicExtent(of features: [DistrictFeature], crs: String, projection: ProjectionContext) -> Envelope? {
        guard let box = features.compactMap({ $0.geometry.envelope }).reduce(nil, { $0?.union($1) ?? $1 }),
              let transformer = try? CoordinateTransformer(from: crs, to: "OGC:CRS84", context: projection) else { return nil }
        var corners = [box.minX, box.minY, box.maxX, box.minY, box.maxX, box.maxY, box.minX, box.maxY]
        guard transformer.transform(&corners).failedIndices.isEmpty else { return nil }
        return Envelope(xy: corners)
    }
}

/// A parsed collection and the name (usually the path) that stands for it in messages.
public struct NamedCollection: Sendable {
    public var name: String
    public var collection: FeatureCollection
    /// Problems met before the features (the objects of an OSM extract osmium could not assemble).
    public var problems: [LoadProblem]
    /// What the report should say about the input (the osmium version, the extract's date).
    public var notes: [String]
    /// An OSM extract's features are WGS 84 whatever `--crs` says (osmium exports lon/lat).
    public var isOSMExtract: Bool

    public init(name: String, collection: FeatureCollection, problems: [LoadProblem] = [], notes: [String] = [], isOSMExtract: Bool = false) {
        self.name = name
        self.collection = collection
        self.problems = problems
        self.notes = notes
        self.isOSMExtract = isOSMExtract
    }
}
