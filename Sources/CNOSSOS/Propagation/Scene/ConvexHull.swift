/// The convex hull in plan of some items (Andrew's monotone chain), counter-clockwise, without
/// collinear points or duplicates (the first of items at the same place is kept).
func convexHull<T>(_ items: [T], plan: (T) -> PlanPoint) -> [T] {
    var unique: [T] = []
    var seen = Set<PlanPoint>()
    for item in items where seen.insert(plan(item)).inserted { unique.append(item) }
    guard unique.count >= 3 else { return unique }
    let sorted = unique.sorted { plan($0).x != plan($1).x ? plan($0).x < plan($1).x : plan($0).y < plan($1).y }
    func turn(_ o: T, _ a: T, _ b: T) -> Double { (plan(a) - plan(o)).cross(plan(b) - plan(o)) }
    var lower: [T] = [], upper: [T] = []
    for item in sorted {
        while lower.count >= 2 && turn(lower[lower.count - 2], lower[lower.count - 1], item) <= 1e-12 { lower.removeLast() }
        lower.append(item)
    }
    for item in sorted.reversed() {
        while upper.count >= 2 && turn(upper[upper.count - 2], upper[upper.count - 1], item) <= 1e-12 { upper.removeLast() }
        upper.append(item)
    }
    return Array(lower.dropLast() + upper.dropLast())
}
