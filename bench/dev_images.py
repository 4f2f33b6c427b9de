"""Quick development scoring of image captions and credits on fundus-fixtures.

    nice -n 10 .venv/bin/python -m bench.dev_images [--limit N] [--show K] [--body] [--country XX]

Each expected image (fundus ``images``: url versions, caption, authors = credit) is matched to
one of ours by URL (exact, path, or file name), then by caption. Prints how many were found and
how often caption and credit agree, with a sample of disagreements per error kind. The expected
values are one site-specific parser's output, not hand-checked: read the samples with judgement.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.images import extract_images
from pressclip.model import Image

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fundus-fixtures"


def _pages() -> list[tuple[Path, str | None, dict[str, Any]]]:
    out = []
    for truth_path in sorted(DATA.glob("*/*.json")):
        meta_path = truth_path.parent / "meta.info"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        truth = json.loads(truth_path.read_text())
        htmls = sorted(truth_path.parent.glob(f"{truth_path.stem}_*.html.gz"))
        for key, html in zip(truth, htmls, strict=False):
            url = (meta.get(html.name) or {}).get("url")
            out.append((html, url, truth[key]))
    return out


def _main_node(tree: LexborHTMLParser) -> LexborNode | None:
    """A rough stand-in for the lead's body finder: the article/container with most <p>."""
    best: LexborNode | None = None
    best_count = 0
    for node in tree.css("article, main, [itemprop=articleBody]"):
        count = len(node.css("p"))
        if count > best_count:
            best, best_count = node, count
    if best is not None and best_count >= 3:
        return best
    parents: Counter[int] = Counter()
    nodes: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        parent = p.parent
        if parent is not None:
            parents[parent.mem_id] += 1
            nodes[parent.mem_id] = parent
    if not parents:
        return None
    node = nodes[parents.most_common(1)[0][0]]
    return node.parent or node


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _key(text: str | None) -> str:
    return re.sub(r"\W+", "", (text or "").casefold())


def _url_keys(url: str) -> set[str]:
    parts = urlsplit(url)
    name = parts.path.rsplit("/", 1)[-1]
    keys = {url, parts.netloc + parts.path}
    if len(name) >= 8:
        keys.add("name:" + name.rsplit(".", 1)[0])
    return keys


def _match(expected: dict[str, Any], ours: list[Image]) -> Image | None:
    keys: set[str] = set()
    for version in expected.get("versions") or []:
        if version.get("url"):
            keys |= _url_keys(version["url"])
    for image in ours:
        if image.url and _url_keys(image.url) & keys:
            return image
    caption = _norm(expected.get("caption"))
    if caption:
        for image in ours:
            if image.caption and _norm(image.caption) == caption:
                return image
    return None


def _credit_ok(ours: str | None, authors: list[str]) -> bool:
    if not authors:
        return not ours
    if not ours:
        return False
    got = _key(ours)
    return got in {_key("".join(authors)), *(_key(a) for a in authors)} or got == _key(
        "".join(reversed(authors))
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=4)
    parser.add_argument("--body", action="store_true", help="search the whole body, no main")
    parser.add_argument("--country", default="")
    args = parser.parse_args()
    pages = [p for p in _pages() if not args.country or p[0].parent.name == args.country]
    pages = pages[: args.limit or None]
    counts: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    elapsed = 0.0
    for html_path, url, truth in pages:
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace")
        t0 = time.perf_counter()
        tree = LexborHTMLParser(html)
        main_node = None if args.body else _main_node(tree)
        ours = list(extract_images(main_node, tree, base_url=url))
        elapsed += time.perf_counter() - t0
        counts["ours"] += len(ours)
        where = f"{html_path.parent.name}/{html_path.name}"
        matched: set[int] = set()
        for exp in truth.get("images") or []:
            counts["expected"] += 1
            got = _match(exp, ours)
            exp_cap, exp_auth = exp.get("caption"), exp.get("authors") or []
            if got is None:
                counts["missed"] += 1
                if exp_cap or exp_auth:
                    counts["missed_with_text"] += 1
                    samples["missed"].append(f"{where}: {exp_cap!r} / {exp_auth}")
                continue
            matched.add(id(got))
            counts["found"] += 1
            if exp_cap:
                counts["cap_expected"] += 1
                if _norm(got.caption) == _norm(exp_cap):
                    counts["cap_ok"] += 1
                elif not got.caption:
                    counts["cap_missing"] += 1
                    samples["cap_missing"].append(f"{where}: want {exp_cap!r}")
                elif _norm(exp_cap) in _norm(got.caption):
                    counts["cap_longer"] += 1
                    samples["cap_longer"].append(f"{where}: got {got.caption!r} want {exp_cap!r}")
                elif _norm(got.caption) in _norm(exp_cap):
                    counts["cap_shorter"] += 1
                    samples["cap_shorter"].append(f"{where}: got {got.caption!r} want {exp_cap!r}")
                else:
                    counts["cap_other"] += 1
                    samples["cap_other"].append(f"{where}: got {got.caption!r} want {exp_cap!r}")
            if exp_auth:
                counts["credit_expected"] += 1
                if _credit_ok(got.credit_text, exp_auth):
                    counts["credit_ok"] += 1
                elif not got.credit_text:
                    counts["credit_missing"] += 1
                    samples["credit_missing"].append(
                        f"{where}: want {exp_auth} cap={got.caption!r}"
                    )
                else:
                    counts["credit_other"] += 1
                    samples["credit_other"].append(
                        f"{where}: got {got.credit_text!r} want {exp_auth}"
                    )
            elif got.credit_text:
                counts["credit_extra"] += 1
                samples["credit_extra"].append(f"{where}: got {got.credit_text!r}")
        counts["unmatched_ours"] += sum(1 for im in ours if id(im) not in matched)

    def pct(a: str, b: str) -> str:
        return f"{counts[a]}/{counts[b]} = {counts[a] / max(counts[b], 1):.3f}"

    print(f"pages={len(pages)} images expected={counts['expected']} ours={counts['ours']}")
    print(
        f"found: {pct('found', 'expected')}  (missed with caption/credit: "
        f"{counts['missed_with_text']})"
    )
    print(
        f"caption exact: {pct('cap_ok', 'cap_expected')}  missing={counts['cap_missing']} "
        f"longer={counts['cap_longer']} shorter={counts['cap_shorter']} "
        f"other={counts['cap_other']}"
    )
    print(
        f"credit match: {pct('credit_ok', 'credit_expected')}  "
        f"missing={counts['credit_missing']} other={counts['credit_other']} "
        f"extra(where none expected)={counts['credit_extra']}"
    )
    print(f"our images not matched to an expected one: {counts['unmatched_ours']}")
    per_page = elapsed / max(len(pages), 1) * 1000
    print(f"time in extract_images (incl. parse): {per_page:.1f} ms/page")
    for kind, lines in samples.items():
        if args.show:
            print(f"\n## {kind} ({len(lines)})")
            for line in lines[: args.show]:
                print("  " + line[:300])


if __name__ == "__main__":
    main()
