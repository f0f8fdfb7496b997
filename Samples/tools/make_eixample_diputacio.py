#!/usr/bin/env python3
"""Add the Carrer de la Diputacio carriageway to the "before" Eixample sample, for `plan --reroute`.

Usage: python3 Samples/tools/make_eixample_diputacio.py [ROADS_BEFORE [GRAF_ZIP [OUT_DIR]]]
  ROADS_BEFORE defaults to Samples/eixample/roads_before.geojson (see make_eixample_before.py)
  GRAF_ZIP     defaults to /work/shared/data/barcelona_opendata/BCN_GrafVial_CSV.zip
  OUT_DIR      defaults to Samples/eixample/
Writes two files into OUT_DIR:
  roads_before_diputacio.geojson  every feature of ROADS_BEFORE in order, then the Diputacio
                                  carriageway (7 new LineStrings, one per block) and one block of
                                  Casanova; superblock=basic on every carriageway except the Consell
                                  de Cent axis and the stubs listed in INTERIOR_STUBS (the basic
                                  network for `plan`; no other tag differs from ROADS_BEFORE)
  consell_de_cent_cell.geojson    one cell: the Consell de Cent axis with the half blocks on
                                  either side, Aragó to Diputació centrelines

Why: the OSM extract (Overpass, whole ways) stops at the Consell de Cent axis. It has Diputacio's
sidewalks and cycle track near lon 2.162-2.165 but not its carriageway, so once the axis is access
only, the one-way streets that run south into it (Muntaner, Balmes, Rambla de Catalunya, Passeig
de Gracia) end in dead ends and `plan --reroute` refuses the plan. This script draws the missing
carriageway from the city's street graph. Facts and assumptions:

* Geometry: Open Data BCN "Graf de carrers" (BCN_GrafVial_Trams/Nodes_ETRS89_CSV.csv, zip dated
  2019-11-08), straight node-to-node segments, street axis; nodes in EPSG:25831 converted to WGS84
  lon/lat with the exact UTM inverse (Krueger series to n^6, GRS80, zone 31; ETRS89 = WGS84 here,
  checked against PROJ cs2cs to 1e-9 degree), rounded to 7 decimals like OSM.
* Span: the segments (C_Tram) of "Carrer Diputació" from its node at Carrer Casanova (N01184D) to
  its node at Passeig de Gracia (N01495P), seven blocks, 884 m: the stretch the extract's streets
  reach. East: the extract's easternmost carriageway vertex is Passeig de Gracia's end at Diputacio
  (lon 2.16707). West: Casanova, the first northbound street west of Muntaner (see below); further
  west Diputacio meets nothing of the extract, and a longer dead end would move the south edge of
  the road graph's extent so that Muntaner's south end (now 29 m from it, under the traffic
  model's 30 m) stopped counting as a boundary crossing.
* Joins: the road graph nodes streets only at shared vertices. Every carriageway vertex of the
  extract within SNAP_M (6 m) of the Diputacio axis (the nearest one per way) becomes a vertex of
  Diputacio: where it lies within SNAP_M of a graph node, the node moves onto it (Muntaner,
  Aribau, Balmes, Passeig de Gracia); otherwise it is inserted between the nodes (the two
  carriageways of Rambla de Catalunya, Passeig de Gracia's Llobregat side road). The script checks
  that exactly these streets are joined and that each join lies on an OSM way of that name.
* North-south blocks: one is added, Carrer de Casanova from Diputacio to the axis (graph segment
  T01867V, drawn from the Diputacio node straight to the first vertex of OSM way 295124097, which
  starts 17 m north of the Consell de Cent node, not joined to the axis: the extract's axis starts
  23 m east of Casanova). Tags copied from that way: tertiary, oneway=yes (northbound, as every
  Casanova way of the extract), lanes=3, maxspeed=50. Without it, south of the closed axis nothing
  leads back north west of Aribau: Muntaner's traffic from the axis crossing could only reach
  dead ends (2,675 node pairs cut). Muntaner, Aribau, Balmes, Rambla de Catalunya and Passeig de
  Gracia (main carriageway and Llobregat side road) already reach Diputacio as whole OSM ways;
  Enric Granados between the axis and Diputacio is highway=pedestrian, motor_vehicle=no in OSM
  (kept); the Besos side road of Passeig de Gracia does not meet the axis in the extract.
* Tags (assumed, not survey data): highway=secondary, oneway=yes, lanes=3, maxspeed=50 (the city's
  graph has no direction, width or lanes; the values are those of the extract's other Cerda
  through streets, e.g. Mallorca and the pre-2022 Consell de Cent), name "Carrer de la Diputació",
  id "bcn-graf-<C_Tram>", source and note naming Open Data BCN and this script.
* Direction: one way towards the Llobregat (south-west), drawn from Passeig de Gracia to Casanova.
  Evidence: (1) the parallel streets alternate in the extract: Consell de Cent (pre-2022, 45 deg,
  towards Besos), Arago (225 deg, Llobregat), Valencia (45 deg, Besos), Mallorca (225 deg,
  Llobregat); Diputacio is the next street seaward of Consell de Cent, so Llobregat; (2) the
  extract's Diputacio cycle track (OSM ways 478725548, 478725550, 1318002392, 1319947754,
  oneway=yes) is drawn south-west; the extract's one-way cycle tracks of one-way Cerda streets
  (Mallorca, Valencia, Pau Claris, Paris) run with the traffic, none against it. Not checked against
  a traffic-direction source (the city graph has none).
* Basic network: superblock=basic on every carriageway feature (highway primary,
  secondary, tertiary, residential, living_street, service, unclassified and their links) except
  the axis (the features make_eixample_before.py retagged, recognised by its note) and
  INTERIOR_STUBS: carriageways reached only through the axis, which stay interior (access only) so
  their own trips can still use the axis at the start and end of a trip.
* Cell (second output): the quadrilateral between the Aragó and Diputacio centrelines (133.4 m
  either side of the Consell de Cent axis, from the city graph's nodes) and from Casanova's
  centreline (the axis in the extract starts 23 m east of it) to the Besos side road of Passeig de
  Gracia, 375 m east of Balmes; so Aragó, Diputacio, Casanova and that side road are its perimeter.

Deterministic, Python 3 stdlib only; one feature per line like the other samples.
Licences: roads are an ODbL 1.0 derived database of OpenStreetMap (see Samples/eixample/ATTRIBUTION.md);
the Diputacio geometry is from Open Data BCN, Ajuntament de Barcelona, CC BY 4.0 (credit "Ajuntament
de Barcelona"), combined here under ODbL 1.0.
"""
import csv
import io
import json
import math
import os
import sys

from make_eixample_sample import dump  # one feature per line, checked by reading it back
import zipfile

WEST_NODE, EAST_NODE = "N01184D", "N01495P"  # Diputació at Casanova, at Passeig de Gràcia
STREET = "Carrer Diputació"
SNAP_M = 6.0
EXPECTED_JOINS = ["Carrer de Muntaner", "Carrer d'Aribau", "Carrer de Balmes", "Rambla de Catalunya",
                  "Rambla de Catalunya", "Passeig de Gràcia (lateral Llobregat)", "Passeig de Gràcia"]
CARRIAGEWAY = {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential",
               "living_street", "service", "road", "motorway_link", "trunk_link", "primary_link",
               "secondary_link", "tertiary_link"}
# North-south blocks between Diputació and the axis added from the city graph: (graph name, OSM name).
CROSS_STREETS = [("Carrer Casanova", "Carrer de Casanova")]
CROSS_NODES = {"Carrer Casanova": "N01219X"}  # the street's graph node on Consell de Cent
CROSS_SNAP_M = 20.0
# Carriageways whose only way in or out is the axis (osm_id), left interior: a service passage north
# of the axis between Balmes and Rambla de Catalunya (685657756, 1387063188); the living-street
# slip lanes of the crossing squares that lead only into the axis (Muntaner 1441734226, Balmes
# 1112801404) or are entered only from it (Balmes 1112801405, Rambla de Catalunya 1112801397, and
# Enric Granados 43802776, whose only car entry is the axis: south of it Enric Granados is
# highway=pedestrian). Found by checking, as the road graph does, which node pairs the closed axis
# would cut; with these interior it cuts none.
INTERIOR_STUBS = {685657756, 1387063188, 1441734226, 1112801404, 1112801405, 1112801397, 43802776}
TAGS = {"highway": "secondary", "oneway": "yes", "lanes": "3", "maxspeed": "50", "name": "Carrer de la Diputació",
        "source": "Open Data BCN, Graf de carrers (Ajuntament de Barcelona, CC BY 4.0)",
        "note": "Diputació carriageway missing from the OSM extract, added by Samples/tools/make_eixample_diputacio.py"}
# Cell: axis centreline through the graph nodes of Consell de Cent at Casanova and Rambla de Catalunya.
AXIS_NODES = ("N01219X", "N01492M")
CELL_HALF_WIDTH = 133.4  # m, Consell de Cent to the Aragó / Diputació centrelines (city graph)
CELL_U = (-535.0, 375.0)  # m along the axis from Consell de Cent x Balmes (N01235X)
ORIGIN_NODE = "N01235X"


def utm_inverse(x, y, zone=31):
    """ETRS89 / UTM zone 31N (EPSG:25831, GRS80) -> (lon, lat) degrees: Krueger series (Karney 2011)."""
    a, f, k0 = 6378137.0, 1 / 298.257222101, 0.9996
    n = f / (2 - f)
    big_a = a / (1 + n) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256)
    beta = [n / 2 - 2 * n ** 2 / 3 + 37 * n ** 3 / 96 - n ** 4 / 360 - 81 * n ** 5 / 512 + 96199 * n ** 6 / 604800,
            n ** 2 / 48 + n ** 3 / 15 - 437 * n ** 4 / 1440 + 46 * n ** 5 / 105 - 1118711 * n ** 6 / 3870720,
            17 * n ** 3 / 480 - 37 * n ** 4 / 840 - 209 * n ** 5 / 4480 + 5569 * n ** 6 / 90720,
            4397 * n ** 4 / 161280 - 11 * n ** 5 / 504 - 830251 * n ** 6 / 7257600,
            4583 * n ** 5 / 161280 - 108847 * n ** 6 / 3991680,
            20648693 * n ** 6 / 638668800]
    xi, eta = y / (k0 * big_a), (x - 500000.0) / (k0 * big_a)
    xi1 = xi - sum(b * math.sin(2 * j * xi) * math.cosh(2 * j * eta) for j, b in enumerate(beta, 1))
    eta1 = eta - sum(b * math.cos(2 * j * xi) * math.sinh(2 * j * eta) for j, b in enumerate(beta, 1))
    chi = math.asin(math.sin(xi1) / math.cosh(eta1))
    lam = math.atan2(math.sinh(eta1), math.cos(xi1))
    e = math.sqrt(f * (2 - f))
    tau1 = tau = math.tan(chi)
    for _ in range(20):  # conformal -> geodetic latitude, Newton on tan(phi)
        sigma = math.sinh(e * math.atanh(e * tau / math.sqrt(1 + tau * tau)))
        tau_p = tau * math.sqrt(1 + sigma * sigma) - sigma * math.sqrt(1 + tau * tau)
        step = (tau1 - tau_p) / math.sqrt(1 + tau_p * tau_p) * (1 + (1 - e * e) * tau * tau) / (
            (1 - e * e) * math.sqrt(1 + tau * tau))
        tau += step
        if abs(step) < 1e-15:
            break
    return math.degrees(math.radians(zone * 6 - 183) + lam), math.degrees(math.atan(tau))


class Plane:
    """Local metres (equirectangular about the sample's latitude): enough for snapping within metres."""

    def __init__(self, lon0, lat0):
        self.lon0, self.lat0 = lon0, lat0
        self.kx = 111320.0 * math.cos(math.radians(lat0))
        self.ky = 110574.0

    def xy(self, c):
        return ((c[0] - self.lon0) * self.kx, (c[1] - self.lat0) * self.ky)

    def lonlat(self, x, y):
        return [round(self.lon0 + x / self.kx, 7), round(self.lat0 + y / self.ky, 7)]


def read_graph(path):
    with zipfile.ZipFile(path) as archive:
        def rows(name):
            with archive.open(name) as raw:
                return list(csv.DictReader(io.TextIOWrapper(raw, encoding="iso-8859-1", newline=""), delimiter=";"))
        nodes = {r["C_Nus"]: utm_inverse(float(r["Coord_X"]), float(r["Coord_Y"]))
                 for r in rows("BCN_GrafVial_Nodes_ETRS89_CSV.csv")}
        trams = rows("BCN_GrafVial_Trams_ETRS89_CSV.csv")
    return nodes, trams


def diputacio_chain(trams, nodes):
    """The Diputació segments from WEST_NODE to EAST_NODE, west to east, as (tram, from, to)."""
    segments = [t for t in trams if t["NVia_D"] == STREET and t["NVia_E"] == STREET]
    chain, node = [], WEST_NODE
    while node != EAST_NODE:
        step = [(t, t["C_Nus_F"] if t["C_Nus_I"] == node else t["C_Nus_I"]) for t in segments
                if node in (t["C_Nus_I"], t["C_Nus_F"])]
        step = [(t, other) for t, other in step if nodes[other][0] > nodes[node][0]]  # eastwards
        assert len(step) == 1, f"Diputació is not a simple chain at {node}"
        tram, other = step[0]
        chain.append((tram, node, other))
        node = other
        assert len(chain) < 20, "Diputació chain does not reach the east node"
    return chain


def is_axis(properties):
    return (properties.get("note") or "").startswith("before layout: pre-2022 Consell de Cent")


def project_on_segment(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)
    t = min(1.0, max(0.0, t))
    q = (a[0] + t * dx, a[1] + t * dy)
    return t, math.hypot(p[0] - q[0], p[1] - q[1])


def build_diputacio(features, nodes, trams, plane):
    chain = diputacio_chain(trams, nodes)
    pts = [plane.xy(nodes[chain[0][1]])] + [plane.xy(nodes[c[2]]) for c in chain]
    # The nearest extract carriageway vertex (per way) within SNAP_M of the Diputació axis.
    joins = []
    for feature in features:
        p = feature["properties"]
        if p.get("highway") not in CARRIAGEWAY or is_axis(p):
            continue
        best = None
        for c in feature["geometry"]["coordinates"]:
            q = plane.xy(c)
            for i in range(len(chain)):
                t, d = project_on_segment(q, pts[i], pts[i + 1])
                if d <= SNAP_M and (best is None or d < best[0]):
                    best = (d, i, t, c, p.get("name"))
        if best:
            joins.append(best)
    joins.sort(key=lambda j: (j[1], j[2]))
    names = [j[4] for j in joins]
    assert names == EXPECTED_JOINS, f"unexpected joins with Diputació: {names}"
    # Move graph nodes onto a join within SNAP_M, insert the others along their segment.
    node_at = [plane.lonlat(*q) for q in pts]
    inserted = {i: [] for i in range(len(chain))}
    for d, i, t, c, name in joins:
        q = plane.xy(c)
        near = [k for k in (i, i + 1) if math.hypot(q[0] - pts[k][0], q[1] - pts[k][1]) <= SNAP_M]
        if near:
            node_at[min(near, key=lambda k: math.hypot(q[0] - pts[k][0], q[1] - pts[k][1]))] = list(c)
        else:
            inserted[i].append((t, list(c)))
    out = []
    for i in reversed(range(len(chain))):  # east to west: the one-way direction
        tram = chain[i][0]
        inner = [c for _, c in sorted(inserted[i], reverse=True)]
        coords = [node_at[i + 1]] + inner + [node_at[i]]
        props = {"id": f"bcn-graf-{tram['C_Tram']}"}
        props.update(TAGS)
        props["bcn:C_Tram"] = tram["C_Tram"]
        props["bcn:LONGITUD"] = tram["LONGITUD"]
        out.append({"type": "Feature", "properties": props, "geometry": {"type": "LineString", "coordinates": coords}})
    return out, joins


def build_cross_streets(features, nodes, trams, plane, diputacio):
    """The north-south blocks between Diputacio and the axis that the extract lacks (CROSS_STREETS)."""
    out = []
    for graph_name, osm_name in CROSS_STREETS:
        segments = [t for t in trams if t["NVia_D"] == graph_name and t["NVia_E"] == graph_name
                    and {t["C_Nus_I"], t["C_Nus_F"]} == {WEST_NODE, CROSS_NODES[graph_name]}]
        assert len(segments) == 1, f"no single {graph_name} block between Diputació and Consell de Cent"
        tram = segments[0]
        south = next(c for f in diputacio for c in f["geometry"]["coordinates"]
                     if math.dist(plane.xy(c), plane.xy(nodes[WEST_NODE])) <= SNAP_M)
        # The extract's way of that street whose first vertex is nearest the axis node: its start.
        target = plane.xy(nodes[CROSS_NODES[graph_name]])
        ways = [f for f in features if f["properties"].get("name") == osm_name
                and f["properties"].get("highway") in CARRIAGEWAY]
        way = min(ways, key=lambda f: math.dist(plane.xy(f["geometry"]["coordinates"][0]), target))
        start = way["geometry"]["coordinates"][0]
        assert math.dist(plane.xy(start), target) <= CROSS_SNAP_M, f"{osm_name} does not start near the axis"
        props = {"id": f"bcn-graf-{tram['C_Tram']}"}
        props.update({k: way["properties"][k] for k in ("highway", "oneway", "lanes", "maxspeed") if k in way["properties"]})
        props.update({"name": osm_name, "source": TAGS["source"],
                      "note": f"{osm_name} block missing from the OSM extract, added by Samples/tools/make_eixample_diputacio.py; "
                              f"tags copied from OSM way {way['properties']['osm_id']}",
                      "bcn:C_Tram": tram["C_Tram"], "bcn:LONGITUD": tram["LONGITUD"]})
        assert props.get("oneway") == "yes"  # drawn from Diputació towards the axis: northbound streets only
        out.append({"type": "Feature", "properties": props,
                    "geometry": {"type": "LineString", "coordinates": [list(south), list(start)]}})
    return out


def cell_polygon(nodes, plane):
    o = plane.xy(nodes[ORIGIN_NODE])
    a, b = plane.xy(nodes[AXIS_NODES[0]]), plane.xy(nodes[AXIS_NODES[1]])
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    ring = []
    for u, v in [(CELL_U[0], -CELL_HALF_WIDTH), (CELL_U[1], -CELL_HALF_WIDTH), (CELL_U[1], CELL_HALF_WIDTH),
                 (CELL_U[0], CELL_HALF_WIDTH), (CELL_U[0], -CELL_HALF_WIDTH)]:
        ring.append(plane.lonlat(o[0] + u * ux - v * uy, o[1] + u * uy + v * ux))
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
        "layer": "superblock", "id": "consell-de-cent", "name": "Eix verd Consell de Cent (Casanova - Passeig de Gràcia)",
        "note": "drawn by Samples/tools/make_eixample_diputacio.py: Aragó to Diputació centrelines"},
        "geometry": {"type": "Polygon", "coordinates": [ring]}}]}




def main():
    args = sys.argv[1:]
    samples = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = args[0] if args else os.path.join(samples, "eixample", "roads_before.geojson")
    graf = args[1] if len(args) > 1 else "/work/shared/data/barcelona_opendata/BCN_GrafVial_CSV.zip"
    out_dir = args[2] if len(args) > 2 else os.path.join(samples, "eixample")
    with open(source, encoding="utf-8") as fh:
        collection = json.load(fh)
    nodes, trams = read_graph(graf)
    plane = Plane(*nodes[ORIGIN_NODE])
    added, joins = build_diputacio(collection["features"], nodes, trams, plane)
    added += build_cross_streets(collection["features"], nodes, trams, plane, added)

    basic_features, tagged = [], 0
    for feature in collection["features"] + added:
        p = feature["properties"]
        if p.get("highway") in CARRIAGEWAY and not is_axis(p) and p.get("osm_id") not in INTERIOR_STUBS:
            feature = dict(feature, properties=dict(p, superblock="basic"))
            tagged += 1
        basic_features.append(feature)
    dump(os.path.join(out_dir, "roads_before_diputacio.geojson"), dict(collection, features=basic_features))
    dump(os.path.join(out_dir, "consell_de_cent_cell.geojson"), cell_polygon(nodes, plane))

    length = sum(float(f["properties"]["bcn:LONGITUD"]) for f in added if f["properties"]["highway"] == TAGS["highway"])
    print(f"roads_before_diputacio.geojson: {len(basic_features)} features ({len(added) - len(CROSS_STREETS)} Diputació "
          f"blocks, {length:.0f} m, joined to {len(joins)} OSM ways; {len(CROSS_STREETS)} cross-street blocks), {tagged} "
          f"superblock=basic; consell_de_cent_cell.geojson: 1 cell")


if __name__ == "__main__":
    main()
