#!/usr/bin/env python3
"""Builds src/main/resources/map/jilin-prefectures.tsv, the outlines of Jilin's 9 prefecture-level units that the
province map draws (templates/tags/provinceMap.html, via io.airwarn.situation.ProvinceMap).

Input: GeoJSON of OCHA's COD-AB China admin-2 boundaries (see README.md beside this file), either the whole
country (chn_admbnda_adm2_ocha_2020, converted with `ogr2ogr -f GeoJSON out.geojson chn_admbnda_adm2_ocha_2020.shp`)
or the Jilin extract bundled here (cod-ab-chn-jilin-adm2.geojson). Features are picked by ADM2_PCODE (CN0220..).

Steps: keep Jilin's units, drop islets, snap to a 0.01 degree grid, split the rings into arcs shared by the same
neighbours, simplify each arc once (Douglas-Peucker, so neighbours keep one common border), project, write SVG path
data. Python 3 standard library only:  python3 src/tools/jilin-map/build_map.py [input.geojson] [output.tsv]
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_IN = os.path.join(HERE, 'cod-ab-chn-jilin-adm2.geojson')
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, '..', '..', 'src', 'main', 'resources', 'map',
                                           'jilin-prefectures.tsv'))

# Equirectangular projection, true to scale at 43.6 N (the province's middle): x = (lon - WEST) * KX,
# y = (NORTH - lat) * KY. ProvinceMap reads these numbers from the output and places the units' seats with them.
WEST, NORTH, KX = 121.4, 46.4, 10.0
KY = KX / math.cos(math.radians(43.6))

GRID = 0.01          # degrees; shared vertices stay shared after snapping
MIN_PART = 0.005     # square degrees; smaller parts (river islets) are dropped
TOLERANCE = 0.15     # map units (the map is 100 wide); Douglas-Peucker tolerance per arc

# COD-AB P-code -> GB/T 2260 code, with the English name the P-code must carry (a check against a renumbered release).
UNITS = {
    'CN022010': ('220800', 'Baicheng'),
    'CN022020': ('220600', 'Baishan'),
    'CN022030': ('220100', 'Changchun'),
    'CN022040': ('220200', 'Jilin'),
    'CN022050': ('220400', 'Liaoyuan'),
    'CN022060': ('220300', 'Siping'),
    'CN022070': ('220700', 'Songyuan'),
    'CN022080': ('220500', 'Tonghua'),
    'CN022090': ('222400', 'Yanbian'),
}

# Short map labels and where they stand (lon, lat), placed by hand so that none collide: a prefecture's label sits
# inside it; a county-level unit (no outline of its own) gets a marker at its seat and the label beside it.
LABELS = {
    '220100': ('长春', 125.95, 44.22),
    '220200': ('吉林', 126.85, 43.55),
    '220300': ('四平', 123.75, 43.78),
    '220400': ('辽源', 125.10, 42.95),
    '220500': ('通化', 125.85, 41.55),
    '220600': ('白山', 127.25, 42.12),
    '220700': ('松原', 124.75, 44.92),
    '220800': ('白城', 122.85, 45.30),
    '222400': ('延边', 129.35, 43.30),
    'CBS-MAC': ('长白山', 128.80, 42.42),
    '220581': ('梅河口', 126.42, 42.56),
    '220184': ('公主岭', 125.57, 43.52),
}


def project(lon, lat):
    return (lon - WEST) * KX, (NORTH - lat) * KY


def ring_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def snap(ring):
    out = []
    for lon, lat in ring:
        p = (round(lon / GRID) * GRID, round(lat / GRID) * GRID)
        p = (round(p[0], 6), round(p[1], 6))
        if not out or out[-1] != p:
            out.append(p)
    changed = True
    while changed:  # remove spikes a-b-a left by snapping
        changed = False
        for i in range(1, len(out) - 1):
            if out[i - 1] == out[i + 1]:
                del out[i:i + 2]
                changed = True
                break
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def load(path):
    with open(path, encoding='utf-8') as f:
        features = json.load(f)['features']
    rings = {}
    for feature in features:
        props = feature['properties']
        pcode = props.get('ADM2_PCODE')
        if pcode not in UNITS:
            continue
        code, name = UNITS[pcode]
        if not str(props.get('ADM2_EN', '')).startswith(name):
            sys.exit(f'{pcode} is {props.get("ADM2_EN")!r}, expected {name}: check the P-code table')
        geometry = feature['geometry']
        polygons = [geometry['coordinates']] if geometry['type'] == 'Polygon' else geometry['coordinates']
        parts = [snap(polygon[0]) for polygon in polygons if abs(ring_area(polygon[0])) >= MIN_PART]
        rings[code] = [r if ring_area(r) < 0 else r[::-1] for r in parts]  # clockwise, as in the source
    missing = {code for code, _ in UNITS.values()} - set(rings)
    if missing:
        sys.exit(f'no outline for {sorted(missing)}')
    return rings


def check_topology(rings):
    """Neighbours must share their borders vertex for vertex, else the simplified outlines would gap or overlap: the
    edges that no neighbour shares must form one closed line, the province's outline (Jilin is one piece)."""
    edges = [(a, b) for parts in rings.values() for ring in parts for a, b in zip(ring, ring[1:])]
    shared = set(edges)
    unshared = [(a, b) for a, b in edges if (b, a) not in shared]
    outline = dict(unshared)
    point, steps = unshared[0][0], 0
    while True:
        point, steps = outline.get(point), steps + 1
        if point in (None, unshared[0][0]) or steps > len(unshared):
            break
    if len(outline) != len(unshared) or steps != len(unshared):
        sys.exit('the units do not share their borders exactly (gaps, overlaps or slivers); try a coarser GRID')


def split_into_arcs(rings):
    """Each ring as a list of arcs (point lists); an arc runs along one neighbour (or the province's edge)."""
    owner = {}
    degree = {}
    for code, parts in rings.items():
        for ring in parts:
            for a, b in zip(ring, ring[1:]):
                owner[(a, b)] = code
                degree.setdefault(a, set()).add(b)
                degree.setdefault(b, set()).add(a)
    result = {}
    for code, parts in rings.items():
        result[code] = []
        for ring in parts:
            pts = ring[:-1]
            n = len(pts)
            neighbour = [owner.get((pts[(i + 1) % n], pts[i])) for i in range(n)]
            cuts = [i for i in range(n) if neighbour[i] != neighbour[i - 1] or len(degree[pts[i]]) > 2]
            if not cuts:
                cuts = [0, max(range(n), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)]
            arcs = []
            for k, start in enumerate(cuts):
                end = cuts[(k + 1) % len(cuts)]
                length = (end - start) % n or n
                arcs.append([pts[(start + j) % n] for j in range(length + 1)])
            result[code].append(arcs)
    return result


def douglas_peucker(points, tolerance):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = math.hypot(dx, dy)
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else math.hypot(x - x1, y - y1)
        if d > best:
            best, index = d, i
    if best <= tolerance:
        return [points[0], points[-1]]
    return douglas_peucker(points[:index + 1], tolerance)[:-1] + douglas_peucker(points[index:], tolerance)


def simplify(arcs_by_unit):
    done = {}
    paths = {}
    for code, parts in arcs_by_unit.items():
        rings = []
        for arcs in parts:
            ring = []
            for arc in arcs:
                key = tuple(arc)
                if key not in done:
                    simple = douglas_peucker([project(*p) for p in arc], TOLERANCE)
                    done[key] = simple
                    done[tuple(reversed(arc))] = simple[::-1]
                ring.extend(done[key][:-1])
            rings.append(ring)
        paths[code] = rings
    return paths


def path_data(rings):
    out = []
    for ring in rings:
        out.append('M' + 'L'.join(f'{x:.1f} {y:.1f}' for x, y in ring) + 'Z')
    return ''.join(out)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_IN
    target = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    rings = load(source)
    check_topology(rings)
    paths = simplify(split_into_arcs(rings))
    lines = [
        '# Outlines of the 9 prefecture-level units of Jilin Province for the province map. Generated by',
        '# src/tools/jilin-map/build_map.py from OCHA ROAP, "China - Subnational Administrative Boundaries" (COD-AB,',
        '# cod-ab-chn, 2020 edition, admin level 2), licensed CC BY 3.0 IGO; simplified and projected. Do not edit:',
        '# change the script and run it again. Columns: unit <code> <short name> <label x> <label y> <SVG path or ->.',
        f'projection\t{WEST}\t{NORTH}\t{KX}\t{KY:.4f}',
    ]
    for code, (name, lon, lat) in LABELS.items():
        x, y = project(lon, lat)
        d = path_data(paths[code]) if code in paths else '-'
        lines.append(f'unit\t{code}\t{name}\t{x:.1f}\t{y:.1f}\t{d}')
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    with open(target, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines) + '\n')
    vertices = sum(len(r) for rings in paths.values() for r in rings)
    print(f'{target}: {os.path.getsize(target)} bytes, {vertices} vertices')


if __name__ == '__main__':
    main()
