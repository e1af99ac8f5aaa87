"""Decodes ECharts' compressed map format (UTF8Encoding: zigzag deltas, scale 1024) to plain GeoJSON.

Used once to make china_provinces.geojson from map/json/china.json of the npm package
echarts 4.9.0 (Apache License 2.0, LICENSE.echarts). No maintained library reads this format;
the algorithm is ECharts' own decodePolygon (src/coord/geo/parseGeoJson.js), 20 lines.
Usage: python3 decode_echarts_map.py china.json > china_provinces.geojson
"""
import json
import sys


def decode_ring(text, offsets, scale=1024):
    x0, y0 = offsets
    out = []
    for i in range(0, len(text), 2):
        x = ord(text[i]) - 64
        y = ord(text[i + 1]) - 64
        x = (x >> 1) ^ (-(x & 1))   # zigzag
        y = (y >> 1) ^ (-(y & 1))
        x0 += x                     # deltas
        y0 += y
        out.append([round(x0 / scale, 4), round(y0 / scale, 4)])
    return out


def main(path):
    source = json.load(open(path, encoding="utf-8"))
    features = []
    for f in source["features"]:
        g = f["geometry"]
        if g["type"] == "Polygon":
            coords = [decode_ring(r[2:] if r.startswith("@@") else r, o)
                      for r, o in zip(g["coordinates"], g["encodeOffsets"])]
        else:
            coords = [[decode_ring(r[2:] if r.startswith("@@") else r, o) for r, o in zip(poly, offs)]
                      for poly, offs in zip(g["coordinates"], g["encodeOffsets"])]
        features.append({"type": "Feature", "id": f["id"],
                         "properties": {"code": f["id"], "name": f["properties"]["name"]},
                         "geometry": {"type": g["type"], "coordinates": coords}})
    json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False,
              separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
