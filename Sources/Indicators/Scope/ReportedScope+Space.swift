import DistrictModel

extension ReportedScope {
    /// The street space of the reported streets: their rows, the junctions any of them meets at,
    /// the pieces behind those, and the district totals summed over them alone. Cells stay as they
    /// are: a cell is the user's polygon and counts what lies inside it.
    public func space(_ allocation: SpaceAllocation) -> SpaceAllocation {
        guard hasContext else { return allocation }
        var newStreetPosition: [Int: Int] = [:]
        var streetRows: [StreetAllocation] = []
        var contextOrigins: Set<String> = []
        for (position, street) in allocation.streets.enumerated() {
            if position >= streets.count || streets[position] {
                newStreetPosition[position] = streetRows.count
                streetRows.append(street)
            } else {
                contextOrigins.insert("\(street.origin)")
            }
        }
        let reportedIDs = Set(streetRows.map(\.id))
        var newJunctionPosition: [Int: Int] = [:]
        var junctions: [JunctionAllocation] = []
        for (position, junction) in allocation.junctions.enumerated() where junction.streets.contains(where: reportedIDs.contains) {
            newJunctionPosition[position] = junctions.count
            junctions.append(junction)
        }

        var district = SpaceAreas()
        var lengthByCategory: [SpaceCategory: Double] = [:]
        for street in streetRows {
            // What the street holds itself: a road's row also shows its separate sidewalks, which
            // have their own rows and must not be counted twice.
            district += street.ownAreas
            if let section = street.section { lengthByCategory[section.carriagewayCategory, default: 0] += street.length }
        }
        for junction in junctions { district += junction.areas }

        var result = allocation
        result.streets = streetRows
        result.junctions = junctions
        result.district = district
        result.lengthByCategory = lengthByCategory
        result.warnings = allocation.warnings.filter { !contextOrigins.contains("\($0.origin)") }
        result.pieces = allocation.pieces.compactMap { piece in
            var moved = piece
            switch piece.owner {
            case .street(let position):
                guard let new = newStreetPosition[position] else { return nil }
                moved.owner = .street(new)
            case .junction(let position):
                guard let new = newJunctionPosition[position] else { return nil }
                moved.owner = .junction(new)
            }
            return moved
        }
        return result
    }
}
