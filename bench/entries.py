"""What the benchmark runs: each entry is one tool in one input mode, run in its own process."""

from __future__ import annotations

from dataclasses import dataclass

from bench.pages import AEB, BODY_SETS, HTML_SETS, META_SETS

HTML, TEXT, AEB_SCRIPT = "html", "text", "aeb-script"


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    name: str  # key in bench.tools.build
    tool: str  # what --tools selects
    mode: str  # html | text (flattened pages) | aeb-script (the AEB reproduction)
    sets: tuple[str, ...]  # HTML sets it runs on (text entries: the flat forms of aeb, wcxb-dev)
    packages: tuple[str, ...]  # distributions whose versions the report prints
    body: bool = True  # scored for the body
    meta: bool = False  # scored for headline / author / date
    label: str = ""

    @property
    def title(self) -> str:
        return self.label or self.name


ENTRIES: tuple[Entry, ...] = (
    Entry(name="pressclip", tool="pressclip", mode=HTML, sets=HTML_SETS,
          packages=("pressclip",), meta=True),
    Entry(name="trafilatura", tool="trafilatura", mode=HTML, sets=HTML_SETS,
          packages=("trafilatura",), meta=True),
    Entry(name="readability", tool="readability", mode=HTML, sets=BODY_SETS,
          packages=("readability-lxml",), label="readability-lxml"),
    Entry(name="newspaper4k", tool="newspaper4k", mode=HTML, sets=HTML_SETS,
          packages=("newspaper4k", "nltk"), meta=True),
    Entry(name="goose3", tool="goose3", mode=HTML, sets=HTML_SETS, packages=("goose3",), meta=True),
    Entry(name="justext", tool="justext", mode=HTML, sets=BODY_SETS, packages=("justext",),
          label="jusText"),
    Entry(name="resiliparse", tool="resiliparse", mode=HTML, sets=BODY_SETS,
          packages=("resiliparse",), label="Resiliparse"),
    Entry(name="boilerpy3", tool="boilerpy3", mode=HTML, sets=BODY_SETS, packages=("boilerpy3",)),
    Entry(name="whole-text", tool="whole-text", mode=HTML, sets=BODY_SETS, packages=("lxml",),
          label="whole-page text"),
    Entry(name="htmldate", tool="htmldate", mode=HTML, sets=META_SETS, packages=("htmldate",),
          body=False, meta=True),
    Entry(name="trafilatura/aeb-script", tool="trafilatura", mode=AEB_SCRIPT, sets=(AEB,),
          packages=("trafilatura",), label="trafilatura (AEB script call)"),
    Entry(name="pressclip/text", tool="pressclip", mode=TEXT, sets=(), packages=("pressclip",),
          label="pressclip (text mode)"),
    Entry(name="whole-text/text", tool="whole-text", mode=TEXT, sets=(), packages=(),
          label="whole text (keep all)"),
    Entry(name="trafilatura/p-wrapped", tool="trafilatura", mode=TEXT, sets=(),
          packages=("trafilatura",), label="trafilatura on <p>-wrapped lines"),
    Entry(name="justext/p-wrapped", tool="justext", mode=TEXT, sets=(), packages=("justext",),
          label="jusText on <p>-wrapped lines"),
    Entry(name="resiliparse/p-wrapped", tool="resiliparse", mode=TEXT, sets=(),
          packages=("resiliparse",), label="Resiliparse on <p>-wrapped lines"),
)  # fmt: skip

TOOLS: tuple[str, ...] = tuple(dict.fromkeys(e.tool for e in ENTRIES))


def select(tools: list[str] | None) -> list[Entry]:
    if not tools:
        return list(ENTRIES)
    unknown = sorted(set(tools) - set(TOOLS))
    if unknown:
        raise ValueError(f"unknown tools: {', '.join(unknown)}; known: {', '.join(TOOLS)}")
    return [e for e in ENTRIES if e.tool in tools]
