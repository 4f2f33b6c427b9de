"""Split an image caption from its credit.

Captions carry their credit in many shapes: "... decades. Mandatory Credit: Dmitry
Serebryakov/AP via CNN Newsource", "... (Reed Saxon / Associated Press)", "(AP Photo/Evan
Vucci)", "Photo: Jane Doe", "Foto: dpa", "Credit: X", "... REUTERS/Carlos Barria", "(Getty
Images)", "写真：共同", "사진=연합뉴스". :func:`split_credit` returns the caption without the
credit and the credit without its label; applied to its own caption it finds nothing more
(the split is idempotent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pressclip.memo import Memo
from pressclip.signals.casefold import lowered_for_search

# Labels that introduce a credit, in several languages.
_LABELS: Final = (
    r"mandatory credit|photo credit|image credit|picture credit|credits?|photograph(?:y)?"
    r"|photos?|pictures?|images?|source|courtesy(?: of)?|fotos?|fotografía|fotografia"
    r"|imagem|imagen|bild(?:quelle)?|quelle|crédit(?:o|s)?|foto ?credit|фото|источник"
    r"|写真|画像|提供|사진|자료사진|图片|圖片|来源"
)
_LABELLED: Final = re.compile(
    rf"(?:^|(?<=[\s.!?)\]”\"]))[(\[]?(?P<label>{_LABELS})\s*(?:by\b|von\b|por\b|de\b|:|：|=|-|–|—)\s*"
    r"(?P<credit>[^()\[\]]{2,120}?)[)\]]?\s*$",
    re.IGNORECASE,
)
# Who takes or distributes press photos: a credit naming one of these is a credit.
PHOTO_AGENCIES = (
    "AP",
    "AP Photo",
    "Associated Press",
    "Reuters",
    "REUTERS",
    "AFP",
    "Getty Images",
    "Getty",
    "EPA",
    "EPA-EFE",
    "EFE",
    "Shutterstock",
    "Alamy",
    "iStock",
    "iStockphoto",
    "Bloomberg",
    "dpa",
    "picture alliance",
    "picture-alliance",
    "imago",
    "IMAGO",
    "Keystone",
    "ANP",
    "Xinhua",
    "PA",
    "PA Wire",
    "PA Images",
    "Sipa",
    "SIPA",
    "Zuma",
    "ZUMA Press",
    "NurPhoto",
    "SOPA Images",
    "Anadolu",
    "Anadolu Agency",
    "Kyodo",
    "Yonhap",
    "TASS",
    "Sputnik",
    "Corbis",
    "Unsplash",
    "Pixabay",
    "Pexels",
    "Wikimedia Commons",
    "Handout",
    "Pool",
    "CNN Newsource",
    "LightRocket",
    "WireImage",
    "FilmMagic",
    "Bloomberg via Getty Images",
    "ANSA",
    "Lusa",
    "Agência Brasil",
    "Folhapress",
    "Estadão Conteúdo",
    "Abaca",
    "Belga",
    "NTB",
    "Ritzau",
    "TT",
    "Scanpix",
    "Polaris",
    "Redux",
    "Newscom",
    "UPI",
    "Kyodo News",
    "Jiji Press",
    "共同",
    "時事",
    "연합뉴스",
    "뉴시스",
    "新华社",
    "ТАСС",
    "РИА Новости",
)
_AGENCY_ALTERNATION: Final = "|".join(
    re.escape(a) for a in sorted(PHOTO_AGENCIES, key=len, reverse=True)
)
_NAME: Final = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}"
# "Name/AP", "Name / AFP via Getty Images", "REUTERS/Name", "AP Photo/Name", "Name/AP via X".
_SLASHED: Final = (
    rf"(?:{_NAME}\s*/\s*)?(?:{_AGENCY_ALTERNATION})(?:\s*/\s*{_NAME})?"
    rf"(?:\s*/\s*(?:{_AGENCY_ALTERNATION}))*(?:\s+via\s+{_NAME})?"
)
_SLASH_REQUIRED: Final = re.compile(rf"^(?:{_SLASHED})$")
# A trailing parenthesised credit: "(Reed Saxon / Associated Press)", "(Getty Images)",
# "(Photo by X / AFP) (Photo credit should read X/AFP/Getty Images)".
_PAREN_TAIL: Final = re.compile(r"(?:\s*\((?P<inner>[^()]{2,120})\))+\s*$")
_PAREN_ONE: Final = re.compile(r"\(([^()]{2,120})\)")
# A trailing unlabelled credit after the caption's last sentence: "... decades. REUTERS/X".
_SENTENCE_TAIL: Final = re.compile(rf"(?<=[.!?”\"])\s+(?P<credit>{_SLASHED})\s*$")
_CREDIT_WORDS: Final = re.compile(
    rf"\b(?:photo|foto|credit|getty|courtesy|handout|file)\b|{_AGENCY_ALTERNATION}",
    re.IGNORECASE,
)
_HAS_SLASH_OR_AGENCY: Final = re.compile(rf"/|\b(?:{_AGENCY_ALTERNATION})\b")


_EDGES: Final = re.compile(r"^[\s,;|–—-]+|[\s,;|–—-]+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptionCredit:
    """A caption and its credit, split apart (either may be None)."""

    caption: str | None
    credit: str | None


def _clean(text: str) -> str | None:
    text = _EDGES.sub("", text)
    return text or None


def _looks_like_credit(inner: str) -> bool:
    """A parenthesised text that is a credit, not an aside: "(Getty Images)", "(AP Photo/X)"."""
    inner = inner.strip()
    if _LABELLED.match(inner) or _SLASH_REQUIRED.match(inner):
        return True
    if not _CREDIT_WORDS.search(inner):
        return False
    # short and name-like, with a credit word or an agency
    return len(inner) <= 90 and bool(_HAS_SLASH_OR_AGENCY.search(inner) or "photo" in inner.lower())


# Parenthesised lines of page furniture (see is_paren_aside).
_PAREN_WIDGET: Final = re.compile(
    r"\binputs? from\b|\bvisit(?:ed|s)\b|\bratings?\b|\bbewertung|\bgewähr", re.IGNORECASE
)


def is_paren_aside(text: str) -> bool:
    """A line that is one parenthesised aside of the article's, not a credit: "(includes
    permits, breakers, etc.)", "(1-99 employees)", "(Know the differences: SQL vs NoSQL.)".
    split_credit takes any short whole-parenthesised text for a credit (right for a caption,
    where "(Getty Images)" and "(AP)" stand alone); in running text such a line is the
    writer's aside unless it reads like a credit (a label, an agency, a slash, a photo word).
    A single word ("(Up)") is a widget's label, and a few widget lines are parenthesised too:
    a wire credit ("(With inputs from ANI)"), a view counter ("(Visited 1,902 times)"), a
    rating widget ("(Noch keine Bewertungen)"), a disclaimer ("(Alle Angaben ohne Gewähr)")."""
    line = text.strip()
    if not (line.startswith("(") and line.endswith(")") and line.count("(") == 1):
        return False
    inner = line[1:-1]
    return (
        len(inner.split()) >= 2
        and not _looks_like_credit(inner)
        and not _PAREN_WIDGET.search(inner)
    )


MAX_CREDITS: Final = 4


def split_credit(text: str) -> CaptionCredit:
    """The caption without its credit, and the credit without its label.

    Credits are peeled from the end until none is left ("Handout Photo: X" gives the credit
    "Handout; X"), so splitting the returned caption again finds no credit.
    """
    caption: str | None = text
    credits: list[str] = []
    while caption is not None and len(credits) < MAX_CREDITS:
        rest, credit = _split_once(caption)
        if credit is None:
            break
        credits.append(credit)
        caption = rest
    if not credits:
        return CaptionCredit(caption=text.strip() or None, credit=None)
    return CaptionCredit(caption=caption, credit="; ".join(reversed(credits)))


# A word each of the _LABELS holds, lower-cased: a text without one has no labelled credit,
# found by substring tests that cost a fraction of the _LABELLED search (it tries its labels,
# case-insensitively, at every position). A text that lower-casing cannot stand in for
# (signals.casefold: "ſ" for "s") goes to the search whatever it holds.
_LABEL_WORDS: Final = (
    "credit",
    "crédit",
    "photo",
    "foto",
    "pictur",
    "image",
    "source",
    "courtesy",
    "bild",
    "quelle",
    "фото",
    "источник",
    "写真",
    "画像",
    "提供",
    "사진",
    "图片",
    "圖片",
    "来源",
)


def _may_hold_label(text: str) -> bool:
    lowered = lowered_for_search(text)
    return lowered is None or any(word in lowered for word in _LABEL_WORDS)


def _split_once(text: str) -> tuple[str | None, str | None]:
    """One credit off the end of ``text``: the caption left and the credit (None without)."""
    caption = text.strip()
    if not caption:
        return None, None
    whole = caption.startswith("(") and caption.endswith(")") and caption.count("(") == 1
    if whole and (len(caption) <= 42 or _looks_like_credit(caption[1:-1])):
        return None, _clean(caption[1:-1])
    labelled = _LABELLED.search(caption) if _may_hold_label(caption) else None
    if labelled:
        return _clean(caption[: labelled.start()]), _clean(labelled.group("credit"))
    # (a stripped text ends with the closing parenthesis a parenthesised tail needs)
    tail = _PAREN_TAIL.search(caption) if caption.endswith(")") else None
    if tail:
        parts = _PAREN_ONE.findall(tail.group(0))
        if parts and all(_looks_like_credit(p) for p in parts):
            first = parts[0]
            inner = _LABELLED.match(first)
            credit = inner.group("credit") if inner else first
            return _clean(caption[: tail.start()]), _clean(credit)
    trailing = _SENTENCE_TAIL.search(caption)
    if trailing:
        return _clean(caption[: trailing.start()]), _clean(trailing.group("credit"))
    if _SLASH_REQUIRED.match(caption):
        return None, caption
    return caption, None


def is_credit_line(text: str) -> bool:
    """True when the whole line is a credit ("Photo: X", "(Getty Images)", "AP Photo/X")."""
    line = text.strip()
    if not line or len(line) > 140:
        return False
    split = split_credit(line)
    return split.credit is not None and split.caption is None


def has_credit(text: str) -> bool:
    """True when the text ends with a credit (a caption with its credit attached).

    The answers for short lines are kept for a while: the body rules, the block model and the
    image reader ask about the same lines of a page, and the full credit parser is the dearest
    test of a line. (Only short ones, so the cache stays small whatever the pages hold.)"""
    return _ends_on_credit_kept(text) if len(text) <= _CACHED_CHARS else _ends_on_credit(text)


def _ends_on_credit(text: str) -> bool:
    return split_credit(text).credit is not None


_CACHED_CHARS: Final = 500
_ends_on_credit_kept: Final = Memo(_ends_on_credit, 1024)
