"""Lines that are the site's, not the article's: button labels, newsletter and app pitches,
reading times, rating widgets, paywall notices and the like, each family a pattern that a line
of its own matches (:func:`boilerplate_kind`). The body rules drop such a line when it sits
inside the article's container."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from pressclip.signals.casefold import lowered_for_search

# (The controls of a player or a toolbar printed as a line of their own, "Play Video",
# "Bookmark", "Scroll for more", are labels of buttons, not the article's words; so is the
# marker an ad break leaves in the text, "Continue Reading Below", "Story continues below", and
# the prompt over a box of more links or a search, "Want More?", "Not what you were looking
# for?".)
_BOILERPLATE_LINE: Final = re.compile(
    r"^(?:advertisement|advertising|advert|ad|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|"
    r"реклама|広告|광고|sponsored|share|share this|tweet|print|email|read more|"
    r"continue reading(?: below)?|read full article|click here|sign up|subscribe|skip to content|"
    r"back to top|loading\.*|"
    r"play video|watch (?:the )?video|bookmark|scroll (?:down )?(?:for|to see) more|copy link|"
    r"(?:the )?(?:story|article) continues below(?: advertisement)?|"
    r"want more|not what you(?:'re| were| are) looking for|"
    r"weiterlesen|mehr lesen|leia mais|lee más|lire la suite|читать далее|続きを読む)\W*$",
    re.IGNORECASE,
)

# A byline set as a plain line of its own: "By Phil Helsel", "Written by Cassidy Horton", "By
# Reuters" (a capitalised name of one to four words after "By"). A heading "By Audience" opens
# a section and stays; so does a sentence, which goes on past the name.
BYLINE_LINE: Final = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by|WRITTEN BY)\s+[A-Z][\w.'’-]*"
    r"(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|da|del)){0,4}\s*$"
)

# A question to the reader about the post, opening a plea to share or subscribe: "Like this
# story? Share it with a friend!", "Like this article? Subscribe to our blog ...".
_LIKED_PITCH: Final = re.compile(
    r"^\W*(?:like|liked|enjoy|enjoyed|love|loved) this (?:story|post|article|recipe)\s*\?",
    re.IGNORECASE,
)

# The site thanking its visitor, set as a short line of its own at the foot of a post: "Thanks
# for visiting!", "Thanks for reading! Subscribe for free to receive new posts ...".
_THANKS_LINE: Final = re.compile(
    r"^\W*thanks?(?: you)?(?: so much)? for (?:reading|visiting|stopping by)\b", re.IGNORECASE
)

# A pitch for the site's app, set as a short paragraph: "Get the Hindustan Times app!",
# "Download our app to discover ethical brands ...", "... download the Nationnews apps for iOS
# and Android.". An instruction to install someone else's app ("Download the authenticator
# app on your phone.") names neither "our" app nor the app stores, and stays.
_APP_PITCH: Final = re.compile(
    r"\b(?:download|get|install) our\b[^.!?]{0,30}?\bapps?\b"
    r"|^\W*get the [^.!?]{1,30}\bapp\W*$"
    r"|\bdownload the [^.!?]{1,30}\bapps? for (?:ios|iphone|android)\b",
    re.IGNORECASE,
)

# The site's invitation to get in touch, set as a line of its own before a contact form or
# button: "Have any questions?", "Still have questions?", "Got questions?".
_CONTACT_PROMPT: Final = re.compile(
    r"^\W*(?:have|got|still have|any) (?:any |more |other )?questions\W*$", re.IGNORECASE
)

# What the page says in place of a widget that runs on a script ("This slideshow requires
# JavaScript.", "Your browser does not support the video tag."): a notice, not the text.
_SCRIPT_NOTICE: Final = re.compile(
    r"\b(?:requires? javascript|enable javascript|javascript (?:is )?(?:disabled|required)"
    r"|your browser does(?: not|n.t) support)",
    re.IGNORECASE,
)

# The reading time a byline bar prints as a line of its own: "6 min read", "Reading time: 5
# minutes", "Lesezeit: 4 Minuten", "Temps de lecture : 3 min".
_READING_TIME: Final = re.compile(
    r"^\W*(?:\d+\s*(?:min(?:ute)?s?|mins?\.)\s+read(?:ing)?(?:\s+time)?"
    r"|(?:estimated\s+)?reading\s+time\W*\d+\s*min(?:ute)?s?\.?"
    r"|(?:lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\W*\d+\s*min(?:uten|utos)?\.?"
    r"|\d+\s*min(?:uten)?\.?\s+lesezeit)\W*$",
    re.IGNORECASE,
)

# What a script fills in or counts, printed as a line of its own: a loading placeholder
# ("Loading prices for your region…", "Loading Facebook Like Box...") and a bare count
# ("1,109 likes", "2.3k views", "40 shares").
_WIDGET_STATE: Final = re.compile(
    r"^\W*(?:loading\b[^.!?…]{0,50}(?:\.{3}|…)|\d[\d,.]*[km]?\s+(?:likes?|views?|shares?))\W*$",
    re.IGNORECASE,
)

# The lines of a rating widget under the text, asking the reader to rate the post or
# reporting the votes: "How useful was this post?", "Click on a star to rate it!", "Rate this
# article", "No votes so far!", "Average rating 5 / 5. Vote count: 1", "War der Artikel
# nützlich?".
_RATING_PROMPT: Final = re.compile(
    r"^\W*(?:how (?:useful|helpful) was this|click on a star|rate this (?:post|article|page)"
    r"|was this (?:post|article|page) (?:useful|helpful)|no votes so far"
    r"|(?:we are sorry that|let us improve|tell us how we can improve) this post"
    r"|war (?:der|dieser) (?:artikel|beitrag) (?:nützlich|hilfreich)"
    r"|cet article vous a-t-il été utile)"
    r"|\bvote count:\s*\d",
    re.IGNORECASE,
)

# A pointer to other posts set as a line of its own, on the pattern of a rail's label but longer
# or carrying the title it points to: "You may be interested in the following topics as
# well:", "» You Might Like: Best Cell Phones for Seniors", "You may also be interested: X".
# (A sentence of the text that opens this way ends as one: "You might like the view.")
RAIL_INVITE: Final = re.compile(
    r"^\W*you (?:may|might) (?:also )?(?:like|enjoy|be interested)\b(?!.*[.!?]$)", re.IGNORECASE
)

# Filler text a template ships with and the site never replaced ("Lorem ipsum dolor sit
# amet, ..."): never the article's words, however well it passes for prose.
_PLACEHOLDER: Final = re.compile(r"\W*lorem ipsum\b", re.IGNORECASE)

# The site asking its readers for money or membership, set as a short paragraph that opens on
# the appeal: "Support X! Donate via ...", "Support our mission to keep content free ...",
# "Join my Patreon community ...", "Become a patron ...". A paragraph that only mentions
# donations further in (a charity's story, a how-to on giving) does not open this way.
_SUPPORT_APPEAL: Final = re.compile(
    r"^\W{0,3}(?:support\s+(?:us|our\s+(?:mission|work|journalism|site))\b"
    r"|(?:join|become)\b[^.!?]{0,40}?\b(?:patreon|patrons?)\b"
    r"|support\b[^.!?]{1,40}!\s+[^.!?]{0,40}?\b(?:donat\w*|patreon|patrons?)\b"
    r"|donate\b)",
    re.IGNORECASE,
)

# A pitch for the site's newsletter set as a short paragraph: "Subscribe to X, a free daily
# newsletter ...", "Join 800,000+ subscribers to get ...", "Want more from X? Sign up for our
# newsletter ...".
_NEWSLETTER_PITCH: Final = re.compile(
    r"(?:^|[.!?]\s+)(?:subscribe|sign up|join)\b[^.!?]{0,120}?"
    r"\b(?:newsletters?|mailing list|subscribers)\b",
    re.IGNORECASE,
)

# A paywall's notice or a plea to pay for the journalism, set as a short paragraph: "To view the
# full story, please subscribe to ...", "Subscribe now to our eNATION edition for the full
# story.", "... already a subscriber, you can log in for immediate access to this story.",
# "If you're enjoying this article, consider supporting our award-winning journalism ...".
_PAYWALL_NOTICE: Final = re.compile(
    r"\b(?:subscribe|subscribers?|subscription|log ?in|sign ?in)\b[^.!?]{0,80}?"
    r"\b(?:full (?:story|article)|(?:continue|keep) reading|the rest of|immediate access)"
    r"|\b(?:full (?:story|article)|(?:continue|keep) reading)\b[^.!?]{0,60}?"
    r"\b(?:subscribe|subscribers?|subscription|log ?in|sign ?in)\b"
    r"|\bconsider supporting\b[^.!?]{0,40}?\bjournalism\b",
    re.IGNORECASE,
)

# A notice that the rest of the text is for subscribers, whatever its length: what follows it
# on the page is the offer (plans, prices, a log-in), not more of the article (see
# edges.drop_after_paywall).
PAYWALL_BREAK: Final = re.compile(
    r"\b(?:exclusive(?:ly)? (?:to|for) (?:\S+ ){0,3}subscribers"
    r"|(?:subscribe|log ?in|sign ?in) (?:now )?to (?:read|continue|unlock)"
    r"|unlock (?:this|the full) (?:article|story)"
    r"|to (?:read|continue reading) the (?:rest|full (?:article|story))"
    r"|(?:article|story) is (?:only )?(?:available|reserved) (?:to|for) (?:\S+ ){0,3}"
    r"(?:subscribers|members))\b",
    re.IGNORECASE,
)

# Words one of which every line PAYWALL_BREAK matches holds (lower case): a line with none of
# them is settled by a few `in` tests instead of a search of the pattern.
_PAYWALL_BREAK_WORDS: Final = ("subscribers", "to read", "to continue", "unlock", "members")


def is_paywall_break(text: str) -> bool:
    """Whether the line says the rest of the text is for subscribers (see PAYWALL_BREAK)."""
    lowered = lowered_for_search(text)
    if lowered is not None and not any(word in lowered for word in _PAYWALL_BREAK_WORDS):
        return False
    return PAYWALL_BREAK.search(text) is not None


# The site or the author asking to be followed elsewhere, set as a short paragraph that opens
# on it: "Follow us on Telegram, Facebook, Instagram ...", "Join me on TikTok: @...", "Follow
# The Gleaner on Twitter and Instagram ...". A sentence that only names a platform further in
# ("Follow the signs to the car park") does not open this way.
_SOCIAL_PITCH: Final = re.compile(
    r"^\W*(?:follow|like|join)\b[^.!?]{0,60}?\b(?:on|at|via)\s+(?:twitter|facebook|instagram"
    r"|telegram|youtube|tiktok|linkedin|x|threads|bluesky|whatsapp|pinterest|google news)\b",
    re.IGNORECASE,
)

# The title of a table of contents: a reading aid of the page, not the article's words (the
# entries it lists are the article's headings, said again).
_CONTENTS_LABEL: Final = re.compile(
    r"^\W*(?:table of contents?|contents|in this (?:article|post|guide|story)|on this page"
    r"|jump to(?: section)?|inhaltsverzeichnis|inhalt|índice|sommaire|indice|содержание"
    r"|目次|目录)\W*$",
    re.IGNORECASE,
)


# Each family: the reason given, the length a line of it stays under, its test, and words one
# of which every line it matches holds (lower case; empty: no such words). The length comes
# first: most blocks are long paragraphs, which no test needs to read. The words come next: a
# test that searches the whole line costs a scan of it, and `in` on the lowered line is several
# times cheaper, so a line with none of the words skips the test (unless lower-casing cannot
# stand in for the patterns' ignore-case matching: signals.casefold).
_FAMILIES: Final[tuple[tuple[str, int, Callable[[str], object], tuple[str, ...]], ...]] = (
    ("boilerplate", 60, _BOILERPLATE_LINE.match, ()),
    ("contents", 40, _CONTENTS_LABEL.match, ()),
    ("newsletter", 300, _NEWSLETTER_PITCH.search, ("newsletter", "mailing list", "subscribers")),
    ("reading time", 40, _READING_TIME.match, ()),
    ("widget state", 60, _WIDGET_STATE.match, ()),
    ("widget state", 120, _SCRIPT_NOTICE.search, ("javascript", "your browser does")),
    ("sign-off", 120, _THANKS_LINE.match, ()),
    ("sign-off", 200, _LIKED_PITCH.match, ()),
    ("contact prompt", 40, _CONTACT_PROMPT.match, ()),
    (
        "app pitch",
        200,
        _APP_PITCH.search,
        ("download our", "get our", "install our", "get the ", "download the "),
    ),
    (
        "rating prompt",
        80,
        _RATING_PROMPT.search,
        (
            "how ",
            "click on a star",
            "rate this ",
            "was this ",
            "no votes so far",
            "this post",
            "war d",
            "cet article",
            "vote count:",
        ),
    ),
    ("support appeal", 300, _SUPPORT_APPEAL.match, ()),
    ("social pitch", 300, _SOCIAL_PITCH.match, ()),
    (
        "paywall",
        300,
        _PAYWALL_NOTICE.search,
        (
            "full story",
            "full article",
            "continue reading",
            "keep reading",
            "the rest of",
            "immediate access",
            "consider supporting",
        ),
    ),
)

_LONGEST: Final = max(longest for _, longest, _, _ in _FAMILIES)


def boilerplate_kind(text: str) -> str | None:
    """The family of site furniture the line belongs to ("newsletter", "paywall", ...), or
    None for a line that may be the article's."""
    if _PLACEHOLDER.match(text):
        return "placeholder"  # (filler text, at any length)
    length = len(text)
    if length >= _LONGEST:
        return None
    lowered = lowered_for_search(text)
    for kind, longest, test, words in _FAMILIES:
        if length >= longest:
            continue
        if words and lowered is not None and not any(word in lowered for word in words):
            continue
        if test(text):
            return kind
    return None
