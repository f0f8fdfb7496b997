#!/usr/bin/env python3
"""Barcelona census sections with their 2024 population, around the Eixample sample.

Usage: python3 Samples/tools/make_barcelona_census.py SHARED_DATA_DIR/barcelona_opendata

Reads BarcelonaCiutat_SeccionsCensals.csv (geometry as WKT in EPSG:25831 and WGS84) and
2024_pad_mdbas.json (residents per section, reference date 2024-01-01), joins them on
Seccio_Censal = int(codi_districte) * 1000 + int(codi_seccio_censal), keeps the sections lying
wholly inside the sample's study area (custom-perimeter-shrunk.json of the OSM extract, whose
buildings were fetched for that area: a section cut by its edge would pour all its residents into
the few buildings inside), and writes
Samples/barcelona_census/census_sections.geojson (EPSG:25831, layer=census). Stdlib only and
deterministic. Source: Ajuntament de Barcelona, Open Data BCN, CC BY 4.0.
"""
import csv
import json
import re
import sys
from pathlib import Path

# The study area of the OSM extract: custom-perimeter-shrunk.json (lon, lat).
PERIMETER = [(2.144284710912895, 41.393327387387394), (2.145303936141865, 41.39321815315316),
             (2.1597478136724115, 41.39684472972973), (2.167959856945827, 41.39007220720721),
             (2.168571392083209, 41.38954788288289), (2.158437381235164, 41.38201072072072),
             (2.1451000910960714, 41.39214765765766), (2.1441391073087566, 41.39214765765766),
             (2.1437605379379963, 41.39280306306307), (2.144284710912895, 41.393327387387394)]


def inside(point, polygon=PERIMETER):
    """Even-odd ray test (lon/lat treated as planar: fine at this scale)."""
    x, y = point
    result = False
    for (x0, y0), (x1, y1) in zip(polygon, polygon[1:]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result
OUT = Path(__file__).resolve().parents[1] / "barcelona_census" / "census_sections.geojson"


def rings(text):
    """Coordinate rings of one polygon body '(x y, ...), (x y, ...)'."""
    return [[[round(float(x), 2), round(float(y), 2)] for x, y in (p.split() for p in ring.split(","))]
            for ring in re.findall(r"\(([^()]+)\)", text)]


def parse_wkt(wkt):
    wkt = wkt.strip()
    if wkt.startswith("MULTIPOLYGON"):
        bodies = re.findall(r"\(\s*(\([^()]+\)(?:\s*,\s*\([^()]+\))*)\s*\)", wkt[len("MULTIPOLYGON"):])
        return {"type": "MultiPolygon", "coordinates": [rings(b) for b in bodies]}
    if wkt.startswith("POLYGON"):
        return {"type": "Polygon", "coordinates": rings(wkt[len("POLYGON"):])}
    raise ValueError(f"unexpected WKT {wkt[:30]}")


def main(source):
    source = Path(source)
    population = {row["Seccio_Censal"]: int(row["Valor"]) for row in json.load(open(source / "2024_pad_mdbas.json", encoding="utf-8"))}
    features = []
    with open(source / "BarcelonaCiutat_SeccionsCensals.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = int(row["codi_districte"]) * 1000 + int(row["codi_seccio_censal"])
            geometry = parse_wkt(row["geometria_etrs89"])
            geographic = parse_wkt(row["geometria_wgs84"])
            polygons = geographic["coordinates"] if geographic["type"] == "MultiPolygon" else [geographic["coordinates"]]
            if not all(inside(p) for poly in polygons for ring in poly for p in ring):
                continue
            features.append({"type": "Feature", "properties": {
                "layer": "census", "id": f"{code:05d}", "district": row["nom_districte"], "neighbourhood": row["nom_barri"],
                "population": population[code], "reference_date": "2024-01-01"}, "geometry": geometry})
    features.sort(key=lambda f: f["properties"]["id"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25831"}}, "features": [\n')
        out.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features))
        out.write("\n]}\n")
    total = sum(f["properties"]["population"] for f in features)
    print(f"{len(features)} sections, {total} residents -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/barcelona_opendata")
