#!/usr/bin/env python3
"""A Cerda-style grid of N x N blocks for `make bench` (Python 3 stdlib only).

Deterministic by seed: the same N and seed give a byte-identical file. Original synthetic data.

    python3 Samples/tools/make_bench_grid.py N [--seed S] -o grid-N.geojson

* CRS EPSG:25831, origin (430000, 4581000), pitch 133.3 m (113.3 m block + 20 m street), like
  Samples/synthetic. Every street line is cut into one 2-point LineString per block side (OSM ways
  end at junctions), so N x N blocks give 2 N (N + 1) streets (20,200 at N = 100).
* Each street line draws one of three 20 m cross-sections (seeded): basic (secondary, 10 m
  carriageway, 5 m sidewalks), avenue (secondary, 12 m carriageway with parking lanes, 4 m
  sidewalks) or local (residential, 8 m carriageway, 6 m sidewalks). Tags as in OSM: `width`,
  `carriageway:width`, `sidewalk:both:width`, `parking:both`, `lanes`, `maxspeed`, `highway`.
* Each block holds four buildings (a perimeter block with a courtyard: north and south wings the
  block's width, east and west wings between them, 20 m deep), `building:levels` 3-8 (seeded) and an
  explicit `population` (gross floor area / 35 m2), so every tool counts the same residents.
* Parks (`leisure=park`, a whole block, 1.28 ha) on every sixth block in each direction, offset by
  three; one vacant lot (`landuse=brownfield`, `vacant=yes`) at block (1, 1).
"""
import argparse
import json
import random

X0, Y0 = 430000.0, 4581000.0
P, HALF, DEPTH = 133.3, 10.0, 20.0
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25831"}}
SECTIONS = {
    "basic": {"highway": "secondary", "width": "20", "carriageway:width": "10", "sidewalk:both:width": "5",
              "lanes": "3", "maxspeed": "50"},
    "avenue": {"highway": "secondary", "width": "20", "carriageway:width": "12", "sidewalk:both:width": "4",
               "parking:both": "lane", "parking:both:width": "2", "lanes": "2", "maxspeed": "50"},
    "local": {"highway": "residential", "width": "20", "carriageway:width": "8", "sidewalk:both:width": "6",
              "lanes": "2", "maxspeed": "30"},
}


def r(v):
    return round(v, 2)


def rect(xa, ya, xb, yb):
    return [[r(xa), r(ya)], [r(xb), r(ya)], [r(xb), r(yb)], [r(xa), r(yb)], [r(xa), r(ya)]]


def build(n, seed):
    rng = random.Random(seed)
    kinds = list(SECTIONS)
    out = []
    for direction in ("ns", "ew"):
        for line in range(n + 1):
            kind = rng.choices(kinds, weights=[2, 1, 3])[0]
            props = dict(SECTIONS[kind])
            props.update({"name": f"Carrer {direction.upper()} {line}", "oneway": "yes", "surface": "asphalt"})
            c = (X0 if direction == "ns" else Y0) + line * P
            for seg in range(n):
                a = (Y0 if direction == "ns" else X0) + seg * P
                b = a + P
                coords = [[r(c), r(a)], [r(c), r(b)]] if direction == "ns" else [[r(a), r(c)], [r(b), r(c)]]
                out.append({"type": "Feature", "properties": {"id": f"{direction}-{line}-{seg}", **props},
                            "geometry": {"type": "LineString", "coordinates": coords}})
    for i in range(n):
        for j in range(n):
            xa, ya = X0 + i * P + HALF, Y0 + j * P + HALF
            xb, yb = X0 + (i + 1) * P - HALF, Y0 + (j + 1) * P - HALF
            if i % 6 == 3 and j % 6 == 3:
                out.append({"type": "Feature", "properties": {"id": f"park-{i}-{j}", "leisure": "park"},
                            "geometry": {"type": "Polygon", "coordinates": [rect(xa, ya, xb, yb)]}})
                continue
            if (i, j) == (1, 1):
                out.append({"type": "Feature", "properties": {"id": "lot-1", "landuse": "brownfield", "vacant": "yes"},
                            "geometry": {"type": "Polygon", "coordinates": [rect(xa, ya, xb, yb)]}})
                continue
            wings = {"s": (xa, ya, xb, ya + DEPTH), "n": (xa, yb - DEPTH, xb, yb),
                     "w": (xa, ya + DEPTH, xa + DEPTH, yb - DEPTH), "e": (xb - DEPTH, ya + DEPTH, xb, yb - DEPTH)}
            for name, (wa, wb, wc, wd) in wings.items():
                levels = rng.randint(3, 8)
                area = (wc - wa) * (wd - wb)
                out.append({"type": "Feature",
                            "properties": {"id": f"b-{i}-{j}-{name}", "building": "apartments",
                                           "building:levels": str(levels), "population": round(area * levels / 35)},
                            "geometry": {"type": "Polygon", "coordinates": [rect(wa, wb, wc, wd)]}})
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    features = build(args.n, args.seed)
    with open(args.output, "w") as f:
        f.write('{"type":"FeatureCollection","name":"bench_grid_%d","crs":%s,"features":[\n' % (args.n, json.dumps(CRS)))
        f.write(",\n".join(json.dumps(x, separators=(",", ":")) for x in features))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
