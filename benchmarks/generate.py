"""Synthetic events files for the benchmark: deterministic, schema-valid, realistic field sizes.

`events_file(n)` returns benchmarks/data/events-<n>.yaml, writing it first unless a file from
the same generator version is already there. The YAML is written as text (double-quoted
strings escaped by hand), which is far faster than yaml.dump of 100,000 objects.
"""

from __future__ import annotations

import calendar
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from skynet_tui.countries import NAMES
from skynet_tui.vocabulary import EVENT_TYPES, METRICS, QUALIFIERS, SCOPES

GENERATOR_VERSION = 1
SEED = 20150401
DATA_DIR = Path(__file__).resolve().parent / "data"

SOURCES = [
    ("official-review-{}", "A six-year review of the campaign, part {}", "Example Commission", "official"),
    ("daily-report-{}", "A daily paper's report on returned fugitives, issue {}", "Example Daily", "state-media"),
    ("wiki-page-{}", "A community wiki page on fugitive officials, revision {}", "A community wiki", "wiki"),
    ("other-brief-{}", "A research brief on cross-border recovery, number {}", "An Example Institute", "other"),
]
AGENCIES = [
    ("nsc", "National Supervisory Commission", ["State Supervision Commission", "State Supervisory Commission"]),
    ("ccdi", "Central Commission for Discipline Inspection", ["Central Discipline Commission", "中央纪委"]),
    ("mps", "Ministry of Public Security", ["Public Security Ministry"]),
    ("spp", "Supreme People's Procuratorate", ["Supreme Procuratorate"]),
    ("spc", "Supreme People's Court", ["Supreme Court"]),
    ("pboc", "People's Bank of China", ["Central Bank"]),
    ("mfa", "Ministry of Foreign Affairs", ["Foreign Ministry"]),
    ("fugitive-office", "Central Anti-Corruption Coordination Group Fugitive Office", ["Fugitive Office"]),
]
SURNAMES = "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Yao Qiao Fēng".split()
GIVEN = "Wei Fang Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiuzhu Jinqi Chaofan Hua Ping Gang Hui Xin Bo Yu Lǚ".split()
WORDS = (
    "the of and to in a was from for on by his her their with as after had been were that it at which under "
    "fugitive official officials former deputy director chairman party secretary bureau county province city bank "
    "state-owned company funds embezzlement bribery corruption suspect suspects case cases investigation police "
    "prosecutors court trial sentence assets confiscated frozen recovered illicit money yuan dollars property "
    "returned surrendered extradited repatriated deported arrested abroad overseas fled escaped years hiding "
    "Interpol red notice list hundred cooperation treaty agreement judicial assistance authorities campaign "
    "Sky Net operation special launched announced commission supervisory discipline inspection ministry public "
    "security procuratorate persuaded return voluntarily lenient treatment family relatives passport visa "
    "immigration hearing appeal lawyer request government embassy consulate flight airport escorted custody "
    "according report said statement press conference figures total number people persons more than nearly about "
    "United States Canada Australia New Zealand Thailand Singapore Bulgaria Kenya Fiji Zhejiang Guangdong Henan "
    "Hubei Jiangsu Shandong Beijing Shanghai Wenzhou 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024 "
    'first second third “Fox Hunt” "wanted" résumé naïve café \\ 中央 追逃 天网'
).split()


def _weights(count: int) -> list[float]:
    return [1.0 / (rank + 3) for rank in range(count)]  # roughly Zipf: common words first


def quoted(text: str) -> str:
    """A YAML double-quoted scalar for text holding no control characters."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Text:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.weights = _weights(len(WORDS))

    def sentence(self, low: int, high: int) -> str:
        target = self.rng.randint(low, high)
        words = self.rng.choices(WORDS, self.weights, k=target // 5 + 4)
        text = " ".join(words)
        while len(text) < target:
            text += " " + " ".join(self.rng.choices(WORDS, self.weights, k=10))
        cut = text.rfind(" ", 0, target)
        text = text[: cut if cut >= low else target].rstrip(" \\")
        return text[0].upper() + text[1:] + "."


def _date(rng: random.Random) -> str:
    year = rng.randint(2014, 2024)
    precision = rng.random()
    if precision < 0.12:
        return f"{year}"
    month = rng.randint(1, 12)
    if precision < 0.35:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, calendar.monthrange(year, month)[1]):02d}"


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _figure(rng: random.Random, year: int, sources: list[str]) -> list[str]:
    metric = rng.choice(list(METRICS))
    value = rng.randint(1, 5000) if "money" not in metric else rng.randint(10**6, 10**10)
    if rng.random() < 0.1:
        value = f"{value / 100:.2f}"
    period = f'"{year}"' if rng.random() < 0.7 else f'"{year}-01/{year}-{rng.randint(2, 11):02d}"'
    return [
        f"      - metric: {metric}",
        f"        value: {value}",
        f"        period: {period}",
        f"        scope: {rng.choice(list(SCOPES))}",
        f"        qualifier: {rng.choice(list(QUALIFIERS))}",
        f"        source: {rng.choice(sources)}",
    ]


def write_events(path: Path, count: int, seed: int = SEED) -> None:
    rng = random.Random(seed + count)
    text = _Text(rng)
    types = [kind for kind in EVENT_TYPES if kind != "results"]
    codes = sorted(NAMES)
    country_weights = _weights(len(codes))
    rng.shuffle(codes)  # which countries are common is random, but fixed by the seed
    source_ids = [pattern[0].format(number) for number in range(1, 6) for pattern in SOURCES]
    lines = [
        f"# skynet-tui benchmark data: generator {GENERATOR_VERSION}, {count} events, seed {seed}",
        "schema: 1",
        "sources:",
    ]
    for number in range(1, 6):
        for source_id, title, publisher, kind in SOURCES:
            lines += [
                f"  - id: {source_id.format(number)}",
                f"    title: {quoted(title.format(number))}",
                f"    publisher: {quoted(publisher)}",
                f'    published: "{2015 + number}-0{number}"',
                f"    kind: {kind}",
                f'    url: "https://example.org/{source_id.format(number)}"',
                f"    note: {quoted(text.sentence(40, 120))}",
            ]
    lines.append("agencies:")
    for agency_id, name, aliases in AGENCIES:
        lines += [f"  - id: {agency_id}", f"    name: {quoted(name)}", f"    aliases: {_flow(map(quoted, aliases))}"]
    lines.append("events:")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
        for index in range(count):
            out.write("\n".join(_event(rng, text, index, types, codes, country_weights, source_ids)) + "\n")


def _event(rng, text, index, types, codes, country_weights, source_ids) -> list[str]:
    date = _date(rng)
    results = rng.random() < 0.15
    kind = "results" if results else rng.choice(types)
    people = [f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 3))]
    agencies = rng.sample([agency[0] for agency in AGENCIES], rng.randint(1, 3))
    countries = sorted(set(rng.choices(codes, country_weights, k=rng.randint(0, 2))))
    cited = rng.sample(source_ids, 2)
    lines = [
        f"  - id: {date}-{kind}-{index:06d}",
        f'    date: "{date}"',
        f"    type: {kind}",
        f"    title: {quoted(text.sentence(40, 90))}",
        f"    summary: {quoted(text.sentence(200, 500))}",
    ]
    if rng.random() < 0.5:
        lines.append(f"    operation: skynet-{date[:4]}")
    lines.append(f"    people: {_flow(map(quoted, people))}")
    lines.append(f"    agencies: {_flow(agencies)}")
    if countries:
        lines.append(f"    countries: {_flow(countries)}")
    if results:
        lines.append("    figures:")
        for _ in range(rng.randint(1, 3)):
            lines += _figure(rng, int(date[:4]) - 1, cited)
    lines.append("    citations:")
    for source in cited:
        lines += [f"      - source: {source}", f"        quote: {quoted(text.sentence(150, 400))}"]
    return lines


def header_of(count: int, seed: int = SEED) -> str:
    return f"# skynet-tui benchmark data: generator {GENERATOR_VERSION}, {count} events, seed {seed}\n"


def events_file(count: int, skynet_tui: str, *, log=print) -> Path:
    """The events file of `count` events, generated (and validated once) unless already there."""
    path = DATA_DIR / f"events-{count}.yaml"
    if path.exists():
        with open(path, encoding="utf-8") as existing:
            if existing.readline() == header_of(count):
                return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    log(f"generating {path.name} ...")
    partial = path.with_suffix(".yaml.partial")
    write_events(partial, count)
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "SKYNET_TUI_CACHE_DIR": cache}
        check = subprocess.run([skynet_tui, "validate", str(partial)], env=env, capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"generated {partial} does not validate:\n{check.stdout[:2000]}{check.stderr[:2000]}")
    os.replace(partial, path)
    log(f"  {path.name}: {path.stat().st_size / 2**20:.0f} MiB, valid")
    return path


if __name__ == "__main__":
    for size in map(int, (sys.argv[1:] or ["1000"])):
        print(events_file(size, str(Path(sys.executable).parent / "skynet-tui")))
