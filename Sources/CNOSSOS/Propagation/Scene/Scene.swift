/// A 3D scene for point-to-point propagation: one point source, one receiver, the obstacles
/// between them, the ground and the terrain, and the path finder's settings.
///
/// The schema is that of the ISO/TR 17534-4 scenes (`../shared/data/iso_17534_4/scenes/README.md`):
/// a local metric frame, every z an absolute elevation, obstacle z the elevation of their top.
/// The path finder (`ScenePathFinder`) turns it into the `CutProfile`s the evaluator computes.
public struct Scene: Sendable {
    /// A point of the scene: plan position and absolute elevation.
    public struct Vertex: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var z: Double

        public init(_ x: Double, _ y: Double, _ z: Double) {
            self.x = x
            self.y = y
            self.z = z
        }

        var plan: PlanPoint { PlanPoint(x, y) }
    }

    public struct Source: Sendable {
        public var position: Vertex
        /// Sound power level per octave band 63 Hz..8 kHz (dB re 1 pW).
        public var power: [Double]

        public init(position: Vertex, power: [Double]) {
            self.position = position
            self.power = power
        }
    }

    /// A building: a footprint with a flat roof; every vertex's z is the roof elevation there.
    public struct Building: Sendable {
        /// Exterior ring, counter-clockwise, not closed (the first vertex is not repeated).
        public var ring: [Vertex]
        /// Absorption coefficient per octave band, for reflections on its facades.
        public var alpha: [Double]

        /// `ring` may run either way round; it is kept counter-clockwise.
        public init(ring: [Vertex], alpha: [Double]) {
            self.ring = signedArea2(ring.map(\.plan)) < 0 ? ring.reversed() : ring
            self.alpha = alpha
        }
    }

    /// A thin wall (screen): a 3D polyline along its top, no thickness.
    public struct Wall: Sendable {
        public var line: [Vertex]
        public var alpha: [Double]

        public init(line: [Vertex], alpha: [Double]) {
            self.line = line
            self.alpha = alpha
        }
    }

    /// A zone of ground factor G. Zones do not overlap.
    public struct GroundZone: Sendable {
        public var shell: [PlanPoint]
        public var holes: [[PlanPoint]]
        public var g: Double

        public init(shell: [PlanPoint], holes: [[PlanPoint]] = [], g: Double) {
            self.shell = shell
            self.holes = holes
            self.g = g
        }
    }

    /// What the path finder does and the conditions it evaluates in (`settings` of the schema).
    public struct Settings: Sendable {
        public var reflectionOrder: Int = 1
        /// Paths round the vertical edges of obstacles (left and right).
        public var lateralDiffraction: Bool = true
        /// Diffraction over the top of obstacles; without it a path whose line of sight is
        /// blocked is dropped.
        public var verticalDiffraction: Bool = true
        public var temperature: Double = 15
        public var humidity: Double = 70
        public var favourableProbability: Double = 0.5
        /// G where no ground zone applies.
        public var defaultGroundG: Double = 0
        public var maxSourceDistance: Double = 1200
        public var maxReflectionDistance: Double = 700
        /// The reference profile files of the case, when the scene names them (test data).
        public var profiles: [String] = []

        public init() {}
    }

    /// A label for reports ("TC08").
    public var name: String
    public var source: Source
    public var receiver: Vertex
    public var buildings: [Building]
    public var walls: [Wall]
    public var groundZones: [GroundZone]
    /// Terrain break lines: the terrain is the triangulated surface through them.
    public var breakLines: [[Vertex]]
    public var settings: Settings

    public init(name: String, source: Source, receiver: Vertex, buildings: [Building] = [], walls: [Wall] = [],
                groundZones: [GroundZone] = [], breakLines: [[Vertex]] = [], settings: Settings = Settings()) {
        self.name = name
        self.source = source
        self.receiver = receiver
        self.buildings = buildings
        self.walls = walls
        self.groundZones = groundZones
        self.breakLines = breakLines
        self.settings = settings
    }

    public var conditions: PropagationConditions {
        PropagationConditions(temperature: settings.temperature, humidity: settings.humidity,
                              favourableProbability: settings.favourableProbability)
    }
}
