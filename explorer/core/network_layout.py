"""Where the partner network's nodes go: a force-directed layout (Fruchterman and
Reingold's, with a grid so that only near nodes push each other) or a circle, then a pass
that pushes overlapping nodes apart. Pure Python and deterministic: the same network
gives the same positions, with no randomness (nodes start on a sunflower spiral, the
biggest in the middle).

Why not a library: networkx (19 MB, and NumPy for its layouts) for one function; the few
hundred nodes of the catalog lay out here in well under a second
(docs/decisions/017-partner-network-layout.md).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from explorer.core.network import Network

LAYOUTS = ("force", "circle")
#: radius of a node in scene units: grows with the square root of its partnerships, so
#: that its area is proportional to them
MIN_RADIUS = 6.0
RADIUS_STEP = 4.0
GAP = 8.0  # kept free between two nodes
GOLDEN_ANGLE = math.pi * (3.0 - math.sqrt(5.0))


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


def node_radius(partnerships: int) -> float:
    return MIN_RADIUS + RADIUS_STEP * math.sqrt(max(0, partnerships - 1))


def radii(network: Network) -> dict[str, float]:
    return {n.slug: node_radius(n.partnerships) for n in network.nodes}


def layout(network: Network, kind: str = "force", iterations: int = 120) -> dict[str, Point]:
    """Positions of every node (centred on 0, 0), without overlaps."""
    sizes = radii(network)
    if kind == "circle":
        return circle_layout(network)
    placed = force_layout(network, sizes, iterations)
    return separate(placed, sizes)


# -- the circle ------------------------------------------------------------------------------
def circle_layout(network: Network) -> dict[str, Point]:
    """Nodes round a circle, grouped by kind of partner and biggest first in each group;
    each takes an arc as wide as itself, so no two overlap."""
    order = sorted(network.nodes, key=lambda n: (n.kind, -n.partnerships, n.name.casefold()))
    sizes = [node_radius(n.partnerships) for n in order]
    arcs = [2 * r + GAP for r in sizes]
    circumference = max(sum(arcs), 2 * math.pi * 40.0)
    radius = circumference / (2 * math.pi)
    out: dict[str, Point] = {}
    walked = 0.0
    for node, arc in zip(order, arcs, strict=True):
        angle = 2 * math.pi * (walked + arc / 2) / circumference - math.pi / 2
        out[node.slug] = Point(radius * math.cos(angle), radius * math.sin(angle))
        walked += arc
    return out


# -- force-directed --------------------------------------------------------------------------
def start_positions(network: Network, spacing: float) -> dict[str, Point]:
    """A sunflower spiral in node order (biggest first): spread out, nothing random."""
    out = {}
    for i, node in enumerate(network.nodes):
        r = spacing * math.sqrt(i + 0.5)
        out[node.slug] = Point(r * math.cos(i * GOLDEN_ANGLE), r * math.sin(i * GOLDEN_ANGLE))
    return out


def force_layout(
    network: Network, sizes: Mapping[str, float], iterations: int = 120
) -> dict[str, Point]:
    """Fruchterman-Reingold: linked nodes pull together (more for heavier links), every
    two near nodes push apart, a weak pull to the middle keeps separate groups close, and
    the steps shrink each round."""
    slugs = [n.slug for n in network.nodes]
    if not slugs:
        return {}
    index = {s: i for i, s in enumerate(slugs)}
    size = [sizes[s] / MIN_RADIUS for s in slugs]
    k = 3.6 * (sum(sizes.values()) / len(sizes)) + 2 * GAP  # the ideal link length
    start = start_positions(network, k * 0.9)
    xs, ys = [start[s].x for s in slugs], [start[s].y for s in slugs]
    links = [(index[x.a], index[x.b], math.sqrt(x.weight) / k) for x in network.links]
    step = k * math.sqrt(len(slugs)) / 4
    for round_ in range(iterations):
        mx, my = _repulsion(xs, ys, size, k)
        for a, b, w in links:
            dx, dy = xs[a] - xs[b], ys[a] - ys[b]
            pull = math.hypot(dx, dy) * w  # d²/k per unit of distance, times the weight
            mx[a] -= dx * pull
            my[a] -= dy * pull
            mx[b] += dx * pull
            my[b] += dy * pull
        limit = step * (1.0 - round_ / iterations) + 0.5
        for i in range(len(slugs)):
            x, y = mx[i] - 0.02 * xs[i], my[i] - 0.02 * ys[i]  # with the pull to the middle
            length = math.hypot(x, y)
            if length > limit:
                x, y = x / length * limit, y / length * limit
            xs[i] += x
            ys[i] += y
    return _centred({s: Point(xs[i], ys[i]) for i, s in enumerate(slugs)})


def _repulsion(
    xs: Sequence[float], ys: Sequence[float], size: Sequence[float], k: float
) -> tuple[list[float], list[float]]:
    """Every two nodes closer than 3k push each other apart (k²/d, more for big ones);
    each pair is looked at once, through a grid of 3k cells."""
    reach = 3.0 * k
    reach2, k2 = reach * reach, k * k
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(xs)):
        cells[(math.floor(xs[i] / reach), math.floor(ys[i] / reach))].append(i)
    mx, my = [0.0] * len(xs), [0.0] * len(xs)
    for (cx, cy), members in cells.items():
        near = [
            j
            for key in ((cx, cy), (cx + 1, cy - 1), (cx + 1, cy), (cx + 1, cy + 1), (cx, cy + 1))
            for j in cells.get(key, ())
        ]
        for n, i in enumerate(members):
            xi, yi, si = xs[i], ys[i], size[i]
            for j in near[n + 1 :]:  # the rest of this cell, then the four cells after it
                dx, dy = xi - xs[j], yi - ys[j]
                d2 = dx * dx + dy * dy
                if d2 >= reach2:
                    continue
                if d2 < 1e-12:  # the same place: push along a direction fixed by the order
                    dx, dy, d2 = math.cos(i), math.sin(i), 1.0
                push = k2 * (si + size[j]) / 2 / d2
                mx[i] += dx * push
                my[i] += dy * push
                mx[j] -= dx * push
                my[j] -= dy * push
    return mx, my


def _grid(
    slugs: Iterable[str], pos: Mapping[str, Sequence[float]], cell: float
) -> dict[tuple[int, int], list[str]]:
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for s in slugs:
        grid[(math.floor(pos[s][0] / cell), math.floor(pos[s][1] / cell))].append(s)
    return grid


def _near(grid: Mapping[tuple[int, int], list[str]], x: float, y: float, cell: float) -> list[str]:
    cx, cy = math.floor(x / cell), math.floor(y / cell)
    found: list[str] = []
    for gx in (cx - 1, cx, cx + 1):
        for gy in (cy - 1, cy, cy + 1):
            found += grid.get((gx, gy), ())
    return found


def _centred(pos: Mapping[str, Point]) -> dict[str, Point]:
    if not pos:
        return {}
    mx = sum(p.x for p in pos.values()) / len(pos)
    my = sum(p.y for p in pos.values()) / len(pos)
    return {s: Point(p.x - mx, p.y - my) for s, p in pos.items()}


# -- no overlaps -----------------------------------------------------------------------------
def separate(
    pos: Mapping[str, Point], sizes: Mapping[str, float], gap: float = GAP, rounds: int = 200
) -> dict[str, Point]:
    """Push overlapping nodes apart (each pair half and half) until none overlaps."""
    slugs = list(pos)
    xs, ys = [pos[s].x for s in slugs], [pos[s].y for s in slugs]
    size = [sizes[s] for s in slugs]
    cell = 2 * max(size, default=MIN_RADIUS) + gap
    for _ in range(rounds):
        if not _separate_once(xs, ys, size, gap, cell):
            break
    return {s: Point(xs[i], ys[i]) for i, s in enumerate(slugs)}


def _separate_once(
    xs: list[float], ys: list[float], size: Sequence[float], gap: float, cell: float
) -> bool:
    """One pass over every pair of near nodes; True when any had to move."""
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(xs)):
        cells[(math.floor(xs[i] / cell), math.floor(ys[i] / cell))].append(i)
    moved = False
    for (cx, cy), members in cells.items():
        near = [
            j
            for key in ((cx, cy), (cx + 1, cy - 1), (cx + 1, cy), (cx + 1, cy + 1), (cx, cy + 1))
            for j in cells.get(key, ())
        ]
        for n, i in enumerate(members):
            for j in near[n + 1 :]:
                wanted = size[i] + size[j] + gap
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                if abs(dx) >= wanted or abs(dy) >= wanted:
                    continue
                d = math.hypot(dx, dy)
                if d >= wanted - 1e-9:
                    continue
                if d < 1e-9:  # the same place: a direction fixed by the order
                    dx, dy, d = math.cos(i + 1.0), math.sin(i + 1.0), 1.0
                    shift = wanted / 2
                else:
                    shift = (wanted - d) / 2 + 1e-6
                ux, uy = dx / d * shift, dy / d * shift
                xs[i] -= ux
                ys[i] -= uy
                xs[j] += ux
                ys[j] += uy
                moved = True
    return moved


def overlaps(
    pos: Mapping[str, Point], sizes: Mapping[str, float], tolerance: float = 0.5
) -> list[tuple[str, str]]:
    """Pairs of nodes that overlap by more than `tolerance` (for tests and checks)."""
    slugs = sorted(pos)
    found = []
    for i, a in enumerate(slugs):
        for b in slugs[i + 1 :]:
            d = math.hypot(pos[a].x - pos[b].x, pos[a].y - pos[b].y)
            if d < sizes[a] + sizes[b] - tolerance:
                found.append((a, b))
    return found


# -- moving between nodes with the arrow keys ------------------------------------------------
def nearest_in_direction(
    pos: Mapping[str, Point], current: str, direction: tuple[float, float]
) -> str | None:
    """The node an arrow key moves to: the closest one roughly that way (within 60° of
    it), nearer to the line counted closer. None when there is none."""
    here = pos.get(current)
    if here is None:
        return None
    best: tuple[float, str] | None = None
    ux, uy = direction
    for slug, p in pos.items():
        dx, dy = p.x - here.x, p.y - here.y
        d = math.hypot(dx, dy)
        if slug == current or d < 1e-9:
            continue
        cos = (dx * ux + dy * uy) / d
        if cos < 0.5:
            continue
        score = d * (1.0 + 2.0 * (1.0 - cos))
        if best is None or (score, slug) < best:
            best = (score, slug)
    return best[1] if best else None
