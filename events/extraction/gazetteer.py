"""A small gazetteer: country names and their adjectives.

Used to tell a place from other names ("the country's parliament" -> the last country named)
and to keep nationality adjectives ("Iraqi", "American") out of the actors list.
"""

from __future__ import annotations

# country -> adjective(s); names as news writes them.
COUNTRIES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan",), "Albania": ("Albanian",), "Algeria": ("Algerian",),
    "Argentina": ("Argentine", "Argentinian"), "Armenia": ("Armenian",), "Australia": ("Australian",),
    "Austria": ("Austrian",), "Azerbaijan": ("Azerbaijani",), "Bahrain": ("Bahraini",),
    "Bangladesh": ("Bangladeshi",), "Belarus": ("Belarusian",), "Belgium": ("Belgian",),
    "Bolivia": ("Bolivian",), "Bosnia": ("Bosnian",), "Brazil": ("Brazilian",), "Britain": ("British",),
    "Bulgaria": ("Bulgarian",), "Cambodia": ("Cambodian",), "Cameroon": ("Cameroonian",),
    "Canada": ("Canadian",), "Chad": ("Chadian",), "Chile": ("Chilean",), "China": ("Chinese",),
    "Colombia": ("Colombian",), "Congo": ("Congolese",), "Croatia": ("Croatian",), "Cuba": ("Cuban",),
    "Cyprus": ("Cypriot",), "Czech Republic": ("Czech",), "Denmark": ("Danish",),
    "Ecuador": ("Ecuadorian",), "Egypt": ("Egyptian",), "Eritrea": ("Eritrean",),
    "Estonia": ("Estonian",), "Ethiopia": ("Ethiopian",), "Finland": ("Finnish",), "France": ("French",),
    "Georgia": ("Georgian",), "Germany": ("German",), "Ghana": ("Ghanaian",), "Greece": ("Greek",),
    "Guatemala": ("Guatemalan",), "Haiti": ("Haitian",), "Honduras": ("Honduran",),
    "Hungary": ("Hungarian",), "Iceland": ("Icelandic",), "India": ("Indian",),
    "Indonesia": ("Indonesian",), "Iran": ("Iranian",), "Iraq": ("Iraqi",), "Ireland": ("Irish",),
    "Israel": ("Israeli",), "Italy": ("Italian",), "Japan": ("Japanese",), "Jordan": ("Jordanian",),
    "Kazakhstan": ("Kazakh",), "Kenya": ("Kenyan",), "Kosovo": ("Kosovar",), "Kuwait": ("Kuwaiti",),
    "Latvia": ("Latvian",), "Lebanon": ("Lebanese",), "Libya": ("Libyan",), "Lithuania": ("Lithuanian",),
    "Malaysia": ("Malaysian",), "Mali": ("Malian",), "Mexico": ("Mexican",), "Moldova": ("Moldovan",),
    "Mongolia": ("Mongolian",), "Morocco": ("Moroccan",), "Mozambique": ("Mozambican",),
    "Myanmar": ("Burmese",), "Nepal": ("Nepalese", "Nepali"), "Netherlands": ("Dutch",),
    "New Zealand": (), "Nicaragua": ("Nicaraguan",), "Niger": ("Nigerien",), "Nigeria": ("Nigerian",),
    "North Korea": ("North Korean",), "Norway": ("Norwegian",), "Oman": ("Omani",),
    "Pakistan": ("Pakistani",), "Palestine": ("Palestinian",), "Panama": ("Panamanian",),
    "Peru": ("Peruvian",), "Philippines": ("Filipino", "Philippine"), "Poland": ("Polish",),
    "Portugal": ("Portuguese",), "Qatar": ("Qatari",), "Romania": ("Romanian",), "Russia": ("Russian",),
    "Rwanda": ("Rwandan",), "Saudi Arabia": ("Saudi",), "Senegal": ("Senegalese",),
    "Serbia": ("Serbian", "Serb"), "Singapore": ("Singaporean",), "Slovakia": ("Slovak",),
    "Slovenia": ("Slovenian",), "Somalia": ("Somali",), "South Africa": ("South African",),
    "South Korea": ("South Korean", "Korean"), "Spain": ("Spanish",), "Sri Lanka": ("Sri Lankan",),
    "Sudan": ("Sudanese",), "Sweden": ("Swedish",), "Switzerland": ("Swiss",), "Syria": ("Syrian",),
    "Taiwan": ("Taiwanese",), "Tajikistan": ("Tajik",), "Tanzania": ("Tanzanian",),
    "Thailand": ("Thai",), "Tunisia": ("Tunisian",), "Turkey": ("Turkish",), "Uganda": ("Ugandan",),
    "Ukraine": ("Ukrainian",), "United Arab Emirates": ("Emirati",), "United Kingdom": ("British",),
    "UK": ("British",), "United States": ("American",), "US": ("American",), "U.S.": ("American",),
    "USA": ("American",), "Uruguay": ("Uruguayan",), "Uzbekistan": ("Uzbek",),
    "Venezuela": ("Venezuelan",), "Vietnam": ("Vietnamese",), "Yemen": ("Yemeni",),
    "Zambia": ("Zambian",), "Zimbabwe": ("Zimbabwean",),
}  # fmt: skip

DEMONYMS: frozenset[str] = frozenset(a for adjs in COUNTRIES.values() for a in adjs) | frozenset(
    {"European", "African", "Asian", "Arab", "Western", "Eastern", "Kurdish", "Shiite", "Sunni"}
)
