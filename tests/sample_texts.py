"""Hand-written article texts for the input tests: English, other languages, other encodings, a page.

None comes from a corpus; the English ones are long enough (over 30 words) for the language test.
"""

from __future__ import annotations

ENGLISH = (
    "Officials from the two countries met in the capital on Monday, 4 May 2031, for talks that "
    "lasted six hours.\n\n"
    "The foreign minister said the meeting had been candid and constructive, and that both sides "
    "would keep talking about trade, security and the climate.\n\n"
    "A spokesman for the ministry told reporters that a second round of talks was planned for June "
    "2031, but gave no day.\n"
)
OTHER_ENGLISH = (
    "The prime minister arrived in the port city on Tuesday, 6 May 2031, for a two-day visit, her "
    "office said.\n\n"
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
    "A na\u00efve plan to reopen the border was dropped on Friday, 9 May 2031, after the talks in the "
    "capital broke "
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
    "<p>Officials from the two countries met on Monday, 4 May 2031, for talks that lasted six hours "
    "&amp; more.</p>"
    "<p>The foreign minister said the meeting had been candid and that both sides would keep "
    "talking about trade, security and the climate.<br>No date was given for the next round.</p>"
    "</article><footer>Copyright 2023 Example News</footer></body></html>"
)
# Short English wire briefs, one to three sentences, full of names (all made up): English, every one.
WIRE_BRIEFS = (
    "U.S. President Dale Whitcombe, French President Etienne Varlaud, German Chancellor Jorg Ahlbrecht, "
    "British Prime Minister Nigel Ashcombe and Italian Prime Minister Chiara Benedetti met NATO "
    "Secretary-General Maren Tollefsen in Vilnius on Tuesday ahead of an alliance summit expected to "
    "approve new defence plans.",
    "BRUSSELS (Reuters) - Alliance Secretary-General Maren Tollefsen hosted U.S. President Dale Whitcombe, "
    "French President Etienne Varlaud, German Chancellor Jorg Ahlbrecht, British Prime Minister Nigel "
    "Ashcombe and Turkish President Kemal Yurtsever at NATO headquarters on Thursday for talks on Ukraine's "
    "bid to join the alliance.",
    "SEOUL, March 2 (Yonhap) - South Korean President Han Ji-hoon, Japanese Prime Minister Kenji Kishimura "
    "and U.S. Vice President Margaret Hendricks held a trilateral call on North Korea's missile launches.",
    "Saudi Crown Prince Khalid bin Fahd Al Rashed hosted Emirati President Sheikh Saeed bin Rashid Al "
    "Nuaimi, Egyptian President Tarek Mansour and Jordan's King Faisal Al Hashimi in Riyadh on Sunday for "
    "an emergency Arab summit on Gaza.",
    "Present: Ilse Ahrensfeld, Doru Petrescu, Ana Lucia de Souza, Tomas van Acker, Kofi Mensah-Boateng, "
    "Li Wenjun, Rania al-Khatib, Mikko Jarvinen, Zsofia Kovacs, Dan Hartono. The nine ministers met in "
    "Vienna on Monday.",
    "Japanese Prime Minister Kenji Kishimura, Australian Prime Minister Grant Mowbray, Indian Prime Minister "
    "Vikram Sethuraman and U.S. President Dale Whitcombe held a Quad leaders' call on Friday, pledging "
    "closer maritime cooperation in the Indo-Pacific, Tokyo said.",
    "Chinese Premier Zhao Wenliang met Brazilian President Luiz Carvalhal, South African President Sipho "
    "Mkhize and Indian Prime Minister Vikram Sethuraman on the sidelines of the BRICS summit in "
    "Johannesburg on Wednesday.",
    "KYIV - Ukrainian President Oleksandr Hrytsak and Polish President Andrzej Wisniewski inspected a border "
    "crossing near Lviv on Saturday, a spokesman for the presidential office said. Hrytsak thanked "
    "Wisniewski for Poland's support.",
    "DOHA, Nov 12 (Reuters) - Qatari Prime Minister Sheikh Faisal bin Nasser Al Marri, Egyptian intelligence "
    "chief Hassan Abdel Rahman and CIA Director William Brandt met in Doha on Sunday to discuss a ceasefire "
    "in Gaza, two sources briefed on the talks said.",
    "Venezuelan opposition leader Maria Elena Castillo de la Fuente and Colombian President Gustavo Restrepo "
    "spoke by phone on Tuesday about the election, Restrepo's office said in a statement.",
    "German Foreign Minister Annegret von Hollenbach will visit Paris on Friday to meet her French "
    "counterpart Claire Delmas-Roux and Dutch Foreign Minister Pieter van der Linden, the ministry in "
    "Berlin said.",
    "ADDIS ABABA (AFP) - Ethiopian Prime Minister Dawit Tesfaye received Kenyan President William Otieno and "
    "Somali President Abdi Warsame at the National Palace on Monday. The three leaders discussed security in "
    "the Horn of Africa.",
    "Brazilian President Paulo da Silva Moreira and Argentine President Javier Mendoza y Lopez signed a "
    "trade accord in Brasilia on Tuesday, with Uruguayan President Martin Ferreira Sosa and Paraguayan "
    "President Ruben Benitez looking on.",
    "Vietnamese Prime Minister Pham Minh Long and Thai Prime Minister Prasert Thavornsiri met in Hanoi on "
    "Wednesday, Vietnam's foreign ministry said, after Thai Foreign Minister Somchai Rattanakorn and his "
    "counterpart Bui Thanh Sang held talks.",
    "Kenyan President William Otieno, Tanzanian President Neema Mwakyusa, Ugandan President Moses Okello "
    "and Rwandan President Jean-Paul Habimana signed an East African Community customs protocol in Arusha "
    "on Thursday, Otieno's office said.",
    "Austrian Chancellor Karl Nehrbauer, Swiss President Ueli Kaufmann and Liechtenstein's head of "
    "government Adrian Vogt-Marxer held talks in Vaduz on Tuesday. Kaufmann said the three would meet "
    "again in Bern in May.",
)
# The same kind of news in other languages written in Latin letters, names and all: none is English.
OTHER_LANGUAGE_BRIEFS = (
    "Minister-president Pieter van der Linden heeft dinsdag in Den Haag zijn Belgische collega ontvangen "
    "voor overleg over de energieprijzen. Volgens een woordvoerder was het gesprek constructief en zullen "
    "de twee regeringen volgende maand opnieuw met elkaar praten over de samenwerking.",
    "O presidente Paulo da Silva Moreira recebeu nesta ter\u00e7a-feira em Bras\u00edlia o "
    "primeiro-ministro portugu\u00eas para conversas sobre com\u00e9rcio e energia. Segundo o porta-voz do "
    "governo, os dois l\u00edderes assinaram um acordo de coopera\u00e7\u00e3o e voltar\u00e3o a se reunir "
    "no pr\u00f3ximo ano em Lisboa.",
    "Il presidente del Consiglio Chiara Benedetti ha incontrato marted\u00ec a Roma il cancelliere tedesco "
    "per discutere di energia e di migranti. Secondo fonti del governo, i due leader hanno concordato un "
    "nuovo vertice entro la fine dell'anno e una dichiarazione comune sulla sicurezza.",
    "Prezydent Andrzej Wi\u015bniewski spotka\u0142 si\u0119 we wtorek w Warszawie z premierem Ukrainy, aby "
    "om\u00f3wi\u0107 pomoc wojskow\u0105 i odbudow\u0119 kraju. Wed\u0142ug rzecznika kancelarii rozmowy "
    "by\u0142y bardzo konkretne, a obaj przyw\u00f3dcy zapowiedzieli kolejne spotkanie jeszcze w tym roku.",
    "Presiden Budi Santoso menerima kunjungan Perdana Menteri Malaysia di Istana Merdeka pada hari Selasa "
    "untuk membahas sengketa perbatasan laut. Menurut juru bicara istana, kedua pemimpin sepakat untuk "
    "membentuk tim bersama dan akan bertemu lagi bulan depan di Kuala Lumpur.",
)
