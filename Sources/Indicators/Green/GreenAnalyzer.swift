import DistrictModel
import GeoJSON
import GeometryEngine

/// Green space, access and trees for the residents of a district (DESIGN.md section 4.3).
public struct GreenAnalyzer: Sendable {
    public var options: GreenOptions
    /// Told of the stage and of each building done (nil: nobody is told).
    public var progress: (any ProgressReporter)?

    public init(options: GreenOptions = GreenOptions(), progress: (any ProgressReporter)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// - Parameter extraGreen: polygons to treat as green as well (the `--green-lots` what-if).
    public func analyse(_ district: District, population: [BuildingPopulation],
                        extraGreen: [DistrictFeature] = []) throws(GeometryError) -> GreenAnalysis {
        progress?.beginStage("green access", total: district.buildings.count)
        let context = GeometryContext()
        let green = try GreenSpaces(district.greens + extraGreen, context: context)
        let halfHectare = try green.atLeast(options.minimumArea)
        let hectare = try green.atLeast(options.largeArea)
        let classes = try options.proximityClasses.map { item throws(GeometryError) in try green.atLeast(item.area) }
        let buildings = try district.buildings.map { building throws(GeometryError) in try context.geometry(of: building) }
        let network = options.access == .walking ? try WalkingNetwork(streets: district.streets, context: context) : nil
        let distanceFinder = try AccessDistance(network: network, context: context, limit: options.proximityClasses.map(\.distance).max() ?? 0)

        // Trees: crown discs for canopy, points for "3 within 15 m".
        let treePoints = try district.trees.map { tree throws(GeometryError) in try context.geometry(of: tree) }
        let treeIndex = treePoints.isEmpty ? nil : try SpatialIndex(treePoints)
        // The study area and the sums cover the reported buildings and streets, not the context margin.
        let reportedBuildings = zip(district.buildings, buildings).filter { !$0.0.isContext }.map(\.1)
        let studyArea = try Self.studyArea(district, buildings: reportedBuildings, context: context)
        let canopy = try CanopyCover(trees: district.trees, points: treePoints, greens: district.greens, defaultCrownDiameter: options.defaultCrownDiameter, context: context)
        let neighbourhoods = try district.cells.map { cell throws(GeometryError) in try context.geometry(of: cell) }
        let neighbourhoodCanopy = try neighbourhoods.map { cell throws(GeometryError) in try canopy.percent(of: cell) }
        let districtCanopy = try studyArea.map { area throws(GeometryError) in try canopy.percent(of: area) }
        let preparedCells = try neighbourhoods.map { cell throws(GeometryError) in try PreparedGeometry(cell) }

        var results: [BuildingGreen] = []
        for (index, building) in district.buildings.enumerated() {
            defer { progress?.advance(by: 1) }
            let geometry = buildings[index]
            let people = index < population.count ? population[index].population : 0
            let nearest = try distanceFinder.distance(from: geometry, to: halfHectare)
            let nearestLarge = try distanceFinder.distance(from: geometry, to: hectare)
            var reached: [Bool] = []
            for (classIndex, item) in options.proximityClasses.enumerated() {
                let d = try distanceFinder.distance(from: geometry, to: classes[classIndex])
                reached.append(d.map { $0 <= item.distance } ?? false)
            }
            var treesNear = 0
            if let treeIndex, let box = geometry.envelope {
                treesNear = treeIndex.query(box.expanded(by: options.treeDistance)).filter {
                    treePoints[$0].isWithinDistance(options.treeDistance, of: geometry)
                }.count
            }
            let home = try geometry.pointOnSurface()
            let cellCanopy = preparedCells.firstIndex { $0.contains(home) }.map { neighbourhoodCanopy[$0] }
            let canopyHere = cellCanopy ?? districtCanopy ?? 0
            let green300 = nearest.map { $0 <= options.accessDistance } ?? false
            let meetsRule = treesNear >= options.treesNearHome && canopyHere >= options.canopyTargetPercent
                && (nearest.map { $0 <= options.ruleDistance } ?? false)
            results.append(BuildingGreen(
                id: building.id, population: people, green300m: green300,
                green300m1ha: nearestLarge.map { $0 <= options.accessDistance } ?? false, nearestGreen: nearest,
                proximityReached: reached, treesNear: treesNear, neighbourhoodCanopy: canopyHere, meets33300: meetsRule))
        }

        let sections = try StreetTrees(streets: district.streets.filter { !$0.isContext }, trees: treeIndex, context: context)
        let reported = zip(district.buildings, results).filter { !$0.0.isContext }.map(\.1)
        let residents = reported.reduce(0) { $0 + $1.population }
        func sum(_ include: (BuildingGreen) -> Bool) -> Double { reported.reduce(0) { $0 + (include($1) ? $1.population : 0) } }
        var insideStudyArea: Double?
        if let studyArea {
            var total = 0.0
            for part in green.parts { total += try part.intersection(studyArea).area }
            insideStudyArea = total
        }
        let summary = GreenSummary(
            residents: residents, greenArea: insideStudyArea ?? green.totalArea, greenAreaAll: green.totalArea,
            greenParts: green.parts.count, greenPartsAtLeastHalfHectare: halfHectare.parts.count,
            greenPartsAtLeastOneHectare: hectare.parts.count, studyArea: studyArea?.area ?? 0, canopyPercent: districtCanopy,
            residentsGreen300m: sum(\.green300m), residentsGreen300m1ha: sum(\.green300m1ha),
            residentsPerProximityClass: options.proximityClasses.indices.map { k in sum { $0.proximityReached[k] } },
            residentsAllProximityClasses: sum { $0.proximityClasses == options.proximityClasses.count },
            residentsTreesNear: sum { $0.treesNear >= options.treesNearHome }, residents33300: sum(\.meets33300),
            streetSections: sections.sections, streetSectionsWellTreed: sections.wellTreed(target: options.treesPerMetreTarget),
            access: options.access, inputs: GreenInputs(hasGreenLayer: !district.greens.isEmpty, hasTreeLayer: !district.trees.isEmpty))
        return GreenAnalysis(buildings: results, summary: summary)
    }

    /// Cells when given, else the convex hull of the buildings: the area green per resident refers to.
    static func studyArea(_ district: District, buildings: [Geometry], context: GeometryContext) throws(GeometryError) -> Geometry? {
        if !district.cells.isEmpty {
            let cells = try district.cells.map { cell throws(GeometryError) in try context.geometry(of: cell) }
            return try Geometry.union(of: cells, in: context)
        }
        guard !buildings.isEmpty else { return nil }
        return try Geometry.collection(buildings, as: .geometryCollection, in: context).convexHull()
    }
}
