#!/usr/bin/env python3
"""Make a "before" layout of the Consell de Cent green axis for `superblock compare`.

Usage: python3 Samples/tools/make_eixample_before.py [--highway CLASS] [IN [OUT]]
  IN  defaults to Samples/eixample/roads.geojson (the OSM extract: the axis as it is, the "after")
  OUT defaults to Samples/eixample/roads_before.geojson

Since 2022-2023 Carrer del Consell de Cent is a green axis of the Superilla Barcelona plan: in OSM
a shared platform (highway=living_street, 3-6 m wide, 10 km/h), pedestrian squares at some
crossings (highway=pedestrian) and pedestrian crossings. Before, it was an ordinary Cerda street.
This script copies IN and puts that street back, changing nothing else:

* Which features: those whose name is Consell de Cent in any of its spellings ("Carrer del
  Consell de Cent", "Carrer de Consell de Cent", "Consell de Cent", "Consell de cent"; matched
  case-insensitively on "consell de cent") and that are
  - highway=living_street or highway=pedestrian (the axis itself), or
  - any other way carrying OSM's lifecycle tag highway:-2022 (e.g. "residential"): OSM's own
    record that the way was road until 2022 (they are footway crossings and pieces of the axis now).
  Sidewalks mapped as their own ways (footway=sidewalk) and other footways are kept as they are.
* Assumed pre-2022 section (documented assumption, not survey data): a one-way street with
  three lanes at 50 km/h, like its parallel neighbour Carrer de Mallorca in the same extract
  (highway=secondary, lanes=3, maxspeed=50); Cerda's ordinary 20 m section between building
  lines with a 10 m carriageway and two 5 m sidewalks (DESIGN.md section 3), on asphalt.
  Tags set: highway=secondary (or --highway CLASS: OSM's highway:-2022 says "residential", its
  network class; secondary is kept as the default because the traffic default of that class,
  15,000 vehicles a day, fits a three-lane through street), lanes=3, oneway=yes, maxspeed=50,
  width=20, carriageway:width=10, surface=asphalt, and note=... naming this script.
  Tags removed, as they describe the axis: motor_vehicle, bicycle, oneway:bicycle, segregated,
  footway, crossing, crossing:markings, crossing_ref, psv, sidewalk, smoothness, source:width, note.
  Ids (osm_id) and geometry are kept, so compare pairs every street by id.
* No traffic figures are added: both layouts use the class defaults, and the after's living
  streets carry the living-street default (100 vehicles a day).

Deterministic, Python 3 stdlib only; output one feature per line like the other samples.
Licence: ODbL 1.0 derived database (see Samples/eixample/ATTRIBUTION.md).
"""
import json
import os
import sys

from make_eixample_sample import dump  # one feature per line, checked by reading it back

REMOVED = ["motor_vehicle", "bicycle", "oneway:bicycle", "segregated", "footway", "crossing", "crossing:markings",
           "crossing_ref", "psv", "sidewalk", "smoothness", "source:width", "note"]


def is_axis(properties):
    name = (properties.get("name") or "").lower()
    if "consell de cent" not in name:
        return False
    return properties.get("highway") in ("living_street", "pedestrian") or "highway:-2022" in properties


def before(properties, highway):
    out = {k: v for k, v in properties.items() if k not in REMOVED}
    out.update({
        "highway": highway, "lanes": "3", "oneway": "yes", "maxspeed": "50", "width": "20",
        "carriageway:width": "10", "surface": "asphalt",
        "note": "before layout: pre-2022 Consell de Cent assumed by Samples/tools/make_eixample_before.py",
    })
    return out




def main():
    args = sys.argv[1:]
    highway = "secondary"
    if args[:1] == ["--highway"]:
        highway, args = args[1], args[2:]
    samples = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = args[0] if args else os.path.join(samples, "eixample", "roads.geojson")
    target = args[1] if len(args) > 1 else os.path.join(samples, "eixample", "roads_before.geojson")
    with open(source, encoding="utf-8") as fh:
        collection = json.load(fh)
    changed = []
    for feature in collection["features"]:
        if is_axis(feature["properties"]):
            changed.append((feature["properties"].get("osm_id"), feature["properties"]["highway"]))
            feature["properties"] = before(feature["properties"], highway)
    dump(target, collection)
    kinds = {}
    for _, kind in changed:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{os.path.basename(target)}: {len(collection['features'])} features, {len(changed)} retagged as {highway} "
          f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))})")


if __name__ == "__main__":
    main()
