#!/usr/bin/env python3
"""The comparison script of `make bench`: street space and WHO green access on a bench grid
(Samples/tools/make_bench_grid.py) with geopandas + shapely 2, the way a planner would script it.

    bench_geopandas.py GRID.geojson DISTRICT_CSV

Street space: each street's bands are rings between buffer distances of its centreline (round caps
and joins, 8 segments a quadrant, as DESIGN.md section 4.1), from the grid's tags (`carriageway:width`,
`sidewalk:both:width`, `parking:both:width`); overlaps go to the first category in the priority
order traffic > parking > cycle > green > shared > pedestrian. Green access: residents (`population`)
of buildings within 300 m of a dissolved green part of at least 0.5 ha. Prints the time and the three
figures next to `superblock analyze --only space,green`'s `district.csv`, and whether they agree
within 0.5 %.
"""
import csv
import sys
import time

import geopandas as gpd
import shapely

PRIORITY = ["traffic", "parking", "cycle", "green", "shared", "pedestrian"]


def bands(line, tags):
    carriageway = float(tags.get("carriageway:width") or 0)
    parking = float(tags.get("parking:both:width") or 0) if tags.get("parking:both") == "lane" else 0.0
    sidewalk = float(tags.get("sidewalk:both:width") or 0)
    traffic = carriageway - 2 * parking
    edges = [(traffic / 2, "traffic"), (traffic / 2 + parking, "parking"), (traffic / 2 + parking + sidewalk, "pedestrian")]
    out, inner, last = [], None, 0.0
    for distance, category in edges:
        if distance <= last:
            continue
        outer = shapely.buffer(line, distance, quad_segs=8)
        out.append((category, outer if inner is None else shapely.difference(outer, inner)))
        inner, last = outer, distance
    return out


def main():
    grid_path, district_csv = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    frame = gpd.read_file(grid_path)
    streets = frame[frame["highway"].notna()]
    pieces = {c: [] for c in PRIORITY}
    for geometry, (_, row) in zip(streets.geometry, streets.iterrows()):
        for category, polygon in bands(geometry, row.to_dict()):
            pieces[category].append(polygon)
    taken, areas = None, {}
    for category in PRIORITY:
        if not pieces[category]:
            areas[category] = 0.0
            continue
        union = shapely.union_all(pieces[category])
        mine = union if taken is None else shapely.difference(union, taken)
        areas[category] = mine.area
        taken = union if taken is None else shapely.union(taken, union)
    total = taken.area
    share = 100 * (areas["pedestrian"] + areas["shared"]) / total
    greens = frame[frame["leisure"].isin(["park", "garden"]) if "leisure" in frame else False]
    parts = [p for p in shapely.get_parts(shapely.union_all(greens.geometry.values)) if p.area >= 5000]
    buildings = frame[frame["building"].notna()]
    tree = shapely.STRtree(parts)
    near = tree.query(buildings.geometry.values, predicate="dwithin", distance=300)
    served = set(near[0].tolist())
    population = buildings["population"].astype(float).values
    residents = population.sum()
    served_pct = 100 * sum(population[i] for i in served) / residents
    elapsed = time.perf_counter() - start

    ours = {row["indicator"]: float(row["value"]) for row in csv.DictReader(open(district_csv)) if row["value"]}
    print(f"geopandas + shapely {shapely.__version__}: {elapsed:.2f} s (one core)")
    rows = [("street area m2", total, ours["street_area_m2"]), ("pedestrian share %", share, ours["pedestrian_share_pct"]),
            ("residents within 300 m of green %", served_pct, ours["residents_green_300m_pct"])]
    agree = True
    for name, theirs, mine in rows:
        diff = 100 * abs(mine - theirs) / abs(theirs) if theirs else 0
        agree &= diff <= 0.5
        print(f"  {name:36s} geopandas {theirs:14.2f}  superblock {mine:14.2f}  diff {diff:.3f} %")
    print(f"  agree within 0.5 %: {'yes' if agree else 'NO'}")
    print(f"geopandas_seconds={elapsed:.3f}")


if __name__ == "__main__":
    main()
