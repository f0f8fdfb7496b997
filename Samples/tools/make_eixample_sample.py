#!/usr/bin/env python3
"""Build Samples/eixample/ from the shared Barcelona Eixample OSM extract.

Usage: python3 Samples/tools/make_eixample_sample.py /work/shared/data/barcelona_eixample_osm [OUT_DIR]

* eixample_roads.geojson           -> roads.geojson      (same content, one feature per line)
* eixample_buildings_ways.geojson  -> buildings.geojson  (the closed building ways, unchanged,
  + barcelona-buildings-custom.json                        one feature per line, followed by one
                                                           feature per building multipolygon
                                                           relation, see add_relations)
* barcelona-trees-custom.json      -> trees.geojson      (Point [lon, lat], properties id
                                                           "tree-{n}" (n from 1), natural "tree",
                                                           in the order of the source list)

Content is unchanged: the script reloads each output and asserts it equals what it built
(roads and the building-way features are copied verbatim: same features, properties, key order
and coordinates). WGS84 lon/lat, no crs member.

Building relations (type=multipolygon with a building tag) become Polygon (one outer ring) or
MultiPolygon features appended after the ways, in source order, with properties osm_type
"relation", osm_id, then all relation tags. Rings are assembled from the member ways (joined end
to end by node id, reversed where needed), exterior rings counter-clockwise and holes clockwise
(RFC 7946); each inner ring goes to the outer ring containing one of its vertices. Skipped with a
warning: relations with a member way missing from the extract, with a ring that cannot be closed,
or with an inner ring inside no outer ring; dropped (counted): relations whose only outer ring is
geometrically identical to a building way already in the file (avoids double counting).
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


def ring_key(coords):
    """Orientation- and start-independent key of a closed ring."""
    pts = [tuple(c) for c in coords[:-1]]
    best = None
    for seq in (pts, pts[::-1]):
        i = seq.index(min(seq))
        cand = tuple(seq[i:] + seq[:i])
        best = cand if best is None or cand < best else best
    return best


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2.0


def point_in_ring(pt, ring):
    x, y = pt
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def join_rings(node_lists):
    """Join way node lists end to end into closed rings of node ids; None if impossible."""
    pending = [list(n) for n in node_lists]
    rings = []
    while pending:
        ring = pending.pop(0)
        while ring[0] != ring[-1]:
            for i, nl in enumerate(pending):
                if nl[0] == ring[-1]:
                    ring += nl[1:]
                elif nl[-1] == ring[-1]:
                    ring += nl[::-1][1:]
                else:
                    continue
                del pending[i]
                break
            else:
                return None
        if len(ring) < 4:
            return None
        rings.append(ring)
    return rings


def add_relations(osm, features):
    """Append one feature per building multipolygon relation of the Overpass JSON `osm`."""
    nodes, ways, rels = {}, {}, []
    for e in osm["elements"]:
        if e["type"] == "node":
            nodes[e["id"]] = [e["lon"], e["lat"]]
        elif e["type"] == "way":
            if e["id"] not in ways or "tags" in e:  # a way may be listed twice, once untagged
                ways[e["id"]] = e
        elif e["type"] == "relation":
            rels.append(e)
    existing = {ring_key(f["geometry"]["coordinates"][0]) for f in features
                if f["geometry"]["type"] == "Polygon"}
    added, skipped, dropped = 0, {}, 0
    for r in rels:
        tags = r.get("tags", {})
        if "building" not in tags or tags.get("type", "multipolygon") != "multipolygon":
            continue
        members = [m for m in r["members"] if m["type"] == "way"]
        missing = [m["ref"] for m in members if m["ref"] not in ways]
        if missing:
            print(f"warning: relation {r['id']}: member way(s) missing from extract: "
                  f"{', '.join(map(str, missing))}; skipped", file=sys.stderr)
            skipped["member way missing"] = skipped.get("member way missing", 0) + 1
            continue
        outer = join_rings([ways[m["ref"]]["nodes"] for m in members if m["role"] != "inner"])
        inner = join_rings([ways[m["ref"]]["nodes"] for m in members if m["role"] == "inner"])
        if not outer or inner is None:
            print(f"warning: relation {r['id']}: rings cannot all be closed; skipped",
                  file=sys.stderr)
            skipped["unclosed ring"] = skipped.get("unclosed ring", 0) + 1
            continue
        outer = [[nodes[n] for n in ring] for ring in outer]
        inner = [[nodes[n] for n in ring] for ring in inner]
        if len(outer) == 1 and ring_key(outer[0]) in existing:
            dropped += 1
            continue
        polys = []
        for ring in outer:
            polys.append([ring if signed_area(ring) > 0 else ring[::-1]])
        bad = False
        for ring in inner:
            hole = ring if signed_area(ring) < 0 else ring[::-1]
            owners = []
            for pt in ring[:-1]:
                owners = [i for i, p in enumerate(polys) if point_in_ring(pt, p[0])]
                if owners:
                    break
            if not owners:
                bad = True
                break
            polys[min(owners, key=lambda i: abs(signed_area(polys[i][0])))].append(hole)
        if bad:
            print(f"warning: relation {r['id']}: inner ring inside no outer ring; skipped",
                  file=sys.stderr)
            skipped["inner ring outside outers"] = skipped.get("inner ring outside outers", 0) + 1
            continue
        for poly in polys:
            for k, ring in enumerate(poly):
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert (signed_area(ring) > 0) == (k == 0), r["id"]
        geom = ({"type": "Polygon", "coordinates": polys[0]} if len(polys) == 1
                else {"type": "MultiPolygon", "coordinates": polys})
        props = {"osm_type": "relation", "osm_id": r["id"]}
        props.update(tags)
        features.append({"type": "Feature", "properties": props, "geometry": geom})
        added += 1
    why = ", ".join(f"{n} {k}" for k, n in sorted(skipped.items())) or "none"
    print(f"building relations: {added} added, {dropped} dropped (same outline as a building "
          f"way already present), {sum(skipped.values())} skipped ({why})")


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
        if dst == "buildings.geojson":
            add_relations(load(os.path.join(src, "barcelona-buildings-custom.json")),
                          fc["features"])
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
