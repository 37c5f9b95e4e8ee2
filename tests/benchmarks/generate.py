"""Generated data for benchmarks: many partnerships and lessons that look like real ones."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

from explorer.core.models import (
    BENEFITS,
    CHALLENGES,
    DOMAINS,
    PARTNERSHIP_TYPES,
    STATUSES,
    Lesson,
    Milestone,
    Participant,
    Partner,
    Partnership,
)

CONTENT = Path(__file__).resolve().parents[2] / "content"


def _vocabulary() -> tuple[list[str], list[int]]:
    """Words with their real frequencies in the bundled lessons and descriptions, so the
    generated text has the word distribution of real content."""
    counts: Counter[str] = Counter()
    for path in [*CONTENT.glob("lessons/*.md"), *CONTENT.glob("partnerships/*.yaml")]:
        counts.update(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    words = [w for w, _ in counts.most_common()]
    return words, [counts[w] for w in words]


VOCABULARY, WEIGHTS = _vocabulary()
DOMAIN_WORDS = [w for w in VOCABULARY[:400] if len(w) > 5][:60]
AGENCIES = [
    "NASA",
    "ESA",
    "JAXA",
    "CNES",
    "DLR",
    "ISRO",
    "CNSA",
    "Roscosmos",
    "CSA",
    "ASI",
    "KARI",
    "UKSA",
    "SpaceX",
    "Boeing",
    "Airbus",
    "Thales",
    "Blue Origin",
]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=n)).capitalize() + "."


def partnerships(count: int, seed: int = 7) -> list[Partnership]:
    rng = random.Random(seed)
    partners = [Partner(a.lower().replace(" ", "-"), a, a, "US", "space-agency") for a in AGENCIES]
    out = []
    for i in range(count):
        start = rng.randint(1957, 2035)
        end = start + rng.randint(0, 25) if rng.random() < 0.7 else None
        chosen = rng.sample(partners, rng.randint(1, 4))
        out.append(
            Partnership(
                slug=f"generated-{i}",
                name=f"{rng.choice(AGENCIES)} {rng.choice(DOMAIN_WORDS).capitalize()} "
                f"{rng.choice(DOMAIN_WORDS).capitalize()} {i}",
                type=rng.choice(PARTNERSHIP_TYPES),
                start_year=start,
                end_year=end,
                status=rng.choice(STATUSES),
                domain=rng.choice(DOMAINS),
                partners=tuple(Participant(p) for p in chosen),
                countries=("US",),
                milestones=tuple(Milestone(start + k, sentence(rng, 6)) for k in range(3)),
                benefits=tuple(rng.sample(BENEFITS, 2)),
                challenges=tuple(rng.sample(CHALLENGES, 2)),
                description=" ".join(sentence(rng, 12) for _ in range(8)),
                origin="user",
            )
        )
    return out


def lessons(count: int, words: int = 600, seed: int = 11) -> list[Lesson]:
    rng = random.Random(seed)
    return [
        Lesson(
            slug=f"lesson-{i}",
            title=sentence(rng, 4).rstrip("."),
            section="benefits",
            order=i,
            summary=sentence(rng, 15),
            body=lesson_body(words, rng),
            source_path=Path(f"/generated/lesson-{i}.md"),
        )
        for i in range(count)
    ]


def lesson_body(words: int, rng: random.Random | None = None) -> str:
    """Markdown with headings, lists, a table, an admonition and links, about `words` long."""
    rng = rng or random.Random(3)
    parts: list[str] = []
    written = 0
    section = 0
    while written < words:
        section += 1
        parts.append(f"## Section {section}: {sentence(rng, 3)}")
        for _ in range(3):
            paragraph = " ".join(sentence(rng, 12) for _ in range(4))
            parts.append(paragraph + " See [the ISS](partnership:international-space-station).")
            written += 50
        parts.append("- " + sentence(rng, 8) + "\n- " + sentence(rng, 8))
        parts.append("| year | event |\n|---|---|\n| 1998 | " + sentence(rng, 5) + " |")
        parts.append('!!! note "Did you know?"\n    ' + sentence(rng, 20))
        written += 50
    return "\n\n".join(parts)
