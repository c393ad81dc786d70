#!/usr/bin/env python3
"""Renders templates/tags/provinceMap.html with sample data into a standalone HTML page, to look at the map without
starting AirWarn (for instance after moving a label in build_map.py):

    python3 src/tools/jilin-map/preview.py /tmp/map.html [nodata]
    chromium --headless --screenshot=/tmp/map.png --window-size=420,420 /tmp/map.html

It understands only the bits of Qute the tag uses ({#for}, {#if} with && and !, {#else}, {a.b.c}, {! comments !}).
The seats are copied from config/cities.yaml; the AQI values and warnings are made up.
"""
import html
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
TAG = os.path.join(ROOT, 'src', 'main', 'resources', 'templates', 'tags', 'provinceMap.html')
MAP = os.path.join(ROOT, 'src', 'main', 'resources', 'map', 'jilin-prefectures.tsv')
CSS = os.path.join(ROOT, 'src', 'main', 'resources', 'META-INF', 'resources', 'static', 'airwarn.css')

SEATS = {  # code: (lat, lon, zh, en)
    '220100': (43.88, 125.32, '长春市', 'Changchun'), '220200': (43.84, 126.55, '吉林市', 'Jilin'),
    '220300': (43.17, 124.35, '四平市', 'Siping'), '220400': (42.89, 125.14, '辽源市', 'Liaoyuan'),
    '220500': (41.73, 125.94, '通化市', 'Tonghua'), '220600': (41.94, 126.42, '白山市', 'Baishan'),
    '220700': (45.14, 124.83, '松原市', 'Songyuan'), '220800': (45.62, 122.84, '白城市', 'Baicheng'),
    '222400': (42.89, 129.51, '延边朝鲜族自治州（延吉市）', 'Yanbian (Yanji)'),
    'CBS-MAC': (42.40, 128.10, '长白山管委会', 'Changbai Mountain Administrative Committee'),
    '220581': (42.53, 125.70, '梅河口市', 'Meihekou'), '220184': (43.50, 124.82, '公主岭市', 'Gongzhuling'),
}
SAMPLE_AQI = {'220100': 86, '220200': 132, '220300': 45, '220400': 160, '220500': 72, '220600': 38, '220700': 210,
              '220800': 95, '222400': 55, 'CBS-MAC': 28, '220581': 120, '220184': 140}
SAMPLE_WARNINGS = {'220100': ('RED', False), '220200': ('ORANGE', False), '220700': ('RED', True),
                   'CBS-MAC': ('YELLOW', False), '220184': ('ORANGE', False)}
LEVEL_COLORS = {'BLUE': '#1E6FD9', 'YELLOW': '#F2C200', 'ORANGE': '#FF7E00', 'RED': '#E00000'}  # Bulletin.COLORS
CATEGORIES = [(50, '#00E400', 'Excellent'), (100, '#FFFF00', 'Good'), (150, '#FF7E00', 'Lightly polluted'),
              (200, '#FF0000', 'Moderately polluted'), (300, '#99004C', 'Heavily polluted'),
              (10 ** 9, '#7E0023', 'Severely polluted')]  # AqiCategory


def units():
    rows = [line.rstrip('\n').split('\t') for line in open(MAP, encoding='utf-8') if not line.startswith('#')]
    projection = [float(v) for v in rows[0][1:]]
    shapes = {r[1]: {'label': r[2], 'labelX': float(r[3]), 'labelY': float(r[4]),
                     'outline': None if r[5] == '-' else r[5]} for r in rows[1:]}
    return projection, shapes


def cities(no_data):
    (west, north, kx, ky), shapes = units()
    result = []
    for code, (lat, lon, zh, en) in SEATS.items():
        aqi = None if no_data else SAMPLE_AQI.get(code)
        warning = None if no_data else SAMPLE_WARNINGS.get(code)
        category = next((c for c in CATEGORIES if aqi is not None and aqi <= c[0]), None)
        result.append({
            'code': code, 'nameZh': zh, 'nameEn': en, 'map': shapes[code],
            'x': round((lon - west) * kx, 1), 'y': round((north - lat) * ky, 1),
            'latestDay': None if aqi is None else {'aqi': aqi, 'category': {'color': category[1], 'en': category[2]}},
            'warning': None if warning is None else {
                'level': {'name': warning[0], 'color': LEVEL_COLORS[warning[0]]}, 'exercise': warning[1]},
        })
    return result


def value(context, expression):
    v = context
    for part in expression.split('.'):
        v = v.get(part) if isinstance(v, dict) else None
        if v is None:
            return None
    return v['name'] if isinstance(v, dict) and 'name' in v else v


def holds(context, condition):
    condition = condition.strip()
    if '&&' in condition:
        return all(holds(context, part) for part in condition.split('&&'))
    if condition.startswith('!'):
        return not holds(context, condition[1:])
    return bool(value(context, condition))


def render(template, context):
    out, i = [], 0
    while i < len(template):
        if template.startswith('{!', i):
            i = template.index('!}', i) + 2
            continue
        section = re.match(r'\{#(for|if) ([^}]*)\}', template[i:])
        if section:
            kind, depth, start = section.group(1), 1, i + section.end()
            end = start
            while depth:
                tag = re.search(r'\{#(?:for|if) |\{/(?:for|if)\}', template[end:])
                depth += 1 if tag.group(0).startswith('{#') else -1
                end += tag.end()
            body = template[start:end - len('{/' + kind + '}')]
            if kind == 'for':
                name, _, collection = section.group(2).split()
                out.extend(render(body, {**context, name: item}) for item in context[collection])
            else:
                nested = re.search(r'\{#(?:for|if) ', body)
                then, _, otherwise = (body, '', '') if nested else body.partition('{#else}')
                out.append(render(then if holds(context, section.group(2)) else otherwise, context))
            i = end
            continue
        expression = re.match(r'\{([a-zA-Z][\w.]*)\}', template[i:])
        if expression:
            v = value(context, expression.group(1))
            out.append('' if v is None else html.escape(str(v)))
            i += expression.end()
            continue
        out.append(template[i])
        i += 1
    return ''.join(out)


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else 'map-preview.html'
    body = render(open(TAG, encoding='utf-8').read(), {'cities': cities('nodata' in sys.argv[2:])})
    css = open(CSS, encoding='utf-8').read()
    with open(target, 'w', encoding='utf-8') as f:
        f.write(f'<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>{css}</style></head>'
                f'<body style="margin:8px"><div>{body}</div></body></html>\n')
    print(target)


if __name__ == '__main__':
    main()
