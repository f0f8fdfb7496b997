/// One point of a vertical cut profile between a source and a receiver.
///
/// The schema is that of the ISO/TR 17534-4 profiles as NoiseModelling's path finder writes them
/// (`../shared/data/iso_17534_4/README.md`): world coordinates, the terrain under the point and the
/// ground factor G of the stretch that starts here.
public struct ProfilePoint: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case source, receiver
        /// The ray enters another ground zone; `g` is the new zone's G.
        case ground
        /// A break of the terrain's slope.
        case topography
        /// The ray crosses a building facade or a thin wall; `z` is the top of the wall.
        case wall
        /// The specular reflection point on a vertical wall.
        case reflection
        /// A vertical edge that a lateral path goes round; `z` is the ray's height there.
        case verticalEdge = "vertical_edge"
    }

    /// How the ray crosses a wall: into or out of a building (between the two it is over a roof,
    /// where G = 0), or through a thin screen.
    public enum Crossing: String, Sendable, Hashable {
        case buildingEnter = "BUILDING_ENTER"
        case buildingExit = "BUILDING_EXIT"
        case thinWall = "THIN_WALL_ENTER_EXIT"
    }

    /// A wall crossed or reflecting at this point: its two top corners (x, y, z of the top) and
    /// its absorption coefficient per octave band. Plain numbers, no arrays: profiles are built
    /// and copied for every source-receiver path of a district.
    public struct Wall: Sendable, Hashable {
        public var start: (x: Double, y: Double, z: Double) { (x0, y0, z0) }
        public var end: (x: Double, y: Double, z: Double) { (x1, y1, z1) }
        private var x0, y0, z0, x1, y1, z1: Double
        /// Absorption coefficient alpha per band 63 Hz..8 kHz (all 0 when none was given).
        public var absorption: SIMD8<Double>
        /// Whether absorption coefficients were given.
        public var hasAbsorption: Bool

        public init(start: (Double, Double, Double), end: (Double, Double, Double), alpha: [Double]) {
            (x0, y0, z0) = start
            (x1, y1, z1) = end
            var absorption = SIMD8<Double>(repeating: 0)
            for (i, value) in alpha.prefix(8).enumerated() { absorption[i] = value }
            self.absorption = absorption
            hasAbsorption = alpha.count >= 8
        }

        public init(start: (Double, Double, Double), end: (Double, Double, Double), absorption: SIMD8<Double>) {
            (x0, y0, z0) = start
            (x1, y1, z1) = end
            self.absorption = absorption
            hasAbsorption = true
        }

        /// x0, y0, z0, x1, y1, z1.
        public var corners: [Double] { [x0, y0, z0, x1, y1, z1] }

        /// Absorption per band as an array.
        public var alpha: [Double] { hasAbsorption ? (0 ..< 8).map { absorption[$0] } : [] }

        /// Height of the wall's top above the point (x, y) of its foot line, interpolated
        /// linearly between the corners (walls may have sloping tops).
        public func topHeight(atX x: Double, y: Double) -> Double {
            let dx = x1 - x0, dy = y1 - y0
            let lengthSquared = dx * dx + dy * dy
            guard lengthSquared > 0 else { return z0 }
            let t = ((x - x0) * dx + (y - y0) * dy) / lengthSquared
            return z0 + t * (z1 - z0)
        }
    }

    public var kind: Kind
    public var x: Double
    public var y: Double
    /// Absolute height of the point itself (source, receiver, wall top, ray height).
    public var z: Double
    /// Terrain height under the point.
    public var zGround: Double
    /// Ground factor G (0 hard .. 1 porous) of the stretch from this point to the next.
    public var g: Double
    public var wall: Wall?
    public var crossing: Crossing?

    public init(kind: Kind, x: Double, y: Double, z: Double, zGround: Double, g: Double,
                wall: Wall? = nil, crossing: Crossing? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.z = z
        self.zGround = zGround
        self.g = g
        self.wall = wall
        self.crossing = crossing
    }
}
