"""The fixed vocabularies of the event file: event types, figure metrics, scopes, qualifiers.

Curators extend these when the data needs a new word; `skynet-tui validate` rejects
anything not listed here, so a typo never becomes a new category.
"""

EVENT_TYPES: dict[str, str] = {
    "launch": "an operation or special operation is launched",
    "establishment": "a body that runs the campaign is set up",
    "institutional": "another change in how the campaign is organised or named",
    "repatriation": "a fugitive is repatriated or escorted back",
    "extradition": "a fugitive is extradited",
    "deportation": "a fugitive is deported back",
    "surrender": "a fugitive returns and surrenders",
    "arrest": "a fugitive is arrested abroad",
    "return": "a fugitive returns, the way not stated",
    "announcement": "a public announcement or notice urging surrender",
    "public-notice": "clues about fugitives are published",
    "red-notice": "Interpol red notices are published",
    "confiscation": "a court confiscates a fugitive's assets",
    "treaty": "treaties and cooperation agreements",
    "cooperation": "a request for judicial or law-enforcement cooperation abroad",
    "results": "official figures for a period",
}

METRICS: dict[str, str] = {
    "people_recovered": "fugitives brought back (people)",
    "officials_recovered": "party members and state officials among them (people)",
    "red_notice_recovered": "red-notice (Hongtong) fugitives among them (people)",
    "top100_recovered": "fugitives of the 2015 list of 100 red-notice suspects (people)",
    "surrendered": "fugitives who surrendered of their own accord (people)",
    "supervision_targets_recovered": "persons subject to supervision among them (people)",
    "money_recovered_cny": "illicit money recovered (yuan)",
    "money_recovered_usd": "illicit money recovered (US dollars)",
    "countries_and_regions": "countries and regions fugitives were brought back from",
    "treaties": "extradition, legal assistance and asset-sharing treaties",
    "treaty_countries": "countries those treaties are with",
    "extradition_treaties": "extradition treaties",
    "legal_assistance_treaties": "criminal judicial assistance treaties",
    "financial_intelligence_agreements": "financial intelligence exchange agreements",
}

SCOPES: dict[str, str] = {
    "all": "the whole campaign, all bodies",
    "discipline-bodies": "cases run by the discipline inspection and supervision bodies alone",
    "surrender-announcement": "the months after the August 2018 announcement urging surrender",
}

QUALIFIERS: dict[str, str] = {
    "exact": "",
    "approx": "about",
    "more-than": "more than",
    "nearly": "nearly",
}

SOURCE_KINDS: dict[str, str] = {
    "official": "published by the body itself",
    "state-media": "a state news agency or newspaper",
    "wiki": "community-edited, low trust",
    "other": "any other kind",
}

#: Source kinds whose word alone is weak: an event resting only on them says so.
LOW_TRUST_KINDS = frozenset({"wiki"})
