"""Charts of the benchmark report, drawn with matplotlib into inline SVG (no
network, no JavaScript). Text stays text in the SVG, so the report is
searchable and small."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from ..metrics.timeline import STAGES  # noqa: E402

SUBJECT = "#c0392b"
PEERS = "#7f8c8d"
RANGE = "#d6eaf8"

plt.rcParams.update({
    "svg.fonttype": "none",
    "svg.hashsalt": "atlas-courts",  # stable ids: the same report twice is the same file
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
})


def _svg(fig) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "atlas_courts"})
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg"):]


def _jitter(i: int, n: int) -> float:
    return 0.0 if n <= 1 else -0.18 + 0.36 * i / (n - 1)


def stage_durations(subject: dict[str, list[int]], peers: dict[str, list[int]], unit: str) -> str:
    """Box plots of the peers' case durations per stage, the subject's cases as red dots."""
    names = [s.name for s in STAGES if subject.get(s.name) or peers.get(s.name)]
    labels = {s.name: s.label for s in STAGES}
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * max(len(names), 1) + 1.2))
    if not names:
        ax.text(0.5, 0.5, "no stage could be measured", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _svg(fig)
    positions = list(range(len(names), 0, -1))
    data = [peers.get(n) or [] for n in names]
    boxed = [(p, d) for p, d in zip(positions, data) if d]
    if boxed:
        ax.boxplot([d for _, d in boxed], positions=[p for p, _ in boxed], orientation="horizontal", widths=0.5,
                   showfliers=False, patch_artist=True,
                   boxprops={"facecolor": "#ecf0f1", "edgecolor": PEERS}, medianprops={"color": PEERS})
    for p, d in zip(positions, data):
        ax.scatter(d, [p + _jitter(i, len(d)) * 0.5 for i in range(len(d))], s=6, color=PEERS, alpha=0.5, zorder=2)
    for p, n in zip(positions, names):
        d = subject.get(n) or []
        ax.scatter(d, [p + _jitter(i, len(d)) for i in range(len(d))], s=22, color=SUBJECT, zorder=3,
                   label=unit if p == positions[0] or not ax.get_legend_handles_labels()[0] else None)
    ax.set_yticks(positions, [labels[n] for n in names])
    ax.set_xlabel("days (ended cases)")
    ax.scatter([], [], s=6, color=PEERS, label="peer cases (box: quartiles)")
    ax.legend(loc="lower right", frameon=False)
    ax.set_title("Stage durations: this unit's cases against its peers'")
    return _svg(fig)


def funnel(subject: dict[str, int], peers: dict[str, int], unit: str) -> str:
    """Charged → convicted → sentenced, as shares of those charged, with counts."""
    steps = ["charged", "convicted", "sentenced"]
    fig, ax = plt.subplots(figsize=(7.5, 2.6))
    for offset, (who, counts, color) in enumerate(((unit, subject, SUBJECT), ("peers", peers, PEERS))):
        total = counts["charged"] or 1
        ys = [len(steps) - i + (0.2 if offset == 0 else -0.2) for i in range(len(steps))]
        shares = [100 * counts[s] / total for s in steps]
        ax.barh(ys, shares, height=0.38, color=color, label=who)
        for y, s, share in zip(ys, steps, shares):
            ax.text(share + 1, y, f"{counts[s]} ({share:.0f}%)", va="center", fontsize=8)
    ax.set_yticks([len(steps) - i for i in range(len(steps))], steps)
    ax.set_xlim(0, 125)
    ax.set_xlabel("% of defendants charged")
    ax.legend(loc="lower right", frameon=False)
    ax.set_title("Funnel: charged → convicted → sentenced")
    return _svg(fig)


def sentences(rows: list[dict], unit: str, limit: int = 12) -> str:
    """Custodial terms per provision (dots) against its statutory range (band)."""
    by_statute: dict[str, dict] = {}
    for r in rows:
        if r["months"] is None or r["statute_id"] is None or r["position"] in ("suspended", "life", "death"):
            continue
        entry = by_statute.setdefault(r["statute_id"], {"min": r["min"], "max": r["max"], "subject": [], "peers": []})
        entry["subject" if r["mine"] else "peers"].append(r["months"])
    ordered = sorted(by_statute.items(), key=lambda kv: (-len(kv[1]["subject"]), -len(kv[1]["peers"]), kv[0]))[:limit]
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * max(len(ordered), 1) + 1.2))
    if not ordered:
        ax.text(0.5, 0.5, "no custodial sentence to compare", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _svg(fig)
    top = max([m for _, e in ordered for m in e["subject"] + e["peers"]] + [e["max"] or 0 for _, e in ordered] + [12])
    for i, (sid, e) in enumerate(reversed(ordered)):
        y = i + 1
        if e["min"] is not None or e["max"] is not None:
            low = e["min"] or 0
            high = e["max"] if e["max"] is not None else top * 1.05
            ax.barh(y, high - low, left=low, height=0.6, color=RANGE, zorder=1,
                    label="statutory range" if i == 0 else None)
        ax.scatter(e["peers"], [y - 0.12] * len(e["peers"]), s=10, color=PEERS, alpha=0.6, zorder=2,
                   label="peers" if i == 0 else None)
        ax.scatter(e["subject"], [y + 0.12] * len(e["subject"]), s=24, color=SUBJECT, zorder=3,
                   label=unit if i == 0 else None)
    ax.set_yticks(range(1, len(ordered) + 1), [sid for sid, _ in reversed(ordered)])
    ax.set_xlabel("months of imprisonment")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title("Sentence lengths by provision against the statutory range")
    return _svg(fig)
