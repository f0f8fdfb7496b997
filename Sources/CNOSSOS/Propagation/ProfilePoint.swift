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
    /// its absorption coefficient per octave band.
    public struct Wall: Sendable, Hashable {
        public var start: (x: Double, y: Double, z: Double) { (corners[0], corners[1], corners[2]) }
        public var end: (x: Double, y: Double, z: Double) { (corners[3], corners[4], corners[5]) }
        /// x0, y0, z0, x1, y1, z1.
        public var corners: [Double]
        /// Absorption coefficient alpha per band 63 Hz..8 kHz.
        public var alpha: [Double]

        public init(start: (Double, Double, Double), end: (Double, Double, Double), alpha: [Double]) {
            self.corners = [start.0, start.1, start.2, end.0, end.1, end.2]
            self.alpha = alpha
        }

        /// Height of the wall's top above the point (x, y) of its foot line, interpolated
        /// linearly between the corners (walls may have sloping tops).
        public func topHeight(atX x: Double, y: Double) -> Double {
            let dx = end.x - start.x, dy = end.y - start.y
            let lengthSquared = dx * dx + dy * dy
            guard lengthSquared > 0 else { return start.z }
            let t = ((x - start.x) * dx + (y - start.y) * dy) / lengthSquared
            return start.z + t * (end.z - start.z)
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
