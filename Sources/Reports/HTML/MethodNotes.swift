import Indicators

/// How each indicator was obtained and where its definition comes from (DESIGN.md section 4),
/// with the noise model's own notes (`NoiseAnalysis.notes`) for the settings of this run.
enum MethodNotes {
    static let streetSpace = [
        "Street space: each street becomes band polygons (carriageway, parking, cycle, green strip, sidewalk) from its OSM tags "
            + "or defaults; overlaps are counted once, by priority vehicle > cycle > green > pedestrian (DESIGN.md 4.1).",
        "Pedestrian share = (pedestrian + shared) / street space; minimum 60 %, desirable 75 % after BCNecologia's superblock "
            + "model (Agencia de Ecologia Urbana de Barcelona, S. Rueda).",
    ]

    static let noise = [
        "Road-traffic emission: CNOSSOS-EU, Directive 2002/49/EC Annex II 2.2 as amended by Commission Directive (EU) 2015/996 "
            + "and Commission Delegated Directive (EU) 2021/1226; octave bands 63 Hz - 8 kHz.",
        "Lden = 10 lg((12 x 10^(Ld/10) + 4 x 10^((Le+5)/10) + 8 x 10^((Ln+10)/10)) / 24) (Directive 2002/49/EC Annex I). "
            + "Reporting bands of 5 dB (Annex VI); WHO Environmental Noise Guidelines for the European Region (2018): "
            + "road traffic below Lden 53 dB and Lnight 45 dB; Spain's day objective Ld 65 dB(A) (RD 1367/2007).",
    ]

    static let health = [
        "Health outcomes: Commission Directive (EU) 2020/367 (Annex III of Directive 2002/49/EC): high annoyance from Lden "
            + "(Guski et al. 2017), high sleep disturbance from Lnight (Basner and McGuire 2018), ischaemic heart disease "
            + "RR 1.08 per 10 dB above Lden 53 dB (van Kempen et al. 2018); each building counted at its own levels.",
    ]

    static let green = [
        "Green access: residents within 300 m of green space of at least 0.5 ha (WHO Regional Office for Europe, Urban green "
            + "spaces: a brief for action, 2017); green polygons are dissolved before the size test.",
        "BCNecologia's simultaneous proximity: green of >= 1,000 m2 within 200 m, >= 5,000 m2 within 750 m, >= 1 ha within "
            + "2 km, >= 10 ha within 4 km.",
        "3-30-300 (Konijnendijk 2021): >= 3 trees within 15 m of a home, >= 30 % canopy in the neighbourhood, <= 300 m to a "
            + "green space; in Barcelona 4.7 % of residents met all three (Nieuwenhuijsen et al. 2022).",
        "Green per resident: BCNecologia asks at least 10-12, desirably 15 m2; the '9 m2 per inhabitant (WHO)' is commonly "
            + "cited but in no WHO document.",
    ]

    static let lots = [
        "Vacant lots: area, compactness 4 pi A / P^2 (slivers under 200 m2 flagged), residents within 300 m, residents newly "
            + "served if the lot became green, nearest green and noise, combined in a transparent weighted score "
            + "(evidence: Branas et al. 2018, PNAS 115(12), greening vacant lots in Philadelphia).",
    ]

    static let superblocks = [
        "Superblocks: cells from the basic network or given as polygons; sizes after Eggimann 2022 (3x3 superblock of 133 m "
            + "blocks, at most 19.2 ha). Anchors: Mueller et al. 2020 (Environment International 134:105132), 503 superblocks "
            + "city-wide, 667 premature deaths a year avoidable.",
    ]

    /// The notes for a report, the run's noise settings first.
    static func html(noiseNotes: [String], hasLots: Bool, hasCells: Bool) -> String {
        var lines = noiseNotes + streetSpace + noise + health + green
        if hasLots { lines += lots }
        if hasCells { lines += superblocks }
        return XMLText.list(lines, class: "notes")
    }
}
