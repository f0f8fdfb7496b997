extension RoadSurface {
    /// The Table F-4 surface that best stands for an OpenStreetMap `surface=*` value, or `nil`
    /// when CNOSSOS-EU has no row for it (unpaved, gravel, grass, wood, metal, unknown values):
    /// the caller must then choose a default and say so.
    ///
    /// Mapping and its assumptions (Table F-4 only offers Dutch surfaces, so this is a choice of
    /// the nearest acoustic family, not an identity):
    /// - `asphalt`, `paved`, `chipseal` -> reference. The reference *is* dense asphalt (DAC 0/11
    ///   and SMA 0/11); `paved` is assumed to be asphalt. Chip seal has no row and is louder
    ///   than the reference, so it is underestimated.
    /// - `concrete`, `concrete:plates`, `concrete:lanes` -> NL06 brushed down concrete, the
    ///   ordinary concrete finish of the catalogue (NL07 and NL08 are special finishes).
    /// - `paving_stones`, `bricks` -> NL10 hard elements in herring-bone: regular flat-topped
    ///   blocks, which on trafficked streets are laid in herring-bone bond to resist creep.
    /// - `sett`, `cobblestone`, `unhewn_cobblestone` -> NL11 hard elements not in herring-bone:
    ///   setts are laid in rows or arcs, not in herring-bone, and their chamfered or rough tops
    ///   make them the loudest paving; NL11 is the loudest row of Table F-4, and still likely an
    ///   underestimate for unhewn (rounded) cobbles.
    public static func fromOSM(_ surface: String) -> RoadSurface? {
        switch surface.trimmingWhitespace().lowercased() {
        case "asphalt", "paved", "chipseal":
            .reference
        case "concrete", "concrete:plates", "concrete:lanes":
            .nl06
        case "paving_stones", "bricks":
            .nl10
        case "sett", "cobblestone", "unhewn_cobblestone":
            .nl11
        default:
            nil
        }
    }
}
