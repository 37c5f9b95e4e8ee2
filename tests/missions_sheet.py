"""A generated public-dataset-like sheet of space launches, the shape teachers download:

    Company,Location,Date,Time,Rocket,Mission,RocketStatus,Price,MissionStatus

Dates are written "Fri Aug 07, 2020 05:12 UTC" (some without the time), companies are
the launch providers (some the app knows, some it does not), a few missions repeat
("Test Flight") and a few collide with partnerships that come with the app. The values
look real but are made up from a seeded random generator: this is test data, not facts.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import datetime, timedelta
from pathlib import Path

HEADER = [
    "Company",
    "Location",
    "Date",
    "Time",
    "Rocket",
    "Mission",
    "RocketStatus",
    "Price",
    "MissionStatus",
]
COMPANIES = [
    "SpaceX",
    "CASC",
    "Arianespace",
    "Roscosmos",
    "ULA",
    "Rocket Lab",
    "Northrop",
    "ISRO",
    "MHI",
    "VKS RF",
    "RVSN USSR",
    "NASA",
    "US Air Force",
    "Boeing",
    "Lockheed",
    "ILS",
    "Kosmotras",
    "Blue Origin",
    "JAXA",
    "ESA",
]
LOCATIONS = [
    "LC-39A, Kennedy Space Center, Florida, USA",
    "SLC-40, Cape Canaveral AFS, Florida, USA",
    "SLC-4E, Vandenberg AFB, California, USA",
    "LC-9, Taiyuan Satellite Launch Center, China",
    "ELA-3, Guiana Space Centre, French Guiana, France",
    "Site 31/6, Baikonur Cosmodrome, Kazakhstan",
    "Second Launch Pad, Satish Dhawan Space Centre, India",
    "LA-Y1, Tanegashima Space Center, Japan",
    "Rocket Lab LC-1A, Mahia Peninsula, New Zealand",
]
ROCKETS = [
    "Falcon 9 Block 5",
    "Long March 2D",
    "Ariane 5 ECA",
    "Soyuz 2.1a",
    "Atlas V 401",
    "Electron/Curie",
    "PSLV-QL",
    "H-IIA 202",
    "Proton-M/Briz-M",
    "Delta IV Heavy",
]
PAYLOADS = [
    "Starlink V1 L{n}",
    "GPS III SV{n:02d}",
    "Gaofen-{n}",
    "Yaogan-30 Group {n}",
    "Kosmos {n}",
    "Progress MS-{n}",
    "Sentinel-1 Block {n}",
    "Intelsat {n}",
    "Resurs-P No.{n}",
    "Shiyan-{n}",
]
#: missions that share a slug with a partnership that comes with the app
BUNDLED_COLLISIONS = ("Cassini-Huygens", "Rosetta", "BepiColombo")
ROWS = 4_000


def launch_date(rng: random.Random) -> datetime:
    start = datetime(1957, 10, 4)
    return start + timedelta(minutes=rng.randint(0, 63 * 365 * 24 * 60))


def written(day: datetime, with_time: bool) -> str:
    """'Fri Aug 07, 2020 05:12 UTC', as the public launch datasets write dates."""
    return day.strftime("%a %b %d, %Y %H:%M UTC" if with_time else "%a %b %d, %Y")


def missions_sheet(path: Path, rows: int = ROWS, seed: int = 11) -> Path:
    rng = random.Random(seed)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    collisions = {rows // 5 * (i + 1): name for i, name in enumerate(BUNDLED_COLLISIONS)}
    for i in range(rows):
        day = launch_date(rng)
        with_time = rng.random() < 0.8
        if i in collisions:
            mission = collisions[i]
        elif i % 400 == 7:
            mission = "Test Flight"  # repeats, as in the real datasets
        else:
            mission = PAYLOADS[i % len(PAYLOADS)].format(n=i // len(PAYLOADS) + 1)
        writer.writerow(
            [
                rng.choice(COMPANIES),
                rng.choice(LOCATIONS),
                written(day, with_time),
                day.strftime("%H:%M") if with_time else "",
                rng.choice(ROCKETS),
                mission,
                rng.choice(("StatusActive", "StatusRetired")),
                f"{rng.choice((7.5, 29.75, 50.0, 62.0, 109.0))}" if rng.random() < 0.4 else "",
                rng.choices(("Success", "Failure", "Partial Failure"), (90, 7, 3))[0],
            ]
        )
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path
