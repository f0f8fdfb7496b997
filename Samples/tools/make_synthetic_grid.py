#!/usr/bin/env python3
"""Synthetic Eixample-style grid for the superblock toolkit's tests.

Writes Samples/synthetic/grid.geojson and Samples/synthetic/cells.geojson
(paths relative to the repository root; run from anywhere:
``python3 Samples/tools/make_synthetic_grid.py``). Deterministic: no randomness,
all coordinates computed in integer centimetres, so a rerun is byte-identical.

Specification (tests check hand-computed figures against it; keep in sync with
Samples/synthetic/README.md):

* CRS EPSG:25831 (ETRS89 / UTM 31N), legacy member
  ``"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25831"}}``.
  Origin x0 = 430000, y0 = 4581000. Axis-aligned. Coordinates are exact to 0.01 m.
* Pitch P = 133.3 m (113.3 m block + 20 m street). 3 x 3 superblock cells of
  3 x 3 blocks = 81 blocks. 10 north-south street centrelines at x = x0 + i*P
  (i = 0..9) and 10 east-west centrelines at y = y0 + j*P (j = 0..9).
* Streets: each centreline is cut into 9 segments between consecutive junctions,
  one 2-point LineString per segment (133.3 m): 180 features. North-south
  segments run south -> north, east-west segments west -> east.
  Properties: id "ns-{i}-{seg}" (seg counted from the south) / "ew-{j}-{seg}"
  (seg counted from the west); name "Carrer NS {i}" / "Carrer EW {j}";
  highway "secondary" when the line index is in {0, 3, 6, 9} (the basic network
  bounding the superblocks), "residential" otherwise; width "20";
  carriageway:width "10"; sidewalk:both:width "5"; lanes "3" basic / "2"
  residential; maxspeed "50" basic / "30" residential; oneway "yes";
  surface "asphalt"; traffic:aadt 20000 basic / 3000 residential (JSON number);
  traffic:heavy_share 0.05 (JSON number). No superblock tag, no layer property.
* Blocks: block (a, b), a, b in 0..8, spans x0 + a*P + 10 .. x0 + (a+1)*P - 10
  in x (113.3 m) and likewise in y. Square corners, no chamfers.
* Buildings: one per block except the park block and the vacant block (79):
  Polygon, exterior = the whole block square (counter-clockwise), one hole =
  the block inset by 25 m (63.3 m square, clockwise).
  Area = 113.3^2 - 63.3^2 = 8830.0 m2. Properties: id "bldg-{a}-{b}",
  building "apartments", building:levels "6", population 600 (JSON number).
* Park: block (4, 4), leisure "park", id "park-centre", name "Parc central",
  full 113.3 m square (12836.89 m2).
* Vacant lot: block (1, 7), landuse "brownfield", id "lot-1", vacant "yes",
  full 113.3 m square (12836.89 m2).
* Street trees: Point, natural "tree", id "tree-{n}" (n = 1, 2, ...), only on
  residential segments, on both sidewalks, at a perpendicular offset of
  -7.5 m and +7.5 m from the centreline (kerb at 5 m + 2.5 m), at distances
  16.65 + 10*k m (k = 0..10) from the segment start, i.e. 16.65 .. 116.65 m:
  11 trees per side, symmetric about the segment midpoint (66.65 m), 6.65 m
  clear of each 20 x 20 m junction square. 22 trees per residential segment,
  108 residential segments -> 2376 trees. Numbering order: north-south
  residential segments (i ascending, seg ascending, west side then east side,
  k ascending), then east-west ones (j, seg, south side then north side, k).
* cells.geojson: the 9 superblock cells bounded by the basic-street centrelines,
  cell (a, b), a, b in 0..2, spans x0 + 3a*P .. x0 + 3(a+1)*P (399.9 m square,
  159920.01 m2), exterior ring counter-clockwise. Properties: layer
  "superblock", id "cell-{a}-{b}", name "Superilla {a}-{b}". Same crs member.

Feature order in grid.geojson: streets (ns-*, then ew-*), buildings (a, then b),
park, vacant lot, trees.
"""
import json
import os
import sys

# --- integer centimetre geometry -------------------------------------------------
X0 = 430000_00
Y0 = 4581000_00
P = 133_30          # pitch
HALF_STREET = 10_00
INSET = 25_00
TREE_OFFSET = 7_50
TREE_START = 16_65
TREE_STEP = 10_00
TREES_PER_SIDE = 11
N = 9               # blocks per side
BASIC = {0, 3, 6, 9}
PARK = (4, 4)
VACANT = (1, 7)

CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25831"}}


def m(cm):
    """Centimetres (int) -> metres (float). IEEE division is correctly rounded,
    so repr() of the result is the exact 2-decimal value."""
    return cm / 100


def pt(x, y):
    return [m(x), m(y)]


def square(xa, ya, xb, yb, ccw=True):
    ring = [(xa, ya), (xb, ya), (xb, yb), (xa, yb), (xa, ya)]
    if not ccw:
        ring.reverse()
    return [pt(x, y) for x, y in ring]


def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}


def street_props(kind, idx, seg):
    basic = idx in BASIC
    return {
        "id": f"{kind}-{idx}-{seg}",
        "name": f"Carrer {kind.upper()} {idx}",
        "highway": "secondary" if basic else "residential",
        "width": "20",
        "carriageway:width": "10",
        "sidewalk:both:width": "5",
        "lanes": "3" if basic else "2",
        "maxspeed": "50" if basic else "30",
        "oneway": "yes",
        "surface": "asphalt",
        "traffic:aadt": 20000 if basic else 3000,
        "traffic:heavy_share": 0.05,
    }


def block_bounds(a, b):
    return (X0 + a * P + HALF_STREET, Y0 + b * P + HALF_STREET,
            X0 + (a + 1) * P - HALF_STREET, Y0 + (b + 1) * P - HALF_STREET)


def build_grid():
    streets, buildings, others, trees = [], [], [], []
    for i in range(N + 1):                      # north-south lines
        x = X0 + i * P
        for s in range(N):
            geom = {"type": "LineString",
                    "coordinates": [pt(x, Y0 + s * P), pt(x, Y0 + (s + 1) * P)]}
            streets.append(feature(street_props("ns", i, s), geom))
    for j in range(N + 1):                      # east-west lines
        y = Y0 + j * P
        for s in range(N):
            geom = {"type": "LineString",
                    "coordinates": [pt(X0 + s * P, y), pt(X0 + (s + 1) * P, y)]}
            streets.append(feature(street_props("ew", j, s), geom))

    for a in range(N):
        for b in range(N):
            xa, ya, xb, yb = block_bounds(a, b)
            full = {"type": "Polygon", "coordinates": [square(xa, ya, xb, yb)]}
            if (a, b) == PARK:
                others.append(feature({"id": "park-centre", "leisure": "park",
                                       "name": "Parc central"}, full))
            elif (a, b) == VACANT:
                vacant = feature({"id": "lot-1", "landuse": "brownfield",
                                  "vacant": "yes"}, full)
            else:
                hole = square(xa + INSET, ya + INSET, xb - INSET, yb - INSET, ccw=False)
                geom = {"type": "Polygon",
                        "coordinates": [square(xa, ya, xb, yb), hole]}
                buildings.append(feature({"id": f"bldg-{a}-{b}", "building": "apartments",
                                          "building:levels": "6", "population": 600}, geom))
    others.append(vacant)

    n = 0
    for kind in ("ns", "ew"):
        for idx in range(N + 1):
            if idx in BASIC:
                continue
            c = (X0 if kind == "ns" else Y0) + idx * P      # centreline coordinate
            for s in range(N):
                start = (Y0 if kind == "ns" else X0) + s * P
                for side in (-TREE_OFFSET, TREE_OFFSET):
                    for k in range(TREES_PER_SIDE):
                        along = start + TREE_START + k * TREE_STEP
                        across = c + side
                        n += 1
                        xy = pt(across, along) if kind == "ns" else pt(along, across)
                        trees.append(feature({"id": f"tree-{n}", "natural": "tree"},
                                             {"type": "Point", "coordinates": xy}))
    return streets + buildings + others + trees


def build_cells():
    cells = []
    for a in range(3):
        for b in range(3):
            xa, ya = X0 + 3 * a * P, Y0 + 3 * b * P
            geom = {"type": "Polygon",
                    "coordinates": [square(xa, ya, xa + 3 * P, ya + 3 * P)]}
            cells.append(feature({"layer": "superblock", "id": f"cell-{a}-{b}",
                                  "name": f"Superilla {a}-{b}"}, geom))
    return cells


def dump(path, name, features):
    head = json.dumps({"type": "FeatureCollection", "name": name, "crs": CRS},
                      ensure_ascii=False, separators=(",", ":"))[:-1]
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":"))
                      for f in features)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(head + ',"features":[\n' + body + "\n]}\n")


def self_check(features, cells):
    """Assert the figures quoted in the README (integer cm / cm2 arithmetic)."""
    def count(pred):
        return sum(1 for f in features if pred(f["properties"]))
    assert count(lambda p: "highway" in p) == 180
    assert count(lambda p: p.get("highway") == "secondary") == 72
    assert count(lambda p: p.get("highway") == "residential") == 108
    assert count(lambda p: "building" in p) == 79
    assert count(lambda p: p.get("natural") == "tree") == 2376
    assert len(cells) == 9
    side = N * P                                   # 1199.7 m
    block = (P - 2 * HALF_STREET)                  # 113.3 m
    assert side * side == 1439280_0900             # cm2
    assert N * N * block * block == 1039788_0900
    assert side * side - N * N * block * block == 399492_0000
    assert block * block - (block - 2 * INSET) ** 2 == 8830_0000
    # trees never inside a junction square (|d| < 10 m along, |d| < 10 m across)
    for f in features:
        if f["properties"].get("natural") != "tree":
            continue
        x, y = (round(v * 100) for v in f["geometry"]["coordinates"])
        dx = min(abs(x - (X0 + i * P)) for i in range(N + 1))
        dy = min(abs(y - (Y0 + j * P)) for j in range(N + 1))
        assert not (dx < HALF_STREET and dy < HALF_STREET), f["properties"]["id"]
        assert min(dx, dy) == TREE_OFFSET and max(dx, dy) >= TREE_START


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # Samples/
    out = os.path.join(root, "synthetic")
    if len(sys.argv) > 1:
        out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    features, cells = build_grid(), build_cells()
    self_check(features, cells)
    dump(os.path.join(out, "grid.geojson"), "synthetic_eixample_grid", features)
    dump(os.path.join(out, "cells.geojson"), "synthetic_eixample_cells", cells)
    print(f"wrote {len(features)} features to grid.geojson, {len(cells)} to cells.geojson in {out}")


if __name__ == "__main__":
    main()
