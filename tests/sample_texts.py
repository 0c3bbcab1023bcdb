"""Hand-written article texts for the input tests: English, other languages, other encodings, a page.

None comes from a corpus; the English ones are long enough (over 30 words) for the language test.
"""

from __future__ import annotations

ENGLISH = (
    "Officials from the two countries met in the capital on Monday for talks that lasted six hours.\n\n"
    "The foreign minister said the meeting had been candid and constructive, and that both sides "
    "would keep talking about trade, security and the climate.\n\n"
    "A spokesman for the ministry told reporters that a second round of talks was planned for next "
    "month, but gave no date.\n"
)
OTHER_ENGLISH = (
    "The prime minister arrived in the port city on Tuesday for a two-day visit, her office said.\n\n"
    "She is expected to meet business leaders and to open a new bridge that was built with help "
    "from the regional government.\n\n"
    "Protesters gathered outside the town hall, but the police said the day had passed calmly.\n"
)
CP1252_TEXT = (
    "The minister said \u201cwe will meet again\u201d after talks at a caf\u00e9 near the harbour, "
    "where reporters had waited for hours in the rain.\n\n"
    "It was the first visit by a senior official from the country in five years, and the talks "
    "were described as \u201cfrank\u201d by both of the delegations.\n"
)
LATIN1_TEXT = (
    "A na\u00efve plan to reopen the border was dropped on Friday after the talks in the capital broke "
    "down, officials said.\n\n"
    "The envoy, who had flown in from Z\u00fcrich, told reporters that there would be no new round of "
    "talks before the end of the year.\n"
)
FRENCH = (
    "Le ministre des affaires \u00e9trang\u00e8res est arriv\u00e9 dimanche \u00e0 P\u00e9kin pour une "
    "visite destin\u00e9e \u00e0 apaiser les tensions entre les deux puissances. Il doit rencontrer son "
    "homologue chinois et peut-\u00eatre le pr\u00e9sident. Les relations entre la Chine et les "
    "\u00c9tats-Unis sont au plus bas depuis des ann\u00e9es.\n"
)
GERMAN = (
    "Der amerikanische Au\u00dfenminister ist am Sonntag zu einem Besuch in Peking eingetroffen, der die "
    "Spannungen zwischen den beiden Gro\u00dfm\u00e4chten abbauen soll. Er wird seinen chinesischen "
    "Amtskollegen treffen und m\u00f6glicherweise auch den Pr\u00e4sidenten. Die Beziehungen sind so "
    "schlecht wie seit Jahren nicht mehr.\n"
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Site</title><style>p {color: red}</style></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<script>alert(1)</script>"
    "<article><h1>Talks resume in the capital</h1>"
    "<p>Officials from the two countries met on Monday for talks that lasted six hours &amp; more.</p>"
    "<p>The foreign minister said the meeting had been candid and that both sides would keep "
    "talking about trade, security and the climate.<br>No date was given for the next round.</p>"
    "</article><footer>Copyright 2023 Example News</footer></body></html>"
)
