#!/usr/bin/env python3
"""Writes the nasty-input corpus: one tiny file per case. Run from this folder; the files are
committed, so this only documents how each was made (and remakes them). manifest.tsv, written by
hand, says how each case is run and what it must give."""
import json

def fc(features, crs=None):
    out = {"type": "FeatureCollection", "features": features}
    if crs:
        out["crs"] = {"type": "name", "properties": {"name": crs}}
    return out

def street(coords, **props):
    props.setdefault("highway", "secondary")
    return {"type": "Feature", "properties": props, "geometry": {"type": "LineString", "coordinates": coords}}

def building(x, y, size=0.0002, **props):
    props.setdefault("building", "apartments")
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}

BASE = [street([[2.1600, 41.3900], [2.1630, 41.3915]], id="s1"),
        street([[2.1600, 41.3915], [2.1630, 41.3900]], id="s2", highway="residential"),
        building(2.1610, 41.3903, id="b1")]

def write(name, obj):
    with open(name, "w") as f:
        f.write(obj if isinstance(obj, str) else json.dumps(obj))

def raw(name, data):
    with open(name, "wb") as f:
        f.write(data)

write("valid.geojson", fc(BASE))
text = json.dumps(fc(BASE))
write("truncated.geojson", text[: len(text) // 2])
raw("bom.geojson", b"\xef\xbb\xbf" + text.encode())
raw("invalid-utf8.geojson", text.replace('"s1"', '"s\\u0031X"').encode().replace(b"X", b"\xff\xfe"))
write("duplicate-keys.geojson", text.replace('"id": "s1"', '"id": "s1", "id": "s9"'))
write("nan-coordinate.geojson", text.replace("2.16,", "NaN,", 1))
write("huge-coordinate.geojson", text.replace("2.16,", "1e999,", 1))
write("one-point-line.geojson", fc([street([[2.16, 41.39]], id="lonely")] + BASE[2:]))
unclosed = building(2.1610, 41.3903, id="open")
unclosed["geometry"]["coordinates"][0].pop()
write("unclosed-ring.geojson", fc(BASE[:2] + [unclosed]))
bowtie = building(2.1610, 41.3903, id="bowtie")
bowtie["geometry"]["coordinates"] = [[[2.1610, 41.3903], [2.1612, 41.3905], [2.1612, 41.3903], [2.1610, 41.3905], [2.1610, 41.3903]]]
write("self-intersecting-ring.geojson", fc(BASE[:2] + [bowtie]))
write("maxspeed-1e9.geojson", fc([street([[2.1600, 41.3900], [2.1630, 41.3915]], id="fast", maxspeed="1e9")] + BASE[1:]))
write("maxspeed-bad.geojson", fc([
    street([[2.1600, 41.3900], [2.1630, 41.3915]], id="zero", maxspeed="0"),
    street([[2.1600, 41.3905], [2.1630, 41.3920]], id="not-a-number", maxspeed="nan"),
    street([[2.1600, 41.3910], [2.1630, 41.3925]], id="negative", maxspeed=-30),
    street([[2.1600, 41.3915], [2.1630, 41.3930]], id="infinite", maxspeed="inf")] + BASE[2:]))
write("aadt-1e12.geojson", text.replace('"id": "s1"', '"id": "s1", "traffic:aadt": 1e12'))
write("flows-bad.geojson", text.replace('"id": "s1"', '"id": "s1", "traffic:day:light": 1e999, "speed:day:light": "-5", "TV_D": -3'))
write("population-1e19.geojson", text.replace('"id": "b1"', '"id": "b1", "population": 1e19'))
write("building-bad-numbers.geojson", text.replace('"id": "b1"', '"id": "b1", "building:levels": "1e999", "height": "-4", "dwellings": "nan"'))
write("width-1e9.geojson", text.replace('"id": "s1"', '"id": "s1", "width": "1e9", "lanes": "1e999"'))
write("tree-crown-bad.geojson", fc(BASE + [
    {"type": "Feature", "properties": {"natural": "tree", "diameter_crown": "1e9"}, "geometry": {"type": "Point", "coordinates": [2.1615, 41.3901]}}]))
write("tree-as-line.geojson", fc(BASE + [{"type": "Feature", "properties": {"natural": "tree"}, "geometry": {"type": "LineString", "coordinates": [[2.1615, 41.3901], [2.1616, 41.3902]]}}]))
write("sydney-outlier.geojson", fc(BASE + [street([[151.2093, -33.8688], [151.2100, -33.8690]], id="sydney")]))
write("easting-1e12.geojson", fc([street([[430000, 4582000], [430200, 4582100]], id="a"),
                                  street([[430000, 4582100], [1e12, 4582000]], id="far")], crs="urn:ogc:def:crs:EPSG::25831"))
merc = [street([[240445, 5069693], [240779, 5069915]], id="m1"),
        street([[240445, 5069915], [240779, 5069693]], id="m2", highway="residential"),
        {"type": "Feature", "properties": {"building": "apartments", "id": "mb"},
         "geometry": {"type": "Polygon", "coordinates": [[[240556, 5069738], [240578, 5069738], [240578, 5069768], [240556, 5069768], [240556, 5069738]]]}}]
write("epsg3857.geojson", fc(merc, crs="urn:ogc:def:crs:EPSG::3857"))
write("lonlat-as-25831.geojson", fc(BASE, crs="urn:ogc:def:crs:EPSG::25831"))
write("projected-as-lonlat.geojson", fc([street([[430000, 4582000], [430200, 4582100]], id="p")]))
empty = building(2.1610, 41.3903, id="empty")
empty["geometry"]["coordinates"] = []
write("empty-building.geojson", fc(BASE[:2] + [empty]))
write("cells-without-polygons.geojson", fc([street([[2.1600, 41.3900], [2.1630, 41.3915]], id="c", layer="superblock")]))
write("not-a-collection.geojson", '{"type": "Feature", "properties": {}, "geometry": null}')
write("empty.geojson", "")
write("swapped-axes-25831.geojson", fc([street([[4582000, 430000], [4582100, 430200]], id="swapped", highway="primary")],
                                       crs="urn:ogc:def:crs:EPSG::25831"))
# A square drawn as a closed way (area=yes) whose ring crosses itself: checked as the polygon it is read as.
write("bowtie-area.geojson", fc(BASE + [street([[2.1605, 41.3905], [2.1608, 41.3908], [2.1608, 41.3905], [2.1605, 41.3908], [2.1605, 41.3905]],
                                               id="bowtie-square", highway="pedestrian", area="yes")]))
# Counts that are no numbers: the default is used, and the user is told.
write("counts-not-numbers.geojson", text.replace('"id": "s1"', '"id": "s1", "traffic:aadt": "12k", "TV_D": "abc"')
      .replace('"id": "b1"', '"id": "b1", "building:levels": "1;6", "population": true'))
# Files of other formats, recognised by their first bytes: a Shapefile header (file code 9994, ESRI 1998) and gzip.
raw("roads.shp", b"\x00\x00\x27\x0a" + bytes(20) + b"\x00\x00\x00\x32" + b"\xe8\x03\x00\x00\x03\x00\x00\x00" + bytes(64))
import gzip
raw("valid.geojson.gz", gzip.compress(text.encode(), mtime=0))
# A list or an object where a number belongs.
write("numbers-as-lists.geojson", text.replace('"id": "b1"', '"id": "b1", "population": [1, 2], "dwellings": {"a": 1}'))
