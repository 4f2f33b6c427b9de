"""The Markdown report and the accuracy-against-speed chart of one run."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.entries import AEB_SCRIPT, HTML, TEXT
from bench.pages import AEB, FLAT_SETS, FLATTENERS, META_SETS, TRAF, WCXB
from bench.runner import EntryRun
from bench.scoring import HELD, META_FIELDS, EntryScores

PUBLISHED_AEB = {
    "trafilatura 2.0.0": 0.958,
    "newspaper4k": 0.949,
    "readability.js": 0.947,
    "goose3": 0.896,
    "jusText": 0.804,
}


@dataclass(frozen=True, slots=True)
class RunInfo:
    started: str
    data: str
    limit: int | None
    timeout: float
    cpu: int | None
    machine: str
    python: str
    commit: str
    command: str
    load: str = ""  # load averages at the start and end of the run


def _f(x: float) -> str:
    return "–" if x is None or math.isnan(x) else f"{x:.3f}"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return [*out, ""]


def _body_table(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    rows = []
    for run, s in runs:
        if run.entry.mode != HTML or not run.entry.body:
            continue
        aeb, wcxb, traf = s.body.get(AEB), s.body.get(WCXB), s.body.get(TRAF)
        rows.append(
            [
                run.entry.title,
                *([_f(aeb.precision), _f(aeb.recall), f"**{_f(aeb.f1)}**"] if aeb else ["–"] * 3),
                _f(wcxb.f1) if wcxb else "–",
                *([_f(traf.precision), _f(traf.recall), _f(traf.f1)] if traf else ["–"] * 3),
                str(run.failures()),
            ]
        )
    head = ["tool", "AEB P", "AEB R", "AEB F1", "WCXB-dev word F1", "traf-eval P",
            "traf-eval R", "traf-eval F1", "failed pages"]  # fmt: skip
    return _table(head, rows)


def _held_out_table(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    rows = []
    cols = [AEB + HELD, WCXB + HELD, TRAF + HELD]
    for run, s in runs:
        if run.entry.mode != HTML or not run.entry.body:
            continue
        rows.append([run.entry.title, *(_f(s.body[c].f1) if c in s.body else "–" for c in cols)])
    if not rows:
        return []
    sizes = [next((str(s.pages[c]) for _, s in runs if c in s.pages), "?") for c in cols]
    head = ["tool", f"AEB F1 (n={sizes[0]})", f"WCXB-dev word F1 (n={sizes[1]})",
            f"traf-eval F1 (n={sizes[2]})"]  # fmt: skip
    return _table(head, rows)


def _flat_table(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    cols = [f"{name}/{fl}" for name in FLAT_SETS for fl in FLATTENERS]
    rows = []
    for run, s in runs:
        if run.entry.mode != TEXT:
            continue
        rows.append(
            [run.entry.title]
            + [_f(s.body[c].f1) if c in s.body else "–" for c in cols]
            + [str(run.failures())]
        )
    head = ["input → tool"] + [
        f"{c} ({'AEB F1' if c.startswith(AEB) else 'word F1'})" for c in cols
    ] + ["failed pages"]  # fmt: skip
    return _table(head, rows)


def _repro(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    lines = []
    for run, s in runs:
        if run.entry.mode != AEB_SCRIPT or AEB not in s.body:
            continue
        version = run.versions.get("trafilatura", "?")
        prf, n = s.body[AEB], s.pages.get(AEB, 0)
        lines.append(
            f"- trafilatura **{version}** (Python {run.python}), called as the AEB repository's "
            f"script does (`extract(html_text, include_comments=False)`, no URL), scored with "
            f"`bench.metrics.aeb_score` over {n} pages: **F1 {_f(prf.f1)}** "
            f"(P {_f(prf.precision)}, R {_f(prf.recall)}). Published for trafilatura 2.0.0: "
            f"0.958 (over 181 pages)."
        )
    if not lines:
        return ["(not run: select trafilatura)", ""]
    return [*lines, ""]


def _meta_tables(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    out: list[str] = []
    for name in META_SETS:
        scored = [(r, s) for r, s in runs if name in s.meta]
        if not scored:
            continue
        totals = {f: scored[0][1].meta[name][f].total for f in META_FIELDS}
        head = ["tool"] + [f"{f} (n={totals[f]})" for f in META_FIELDS]
        rows = []
        for run, s in scored:
            cells = []
            for f in META_FIELDS:
                h = s.meta[name][f]
                if run.entry.name == "htmldate" and f != "datePublished":
                    cells.append("–")
                else:
                    cells.append(f"{h.rate:.3f} ({h.hits}/{h.total})" if h.total else "–")
            rows.append([run.entry.title, *cells])
        out += [f"**{name}**", "", *_table(head, rows)]
    return out or ["(no metadata tool selected)", ""]


def _speed_table(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    rows = []
    for run, s in runs:
        pps, cpu_pps = s.pages_per_second, s.cpu_pages_per_second
        rows.append(
            [
                run.entry.title,
                run.entry.mode,
                str(s.pages_timed),
                f"{pps:.1f}" if pps else "–",
                (f"{1000 / pps:.1f}" if pps < 1000 else f"{1000 / pps:.3f}") if pps else "–",
                f"{cpu_pps:.1f}" if cpu_pps else "–",
                f"{run.maxrss_kb / 1024:.0f}",
                f"{run.rss_setup_kb / 1024:.0f}",
                str(run.failures()),
                str(run.restarts),
            ]
        )
    head = ["tool", "input", "pages timed", "pages/s (1 core)", "ms/page", "pages/s (CPU time)",
            "peak RSS MB",
            "RSS after import MB", "failed pages", "worker restarts"]  # fmt: skip
    return _table(head, rows)


def _failures(runs: list[tuple[EntryRun, EntryScores]]) -> list[str]:
    out = []
    for run, _ in runs:
        errors = run.errors()
        if not errors:
            continue
        kinds = Counter(e.split(":")[0] for e in errors.values())
        summary = ", ".join(f"{k} ×{n}" for k, n in kinds.most_common())
        sample = ", ".join(f"`{k}`" for k in sorted(errors)[:5])
        out.append(f"- {run.entry.title}: {len(errors)} pages ({summary}); e.g. {sample}")
    return [*(out or ["- none"]), ""]


def _versions(runs: list[tuple[EntryRun, EntryScores]], info: RunInfo) -> list[str]:
    seen: dict[str, list[str]] = {}
    for run, _ in runs:
        for name, version in run.versions.items():
            if version not in seen.setdefault(name, []):
                seen[name].append(version)  # (pressclip may run as two builds)
    pairs = ", ".join(f"{k} {' and '.join(v)}" for k, v in sorted(seen.items()))
    return [f"Python {info.python}; {pairs}", ""]


def markdown(runs: list[tuple[EntryRun, EntryScores]], info: RunInfo, chart: str | None) -> str:
    sample = f"first {info.limit} pages of each set by sorted id" if info.limit else "all pages"
    lines = [
        "# pressclip side-by-side benchmark",
        "",
        f"Run {info.started} on {info.machine}; pressclip commit {info.commit}.  ",
        f"Command: `{info.command}`  ",
        f"Data: `{info.data}` ({sample}). Per-page timeout {info.timeout:.0f} s; each tool in its "
        f"own fresh process pinned to core {info.cpu}; only extraction is timed."
        + (f" Machine load (1-min average) at start / end: {info.load}." if info.load else ""),
        "",
        "## Versions",
        "",
        *_versions(runs, info),
        "## Body accuracy, HTML input",
        "",
        "AEB: shingle P/R/F1 of the Zyte article-extraction benchmark; WCXB-dev: mean word F1; "
        "trafilatura-eval: pooled snippet P/R/F1. A failed page scores as empty output.",
        "",
        *_body_table(runs),
        "### Held-out fold",
        "",
        "pressclip's block model (`refine.py`, trained by `python -m bench.train_blocks`) "
        "learned from three quarters of the pages above; the other quarter (chosen by a hash "
        "of set and page id, `bench.pages.held_out`) was never trained on. The same scores "
        "over that fold alone, for every tool:",
        "",
        *_held_out_table(runs),
        "### Does our AEB metric reproduce the published figures?",
        "",
        *_repro(runs),
        "Published AEB F1 for reference: "
        + ", ".join(f"{k} {v}" for k, v in PUBLISHED_AEB.items())
        + " (Zyte AutoExtract 0.970).",
        "",
        "## Body accuracy, flattened text input",
        "",
        "The same pages flattened to text (`rp`: one flattener, with image alt texts; `ht`: "
        "another, without). Whole text = keep every line. `<p>`-wrapped = what a user can do "
        "today: each non-empty line as a `<p>` in a minimal HTML document, then the HTML tool.",
        "",
        *_flat_table(runs),
        "## Metadata accuracy",
        "",
        "Share of pages with ground truth for the field where the tool's value matches "
        "(`bench.metrics`: headline = same text after white-space and case folding; author = "
        "same set of names, author strings split on `, ; | & /` and `and` on both sides; date "
        "= same calendar day). n = pages with ground truth for the field.",
        "",
        *_meta_tables(runs),
        "## Speed and memory",
        "",
        "Pages per second on one pinned core: pages divided by the summed wall-clock "
        "extraction time (inputs read and decompressed before each page's clock starts; failed "
        "pages count with the time they took); pages/s (CPU time) divides by the worker's CPU "
        "time instead, which other load on the machine disturbs less. Tools that extract "
        "metadata do it in the same call. HTML tools are timed over the AEB, WCXB-dev and "
        "trafilatura-eval pages; htmldate over its metadata pages; text entries over the "
        "flattened pages. Peak RSS is the worker process's own high-water mark (VmHWM; "
        "`ru_maxrss` on Linux would carry the forking parent's size across exec): interpreter, "
        "tool and one page at a time. RSS after import is the worker's size once the tool is "
        "imported and set up, before the first page.",
        "",
        *_speed_table(runs),
        "## Failures",
        "",
        *_failures(runs),
    ]
    if chart:
        lines += [
            "## Accuracy against speed",
            "",
            "AEB F1 (HTML) against pages per second of one core's CPU time (the CPU-time "
            "column above: other load on a shared machine distorts wall-clock time).",
            "",
            f"![AEB F1 against pages per second]({chart})",
            "",
        ]
    return "\n".join(lines)


def _label_offsets(points: list[tuple[str, float, float]]) -> list[tuple[int, int]]:
    """Label offsets in points: up-right, or down-right when a neighbour sits close by."""
    xs = [math.log10(x) for _, x, _ in points]
    ys = [y for _, _, y in points]
    xspan = (max(xs) - min(xs)) or 1.0
    yspan = (max(ys) - min(ys)) or 1.0
    offsets: list[tuple[int, int]] = []
    for i in range(len(points)):
        crowded = any(
            abs(xs[i] - xs[j]) / xspan < 0.15 and abs(ys[i] - ys[j]) / yspan < 0.06
            for j in range(i)
        )
        offsets.append((6, -13) if crowded else (6, 4))
    return offsets


def chart(runs: list[tuple[EntryRun, EntryScores]], path: Path) -> bool:
    """AEB F1 (HTML) against pages per second of CPU time on one core, log x; False when
    nothing to plot. CPU time, not wall time: on a shared machine other load inflates the
    wall-clock time of whichever tools happen to run while it lasts."""
    points = [
        (run.entry.title, s.cpu_pages_per_second, s.body[AEB].f1)
        for run, s in runs
        if run.entry.mode == HTML and AEB in s.body and s.cpu_pages_per_second > 0
    ]
    if not points:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(8, 5.5), dpi=120)
    for label, x, y in points:
        ax.scatter([x], [y], s=40, color="C3" if label.startswith("pressclip") else "C0")
    for (label, x, y), offset in zip(points, _label_offsets(points), strict=True):
        ax.annotate(label, (x, y), textcoords="offset points", xytext=offset, fontsize=9)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.set_xlabel("pages per second of one core's CPU time (log scale)")
    ax.set_ylabel("AEB F1 (article body, HTML)")
    ax.set_title("Accuracy against speed")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return True
