#!/usr/bin/env python3
"""Build Samples/eixample/ from the shared Barcelona Eixample OSM extract.

Usage: python3 Samples/tools/make_eixample_sample.py /work/shared/data/barcelona_eixample_osm [OUT_DIR]

* eixample_roads.geojson           -> roads.geojson      (same content, one feature per line)
* eixample_buildings_ways.geojson  -> buildings.geojson  (same content, one feature per line)
* barcelona-trees-custom.json      -> trees.geojson      (Point [lon, lat], properties id
                                                           "tree-{n}" (n from 1), natural "tree",
                                                           in the order of the source list)

Content is unchanged: the script reloads each output and asserts it equals the input
(same features, properties, key order and coordinates). WGS84 lon/lat, no crs member.
Deterministic: rerunning gives byte-identical files. Python 3 stdlib only.
Licence: the outputs are an ODbL 1.0 derived database (see Samples/eixample/ATTRIBUTION.md).
"""
import json
import os
import sys


def dump(path, collection):
    features = collection["features"]
    head = {k: v for k, v in collection.items() if k != "features"}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text + ("," if head else "") + '"features":[\n' + body + "\n]}\n")
    with open(path, encoding="utf-8") as fh:
        assert json.load(fh) == collection, f"round trip changed {path}"


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "eixample")
    os.makedirs(out, exist_ok=True)

    for name, dst in (("eixample_roads.geojson", "roads.geojson"),
                      ("eixample_buildings_ways.geojson", "buildings.geojson")):
        fc = load(os.path.join(src, name))
        dump(os.path.join(out, dst), fc)
        print(f"{dst}: {len(fc['features'])} features")

    points = load(os.path.join(src, "barcelona-trees-custom.json"))
    trees = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": f"tree-{n}", "natural": "tree"},
         "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]}}
        for n, p in enumerate(points, start=1)]}
    dump(os.path.join(out, "trees.geojson"), trees)
    print(f"trees.geojson: {len(trees['features'])} features")


if __name__ == "__main__":
    main()
