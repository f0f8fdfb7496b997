#!/usr/bin/env python3
"""Minimal, stdlib-only ESRI shapefile (Polygon) -> GeoJSON converter.

Usage:
  python3 Samples/tools/shp2geojson.py IN.shp OUT.geojson [--epsg N] [--keep-z]
          [--field SRC=dst[:str|:num] ...] [--const key=value ...]

Example (the Lorient fixture):
  python3 Samples/tools/shp2geojson.py /work/shared/data/lorient_noisemodelling/buildings.shp \\
      Tests/DistrictModelTests/Fixtures/lorient/buildings.geojson --epsg 2154 \\
      --field ID_WAY=id:str --const building=yes --field HEIGHT=height:num

What it reads
* .shp main file: 100-byte header (file code 9994 big-endian, version 1000 and shape
  type little-endian), then records (big-endian record number and content length in
  16-bit words; little-endian content). Shape types 5 (Polygon) and 15 (PolygonZ; Z kept
  only with --keep-z, M ignored) and 0 (null shape -> geometry null).
* Rings: a polygon record is a list of parts; each part is a closed ring. Shapefile
  outer rings are clockwise, holes counter-clockwise. Each clockwise ring starts a
  polygon; each counter-clockwise ring is a hole of the outer ring that contains its
  first vertex (the first outer ring if none does). RFC 7946 wants exterior rings
  counter-clockwise and holes clockwise, so every ring is reversed. One outer ring ->
  Polygon, several -> MultiPolygon.
* .dbf attributes per the dBase III header: record count (uint32 LE at byte 4), header
  length (uint16 LE at 8), record length (uint16 LE at 10), 32-byte field descriptors
  from byte 32 up to the 0x0D terminator (name: 11 bytes NUL-padded, type at 11,
  length at 16, decimal count at 17). Each record starts with a deletion flag byte
  ('*' = deleted: the record and its shape are skipped). C -> stripped string,
  N/F -> int when it has no decimal point, else float (blank -> null), L -> bool,
  D -> "YYYY-MM-DD". Text encoding from the .cpg file if present, else UTF-8 falling
  back to Latin-1.

Output: one feature per line, the legacy crs member urn:ogc:def:crs:EPSG::N when --epsg
is given, coordinates as read (no reprojection). Deterministic.
Without --field every DBF field is kept under its own name; with --field only the
listed ones (renamed, optionally coerced). Properties appear in command-line order.
"""
import json
import os
import struct
import sys


def read_dbf(path):
    enc = None
    cpg = os.path.splitext(path)[0] + ".cpg"
    if os.path.exists(cpg):
        with open(cpg, encoding="ascii") as fh:
            enc = fh.read().strip() or None
    with open(path, "rb") as fh:
        data = fh.read()
    nrec, hlen, rlen = struct.unpack("<IHH", data[4:12])
    fields, off = [], 32
    while data[off] != 0x0D:
        d = data[off:off + 32]
        name = d[:11].split(b"\x00", 1)[0].decode("ascii").strip()
        fields.append((name, chr(d[11]), d[16], d[17]))
        off += 32

    def text(raw):
        if enc:
            return raw.decode(enc)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")

    records = []
    for r in range(nrec):
        rec = data[hlen + r * rlen: hlen + (r + 1) * rlen]
        deleted = rec[:1] == b"*"
        pos, row = 1, {}
        for name, ftype, flen, _dec in fields:
            raw = rec[pos:pos + flen]
            pos += flen
            s = text(raw).strip().strip("\x00")
            if ftype in "NF":
                if s == "" or set(s) <= {"*"}:
                    v = None
                elif "." in s or "e" in s.lower():
                    v = float(s)
                else:
                    v = int(s)
            elif ftype == "L":
                v = None if s in ("", "?") else s.upper() in ("Y", "T")
            elif ftype == "D":
                v = f"{s[:4]}-{s[4:6]}-{s[6:8]}" if len(s) == 8 else None
            else:
                v = s
            row[name] = v
        records.append((deleted, row))
    return fields, records


def signed_area2(ring):
    x0, y0 = ring[0][0], ring[0][1]
    return sum((a[0] - x0) * (b[1] - y0) - (b[0] - x0) * (a[1] - y0)
               for a, b in zip(ring, ring[1:]))


def contains(ring, p):
    x, y, inside = p[0], p[1], False
    for a, b in zip(ring, ring[1:]):
        if (a[1] > y) != (b[1] > y):
            if x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
                inside = not inside
    return inside


def rings_to_geometry(rings):
    outers, holes = [], []
    for ring in rings:
        (outers if signed_area2(ring) < 0 else holes).append(ring)   # clockwise = outer
    if not outers:                 # malformed: treat everything as outer rings
        outers, holes = holes, []
    polys = [[o] for o in outers]
    for h in holes:
        target = next((p for p in polys if contains(p[0], h[0])), polys[0])
        target.append(h)
    # reverse: exterior counter-clockwise, holes clockwise (checked, so a
    # mis-oriented source ring still comes out right)
    polys = [[r if (signed_area2(r) > 0) == (k == 0) else list(reversed(r))
              for k, r in enumerate(p)] for p in polys]
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def read_shp(path, keep_z=False):
    with open(path, "rb") as fh:
        data = fh.read()
    code, = struct.unpack(">i", data[0:4])
    assert code == 9994, "not a shapefile"
    flen_words, = struct.unpack(">i", data[24:28])
    version, stype = struct.unpack("<ii", data[28:36])
    assert version == 1000
    end, off, shapes = flen_words * 2, 100, []
    while off < end:
        _num, clen = struct.unpack(">ii", data[off:off + 8])
        c = data[off + 8: off + 8 + clen * 2]
        off += 8 + clen * 2
        t, = struct.unpack("<i", c[:4])
        if t == 0:
            shapes.append(None)
            continue
        if t not in (5, 15):
            raise ValueError(f"shape type {t} not supported (only 5 Polygon, 15 PolygonZ)")
        nparts, npts = struct.unpack("<ii", c[36:44])
        parts = list(struct.unpack(f"<{nparts}i", c[44:44 + 4 * nparts]))
        p0 = 44 + 4 * nparts
        xy = struct.unpack(f"<{2 * npts}d", c[p0:p0 + 16 * npts])
        pts = [[xy[2 * k], xy[2 * k + 1]] for k in range(npts)]
        if t == 15 and keep_z:
            z0 = p0 + 16 * npts + 16
            zs = struct.unpack(f"<{npts}d", c[z0:z0 + 8 * npts])
            for p, z in zip(pts, zs):
                p.append(z)
        bounds = parts + [npts]
        rings = [pts[bounds[k]:bounds[k + 1]] for k in range(nparts)]
        rings = [r if r[0] == r[-1] else r + [r[0]] for r in rings if r]
        shapes.append(rings_to_geometry(rings))
    return stype, shapes


def main(argv):
    args, ops, epsg, keep_z = [], [], None, False
    it = iter(argv)
    for a in it:
        if a == "--epsg":
            epsg = int(next(it))
        elif a == "--keep-z":
            keep_z = True
        elif a == "--field":
            src, _, dst = next(it).partition("=")
            dst, _, kind = dst.partition(":")
            ops.append(("field", src, dst or src, kind))
        elif a == "--const":
            k, _, v = next(it).partition("=")
            ops.append(("const", k, k, v))
        else:
            args.append(a)
    if len(args) != 2:
        sys.exit(__doc__)
    shp, out = args
    _stype, shapes = read_shp(shp, keep_z)
    _f, records = read_dbf(os.path.splitext(shp)[0] + ".dbf")
    assert len(shapes) == len(records), f"{len(shapes)} shapes vs {len(records)} dbf records"

    feats = []
    for geom, (deleted, row) in zip(shapes, records):
        if deleted:
            continue
        props = {}
        if not any(op[0] == "field" for op in ops):
            props.update(row)
        for op, src, dst, kind in ops:        # command-line order = property order
            if op == "const":
                props[dst] = kind
                continue
            v = row[src]
            if kind == "str" and v is not None:
                v = str(v)
            elif kind == "num" and v is not None and not isinstance(v, (int, float)):
                v = float(v)
            props[dst] = v
        feats.append({"type": "Feature", "properties": props, "geometry": geom})

    head = {"type": "FeatureCollection",
            "name": os.path.splitext(os.path.basename(shp))[0]}
    if epsg:
        head["crs"] = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in feats)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text + ',"features":[\n' + body + "\n]}\n")
    print(f"{out}: {len(feats)} features")


if __name__ == "__main__":
    main(sys.argv[1:])
