"""Claims: linking content, cue and source into attribution relations.

Two passes over each paragraph:

1. **Direct quotes.** Each outer quote looks for a cue right after its closing
   mark (``"…," he said`` / ``"…," said X``) or right before its opening mark
   (``X said: "…"``). A quote interrupted by its cue (``"Thus," X said, "…"``)
   becomes one claim with two parts. A quote with no cue of its own continues the
   previous claim's speaker when it follows it in the same paragraph or opens the
   next paragraph.
2. **Reported speech.** Each remaining cue takes its subject (the noun phrase on
   its left, or on its right when inverted: ``…, reports AFP``) and its content:
   the clause after it (``X said (that) …``), the clause before it
   (``…, Pushkov noted``), the clause around it (``The offensive, he said, had …``),
   or the sentence around ``according to X``. Content that holds a quote is mixed.

The result is raw: :mod:`attribution.pipeline` adds speakers, figures and dates.

>>> text = 'Russia claimed Friday that it hit 12 targets. "It works," he said.'
>>> for r in find_claims(text, [Span.of(text, 0, len(text))]):
...     print(r.kind, '|', r.content.text, '|', r.mention.text if r.mention else None, '|', r.cue.span.text)
indirect | it hit 12 targets | Russia | claimed
direct | It works, | he | said
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import regex

from attribution.cues import Cue, find_cues, lemma_of
from attribution.lexicon import Lexicon, load_table
from attribution.models import Span
from attribution.quotes import Quote, find_quotes
from attribution.segment import FORMAT_CHARS, MARK_CHARS, sentence_spans, strip_span

__all__ = ["RawClaim", "find_claims"]

# A token: a word (letters, inner hyphens/apostrophes/periods as in "al-Nusra",
# "Russia's", "U.S"), a number, or one other visible character. Combining marks belong
# to their word (a decomposed "Jose\u0301"); invisible format characters (LRM, ZWSP,
# soft hyphen, bidi isolates) are skipped like white space.
# Word characters, then any run of combining marks and more word characters: the large
# class of marks is tried once where a run of \w stops, not at every character.
# Possessive, as what follows never starts with either.
_WORD_CHARS: Final = rf"\w*+(?:[{MARK_CHARS}]++\w*+)*+"
TOKEN_RE: Final = re.compile(
    r"--+"  # a typed dash
    rf"|(?:[^\W\d_][{MARK_CHARS}]*\.){{2,}}(?:-\w+)*"  # "U.S.", "U.S.-led"
    rf"|[^\W\d_]{_WORD_CHARS}(?:[-'\u2019.]\w{_WORD_CHARS})*['\u2019]?"  # "al-Nusra", "Russia's"
    r"|\d+(?:[.,]\d+)*"  # numbers: "2,500", "1.5"
    rf"|[^\s{FORMAT_CHARS}]"  # any other visible character
)

# Capitalized words that are times, not names: weekdays and months.
_TIME_NAMES: Final = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec""".split()
)
PRONOUNS: Final = frozenset("he she they it we i you who which".split())
OBJECT_PRONOUNS: Final = frozenset("him her them us me you it".split())

# Words between a subject and its cue that are skipped: auxiliaries, adverbs,
# and the "continues to" of "continues to insist".
SKIP_BEFORE_CUE: Final = frozenset(
    """has have had was were is are be been being will would could can may might must shall should
    did does do also later again repeatedly previously recently reportedly publicly privately
    separately flatly firmly strongly then once still further already often never not n't
    always initially originally earlier subsequently quickly immediately openly explicitly
    continue continues continued continuing to went on go goes going went appeared appears seemed
    seems first yet just even only now
    didn't doesn't don't won't wouldn't couldn't hasn't haven't hadn't isn't wasn't weren't can't
    shouldn't didn’t doesn’t don’t won’t wouldn’t couldn’t hasn’t haven’t hadn’t isn’t wasn’t
    weren’t can’t shouldn’t himself herself themselves itself""".split()
)
WEEKDAYS: Final = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split()
)
TIME_WORDS: Final = frozenset(
    "on late early last this morning afternoon evening night week month year earlier later".split()
)
# Capitalized words that open a sentence or clause but are not names.
STOP_CAPS: Final = frozenset(
    """but and however meanwhile yet so also still then in on at as if when while after before
    although though because since for with without by from to of into during amid despite
    under over this that these those there here it its his her their our my your we i you he she they
    what which who where why how asked speaking earlier later now today yesterday amidst among
    moreover furthermore instead indeed nonetheless nevertheless thus hence like unlike""".split()
)
DETERMINERS: Final = frozenset(
    """the a an some several many most other both two three four five six seven eight nine ten
    his her their its our this these those one any each all no""".split()
)
# Lower-case words that join name parts: "Observatory for Human Rights", "bin Salman".
NAME_JOINERS: Final = frozenset(
    "of for de al bin ibn van von la le du del da dos das y and".split()
)
# Connective phrases after a cue that the content skips: ", however," etc.
_LINKERS: Final = frozenset("however though too also meanwhile moreover furthermore".split())
# Participles that continue a speaker's statement: ", adding that …".
CONTINUING: Final = frozenset({"add", "say", "note", "claim", "insist", "warn", "stress", "state"})
# Verbs that take a bare clause ("X said the jets hit …"), besides "that"-clauses.
BARE_CLAUSE: Final = frozenset(
    """say tell claim insist deny state warn argue allege believe think assert contend maintain
    acknowledge admit confirm announce explain write tweet reply respond estimate predict suggest
    report add note stress insist reiterate concede declare fear hope feel expect indicate
    recall agree complain boast charge signal show suspect find """.split()
) | {"put it"}
# Verbs whose object noun phrase is their content ("denied the claims").
OBJECT_CONTENT: Final = frozenset(
    """deny reject dismiss dispute refute rebuff repudiate accuse condemn criticize criticise praise
    confirm acknowledge blame""".split()
)
# Nouns a "tell" object may be: "told reporters", "told a news conference".
AUDIENCE: Final = frozenset(
    """reporters journalists lawmakers parliament congress senators members supporters crowd
    audience conference briefing press news television radio tv viewers listeners students
    delegates correspondents investors shareholders analysts voters donors workers staff
    employees colleagues parents followers fans""".split()
)
# Heads of a channel phrase after a cue: "in a statement", "in an interview".
CHANNEL_HEADS: Final = frozenset(
    """statement interview broadcast conference briefing speech address letter post tweet
    message email op-ed column article report communique interview remarks comments
    radio television tv newspaper website blog podcast hearing session meeting""".split()
)
PREPOSITIONS: Final = frozenset("in at on during via through to with before after from by".split())

_QUOTE_CHARS: Final = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2039\u203a`"
_TRAILING: Final = " \t\u00a0.,;:!?\u2026-\u2013\u2014"
_MAX_NP_TOKENS: Final = 14
_MAX_WINDOW: Final = 400  # characters scanned on either side of a cue


class _Tok:
    """A token: offsets, text, and the views the rules test, computed once."""

    __slots__ = ("end", "is_cap", "is_word", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        low = text.lower().rstrip("'\u2019")
        if low.endswith(("'s", "\u2019s")):
            low = low[:-2]
        self.low = low
        self.is_word = text[:1].isalpha()
        self.is_cap = text[:1].isupper() and low not in _TIME_NAMES

    def __repr__(self) -> str:
        return f"_Tok({self.start}, {self.end}, {self.text!r})"


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, end)]


class _TokenCache:
    """Tokens computed once per sentence, on first use; windows are slices found by
    bisection. Sentences with no cue and no quote are never tokenized."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lo = self.hi = -1
        self.bounds: list[int] = []  # sentence starts, then the paragraph end
        self.done: dict[int, tuple[list[_Tok], list[int]]] = {}

    def load(self, start: int, end: int, sentences: Sequence[Span] = ()) -> None:
        """Make ``[start, end)`` (a paragraph) the current stretch."""
        self.lo, self.hi = start, end
        self.bounds = [start, *(x.start for x in sentences[1:]), end] if sentences else [start, end]
        self.done = {}

    def _piece(self, k: int) -> tuple[list[_Tok], list[int]]:
        got = self.done.get(k)
        if got is None:
            toks = _tokens(self.text, self.bounds[k], self.bounds[k + 1])
            got = (toks, [t.start for t in toks])
            self.done[k] = got
        return got

    def window(self, start: int, end: int) -> list[_Tok]:
        if not (self.lo <= start and end <= self.hi):
            return _tokens(self.text, start, end)
        if start >= end:
            return []
        top = len(self.bounds) - 2
        k = min(top, max(0, bisect.bisect_right(self.bounds, start) - 1))
        last = max(k, min(top, bisect.bisect_left(self.bounds, end) - 1))
        out: list[_Tok] = []
        for piece in range(k, last + 1):
            toks, starts = self._piece(piece)
            a = bisect.bisect_left(starts, start)
            b = bisect.bisect_left(starts, end)
            while b > a and toks[b - 1].end > end:
                b -= 1
            out.extend(toks[a:b])
        return out


class _ParaIndex:
    """A paragraph's cues, outer quotes and sentences, sorted, for lookups by bisection
    (so that no step scans every cue or quote of a long paragraph)."""

    def __init__(
        self, cues: Sequence[Cue], outer: Sequence[Quote], sentences: Sequence[Span]
    ) -> None:
        self.cues = list(cues)
        self.cue_starts = [c.span.start for c in self.cues]
        self.by_start = {c.span.start: c for c in self.cues}
        self.outer = list(outer)
        self.opens = [q.open for q in self.outer]
        self.sentences = list(sentences)
        self.sent_starts = [x.start for x in self.sentences]

    def cues_between(self, a: int, b: int) -> list[Cue]:
        """The cues that start strictly between ``a`` and ``b``."""
        return self.cues[
            bisect.bisect_right(self.cue_starts, a) : bisect.bisect_left(self.cue_starts, b)
        ]

    def count_between(self, a: int, b: int) -> int:
        """How many cues start strictly between ``a`` and ``b`` (no list is built)."""
        return max(
            0, bisect.bisect_left(self.cue_starts, b) - bisect.bisect_right(self.cue_starts, a)
        )

    def first_after(self, a: int) -> Cue | None:
        """The first cue that starts strictly after ``a``."""
        k = bisect.bisect_right(self.cue_starts, a)
        return self.cues[k] if k < len(self.cues) else None

    def cue_before(self, pos: int) -> Cue | None:
        """The last cue that ends at or before ``pos``."""
        k = bisect.bisect_left(self.cue_starts, pos) - 1
        while k >= 0 and self.cues[k].span.end > pos:
            k -= 1
        return self.cues[k] if k >= 0 else None

    def sentence_of(self, offset: int) -> Span | None:
        k = bisect.bisect_right(self.sent_starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def quotes_within(self, start: int, end: int) -> list[Quote]:
        """The outer quotes that open at or after ``start`` and before ``end``."""
        return self.outer[
            bisect.bisect_left(self.opens, start) : bisect.bisect_left(self.opens, end)
        ]

    def in_quote(self, offset: int) -> bool:
        k = bisect.bisect_right(self.opens, offset) - 1
        return k >= 0 and self.outer[k].content.start <= offset < self.outer[k].content.end


@dataclass(slots=True)
class RawClaim:
    """A claim before speakers, figures and dates are attached.

    Attributes:
        content: the content span.
        kind: direct, indirect or mixed.
        cue: the cue, or None (a quote that continues an earlier speaker).
        mention: the speaker mention, or None.
        channel: the medium ("the BBC", "a statement"), or None.
        via: the intermediary ("AFP"), or None.
        parts: the pieces of an interrupted quote.
        sentence: the stretch of text that holds the claim (for dates).
        confidence: how sure the rule that found it is.
    """

    content: Span
    kind: str
    cue: Cue | None
    mention: Span | None
    channel: Span | None = None
    via: Span | None = None
    parts: tuple[Span, ...] = ()
    sentence: Span | None = None
    confidence: float = 0.9


class _Context:
    """What the passes share for one article: text, lexicon, quotes, used cues."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lex = lexicon
        self.heads = (
            lexicon.titles
            | lexicon.org_heads
            | lexicon.anonymous
            | lexicon.documents
            | lexicon.media
        )
        self.used_cues: set[int] = set()
        self.quotes: list[Quote] = []
        self.cache = _TokenCache(text)
        self.para = _ParaIndex((), (), ())
        self.pending_channel: Span | None = None
        # the cue and speaker of a paragraph that ends with a colon: 'He said:'
        self.lead_in: tuple[Cue, Span | None] | None = None

    def toks(self, start: int, end: int) -> list[_Tok]:
        """The whole tokens inside ``[start, end)``."""
        return self.cache.window(start, end)

    def is_head(self, tok: _Tok) -> bool:
        low = tok.low
        return low in self.heads or (low.endswith("s") and low[:-1] in self.heads)

    def is_honorific(self, tok: _Tok) -> bool:
        return tok.low.rstrip(".") in self.lex.honorifics


# ---------------------------------------------------------------------------
# Noun phrases


def _np_left(
    ctx: _Context, toks: list[_Tok], i: int, *, allow_apposition: bool = True
) -> tuple[int, int] | None:
    """The noun phrase ending at token ``i`` (walking left), as token indices [a, b]."""
    if i < 0:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.is_word:
        return (i, i)
    if t.text == "," and allow_apposition:
        return _apposition(ctx, toks, i)
    j = i
    has_core = False
    modifiers = 0
    while j >= 0 and i - j < _MAX_NP_TOKENS:
        tok = toks[j]
        low = tok.low
        if tok.text == ")":
            # an acronym or a party tag in parentheses after a name: "(SOHR)", "(D-Ohio)"
            k = j - 1
            while k >= 0 and j - k <= 6 and toks[k].text != "(" and toks[k].text not in ",;":
                k -= 1
            if k >= 1 and j - k <= 6 and toks[k].text == "(" and toks[k + 1].is_cap:
                j = k - 1
                continue
            break
        if (
            tok.text == "."
            and j >= 1
            and (
                ctx.is_honorific(toks[j - 1])
                or toks[j - 1].low in _ABBREV_TITLES
                or (len(toks[j - 1].text) == 1 and toks[j - 1].is_cap and j < i)
            )
        ):
            j -= 1  # "Gen.", "Jr.", a middle initial "R."
            continue
        if (
            tok.text[:1].isdigit()
            and has_core
            and j + 1 <= i
            and toks[j + 1].low in ("percent", "%", "in", "of")
        ):
            j -= 1  # "24 percent", "three in 10"
            continue
        if tok.text[:1].isdigit() and has_core and j >= 1 and toks[j - 1].low in ("a", "an", "the"):
            j -= 1  # "a 2009 report", "the 40-page study"
            continue
        if j == i and tok.text == "%":
            has_core = True
            j -= 1
            continue
        if (
            j == i
            and j >= 2
            and toks[j - 1].low == "in"
            and (tok.text[:1].isdigit() or tok.low in _COUNT_WORDS)
            and (toks[j - 2].text[:1].isdigit() or toks[j - 2].low in _NUMBER_WORDS)
        ):
            has_core = True  # "six in 10 said", "Two in three said", "more than half"
            j -= 3
            if j >= 1 and toks[j].low == "than" and toks[j - 1].low in ("more", "fewer", "less"):
                j -= 2
            continue
        if not tok.is_word:
            break
        if j == i and (
            low in QUANTITY_SUBJECTS
            or (low in _COUNT_WORDS and j >= 1 and toks[j - 1].low in ("the", "all", "both"))
        ):
            has_core = True  # "many said", "24 percent said", "most say", "the two said"
            j -= 1
            continue
        if (low == "in" and has_core and j >= 1 and toks[j - 1].text[:1].isdigit()) or (
            low in _NUMBER_WORDS and has_core
        ):
            j -= 1  # "three in five", "nearly three in five"
            continue
        if low in DETERMINERS:
            if has_core:
                j -= 1
            break
        if tok.is_cap and low not in STOP_CAPS:
            has_core = True
            modifiers = 0
            j -= 1
            continue
        if ctx.is_head(tok) or ctx.is_honorific(tok):
            has_core = True
            modifiers = 0
            j -= 1
            continue
        if (
            (low in NAME_JOINERS or (low == "on" and ctx.is_head(toks[j - 1])))
            and j >= 1
            and j < i
            and toks[j - 1].is_cap
            and toks[j + 1].is_cap
        ):
            j -= 1  # "Observatory for Human Rights", "Commission on Presidential Debates"
            continue
        if (
            has_core
            and not tok.is_cap
            and "-" in tok.text
            and tok.text[:1].isalpha()
            and modifiers < 2
        ):
            modifiers += 1  # "so-called", "self-styled"
            j -= 1
            continue
        if (
            has_core
            and not tok.is_cap
            and modifiers < 2
            and low not in SKIP_BEFORE_CUE
            and low not in NAME_JOINERS
            and low not in _NOT_MODIFIERS
            and j + 1 <= i
            and (ctx.is_head(toks[j + 1]) or modifiers > 0)
        ):
            modifiers += 1
            j -= 1
            continue
        break
    a = j + 1
    if not has_core:
        return _common_noun_np(toks, i)
    if a > i:
        return None
    if (
        a < i
        and toks[a].text[:1].isupper()
        and toks[a].low in STOP_CAPS
        and toks[a].low not in _POSSESSIVES
    ):
        a += 1  # "But", "However" opening the sentence (not "Her critics")
    # "members of the coalition", "a statement by the ministry", "spokesman for the army"
    if (
        a >= 2
        and toks[a - 1].low in ("of", "by", "for", "from", "at", "to")
        and ctx.is_head(toks[a - 2])
    ):
        ext = _np_left(ctx, toks, a - 2, allow_apposition=False)
        if ext is not None:
            a = ext[0]
    elif (
        a >= 2
        and toks[a - 1].low == "of"
        and toks[a].low in ("the", "a")
        and toks[a - 2].is_cap
        and toks[a - 2].low not in STOP_CAPS
    ):
        # "Anna Diaz of the Courier": a name and the body it belongs to
        ext = _np_left(ctx, toks, a - 2, allow_apposition=False)
        if ext is not None:
            a = ext[0]
    elif a >= 2 and toks[a - 1].low == "of" and _is_plural_noun(toks[i]):
        # "a wide array of economists", "a group of lawmakers"
        ext = _common_noun_np(toks, a - 2)
        if ext is not None and not _is_plural_noun(toks[a - 2]):
            a = ext[0]
    # "The mayor and the police chief": two named or titled sources joined by "and"
    if (
        a >= 2
        and toks[a - 1].low == "and"
        and allow_apposition
        and (toks[a].is_cap or ctx.is_head(toks[a]) or toks[a].low in DETERMINERS)
    ):
        first = _np_left(ctx, toks, a - 2, allow_apposition=False)
        if first is not None and (first[0] == 0 or _is_subject_boundary(toks[first[0] - 1])):
            a = first[0]
    return (a, i)


_COMMON_DETERMINERS: Final = frozenset("the a an one this another each every".split())


def _is_possessive(tok: _Tok) -> bool:
    """A word with a possessive ending: "Russia's", "Russia\u2019s", "allies'"."""
    return tok.text[-1:] in ("'", "\u2019") or tok.text.endswith(("'s", "\u2019s"))


def _common_noun_np(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """A determiner and up to two lower-case words before a noun the lexicon does not
    know: "the company", "one questioner", "a local shop owner"."""
    t = toks[i]
    if (
        not t.is_word
        or t.is_cap
        or t.low in _NOT_MODIFIERS
        or t.low in SKIP_BEFORE_CUE
        or t.low in DETERMINERS
    ):
        return None
    if t.low.endswith(("ly", "ing", "ed")) or t.low in _OBJECT_MAKERS or t.low in _CONJUNCTIONS:
        return None
    plural = _is_plural_noun(t)
    for j in range(i - 1, max(-1, i - 5), -1):
        w = toks[j]
        if (
            w.low in _COMMON_DETERMINERS
            or (plural and w.low in _PLURAL_DETERMINERS)
            or (w.low in _POSSESSIVES and w.is_word and i - j == 1)
        ):
            return _numbered(toks, j, i)  # "the company", "his doctor", "some friends"
        if w.is_cap and w.text.endswith(("'s", "\u2019s")) and w.low not in STOP_CAPS:
            k = j
            while k >= 1 and j - k < 4 and toks[k - 1].is_cap and toks[k - 1].low not in STOP_CAPS:
                k -= 1
            if k > 0 and not _is_subject_boundary(toks[k - 1]):
                return None  # "names from the GOP's past"
            return (k, i)  # "Gary Johnson's doctor", "Mr. Trump's lawyer"
        if (plural and w.text[:1].isdigit()) or (w.is_cap and w.low not in STOP_CAPS):
            continue  # "Republican primary voters", "10 voters", "the New York businessman"
        if (
            not w.is_word
            or w.is_cap
            or w.low in _OBJECT_MAKERS
            or w.low in _CONJUNCTIONS
            or w.low in SKIP_BEFORE_CUE
        ):
            # a bare plural after a boundary: "economists say", ", while other voters said"
            return _numbered(toks, j + 1, i) if plural else None
    if plural and i - 4 < 0:
        return _numbered(toks, 0, i)
    return None


# Words before a plural noun that make it a subject: "some friends", "their lawyers".
_PLURAL_DETERMINERS: Final = frozenset(
    """some other others many most several few these those both all his her their its our my your
    two three four five six seven eight nine ten dozens hundreds thousands""".split()
)
_NOT_PLURAL_NOUNS: Final = frozenset(
    """this his its was has is does us thus plus always perhaps whereas yes news politics
    less unless""".split()
)


def _is_plural_noun(t: _Tok, *, any_case: bool = False) -> bool:
    """A lower-case word that looks like a plural noun: "voters", "technologists"
    (capitalized too with ``any_case``: "Proponents" opening a sentence)."""
    low = t.low
    return (
        t.is_word
        and (any_case or not t.is_cap)
        and len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "ous"))
        and low not in _NOT_PLURAL_NOUNS
        and t.text[-1:] not in ("'", "\u2019")
    )


def _numbered(toks: list[_Tok], a: int, b: int) -> tuple[int, int]:
    """Extend a noun phrase left over a count: "six in 10 voters", "the two", "many of the"."""
    if a >= 2 and toks[a].text[:1].isdigit() and toks[a - 1].low == "in":
        a -= 2 if toks[a - 2].is_word or toks[a - 2].text[:1].isdigit() else 0
    elif a >= 1 and toks[a - 1].low == "the" and toks[a].low in _PLURAL_DETERMINERS:
        a -= 1
    return (a, b)


# Words that stand alone as a subject of saying: "many said", "most say", "24 percent said".
QUANTITY_SUBJECTS: Final = frozenset(
    "many most some few others several both all none one another half majority minority plurality percent".split()
)
_COUNT_WORDS: Final = frozenset("two three four five six seven eight nine ten".split())
_NUMBER_WORDS: Final = frozenset(
    "one two three four five six seven eight nine ten nearly almost about roughly only".split()
)
_ABBREV_TITLES: Final = frozenset(
    "col gen lt maj capt sgt adm brig gov sen rep pres dr mr mrs ms st u.s u.n u.k jr sr".split()
)
_NOT_MODIFIERS: Final = frozenset(
    """that which who whom whose where when what and or but if than as because while said says
    of about on in to by against for from at into onto over under between among through toward
    towards amid despite like unlike via per after before during since until""".split()
)


# Words that take a part of a group: "one of his advisers", "some of the residents".
_PARTITIVES: Final = frozenset(
    "one two three some many several most all both each none any few".split()
)


# Words that open a description before a name: "One delegate …, Kelly Schmidt, said".
_DESCRIPTION_OPENERS: Final = frozenset("one a an the another two three several".split())


def _ends_in_place(toks: list[_Tok], comma: int) -> bool:
    """Whether the tokens before ``comma`` end with "from/of/in/at Capitalized…": a place
    that a ", State," segment continues."""
    k = comma - 1
    while k >= 0 and comma - k <= 4 and toks[k].is_cap:
        k -= 1
    return k < comma - 1 and k >= 1 and toks[k].low in ("from", "of", "in", "at")


def _apposition(ctx: _Context, toks: list[_Tok], comma: int) -> tuple[int, int] | None:
    """``NAME, description,`` before a cue: the name; ``description, NAME,``: both.

    Several comma-separated descriptions may stand between the name and the cue:
    "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said".
    """
    end = comma
    for _ in range(5):
        k = end - 1
        limit = max(0, end - 30)
        while (
            k >= limit
            and toks[k].text not in (",", "(", ")", ";", ":")
            and toks[k].text not in _QUOTE_CHARS
        ):
            k -= 1
        if k < limit or toks[k].text != ",":
            return None
        segment = toks[k + 1 : end]
        if not segment:
            return None
        first = segment[0]
        if (
            end == comma
            and len(segment) <= 6
            and all(t.is_cap or t.low in NAME_JOINERS or t.text == "." for t in segment)
        ):
            before = _np_left(ctx, toks, k - 1, allow_apposition=False)
            if before is not None and any(ctx.is_head(t) for t in toks[before[0] : before[1] + 1]):
                a = before[0]
                if a >= 2 and toks[a - 1].low == "of" and toks[a - 2].low in _PARTITIVES:
                    a -= 2  # "One of his advisers, Tad Devine,"
                return (a, comma - 1)  # "The ministry's spokeswoman, Marzieh Afkham"
            lead = toks[:k]
            if (
                0 < len(lead) <= 12
                and (lead[0].low in _DESCRIPTION_OPENERS or lead[0].text[:1].isdigit())
                and any(ctx.is_head(t) for t in lead)
                and not any(t.start in ctx.para.by_start for t in lead)
            ):
                return (k + 1, comma - 1)  # "One delegate not on the slate, Kelly Schmidt, told"
        descriptive = (
            first.low in DETERMINERS
            or not first.is_cap
            or first.low in ("who", "which")
            or first.text[:1].isdigit()
            or (len(segment) <= 2 and segment[-1].text == ".")  # "Md."
            or ctx.is_head(first)
            or any(ctx.is_head(t) and not t.is_cap for t in segment)  # "Mr Putin's chief of staff"
        )
        if not descriptive:
            if len(segment) <= 3 and all(t.is_cap for t in segment) and _ends_in_place(toks, k):
                end = k  # "a philanthropist from Monsey, New York,": a place, go on left
                continue
            return None
        found = _np_left(ctx, toks, k - 1, allow_apposition=False)
        starts_clause = found is not None and (
            found[0] == 0
            or toks[found[0] - 1].text in (",", ";", ":")
            or _is_subject_boundary(toks[found[0] - 1])
        )
        name_like = (
            toks[k - 1].text[:1].isupper()
            or toks[k - 1].text == ")"
            or (toks[k - 1].text == "." and k >= 2 and toks[k - 2].is_cap)  # "Jr.,"
            or ctx.is_head(toks[k - 1])
            or toks[k - 1].low in PRONOUNS
        )
        if starts_clause and name_like:
            return found
        end = k
    return None


def _np_right(
    ctx: _Context, toks: list[_Tok], i: int, *, audience: bool = False
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i`` (walking right), as token indices [a, b]."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    if t.low in PRONOUNS and t.is_word:
        return (i, i)
    if t.low in QUANTITY_SUBJECTS and t.is_word and (i + 1 >= n or not toks[i + 1].is_word):
        return (i, i)  # '"…," said another.'
    j = i
    if t.low in DETERMINERS:
        j += 1
    has_core = False
    last_core = -1
    while j < n and j - i < _MAX_NP_TOKENS:
        tok = toks[j]
        if (
            tok.text == "."
            and j >= 1
            and (ctx.is_honorific(toks[j - 1]) or toks[j - 1].low in _ABBREV_TITLES)
        ):
            j += 1
            continue
        if tok.text == "(" and j + 2 < n and toks[j + 1].is_cap and toks[j + 2].text == ")":
            last_core = j + 2
            j += 3
            continue
        if (
            tok.text[:1].isdigit()
            and has_core
            and j + 1 < n
            and toks[j + 1].is_word
            and j == last_core + 1
        ):
            j += 1  # a number inside a name: "Europe 1 radio", "Channel 4"
            continue
        if (
            tok.text[:1].isdigit()
            and not has_core
            and j - i < 3
            and j + 1 < n
            and toks[j + 1].is_word
        ):
            j += 1  # "a 2013 study", "a 40-page report"
            continue
        if not tok.is_word:
            break
        if (
            (tok.is_cap and tok.low not in STOP_CAPS)
            or ctx.is_head(tok)
            or ctx.is_honorific(tok)
            or (audience and tok.low in AUDIENCE)
        ):
            has_core = True
            last_core = j
            j += 1
            continue
        if tok.low in NAME_JOINERS and has_core and j + 1 < n and toks[j + 1].is_cap:
            j += 1
            continue
        if (
            not tok.is_cap
            and not has_core
            and tok.low not in _NOT_MODIFIERS
            and tok.low not in PREPOSITIONS
            and tok.low not in SKIP_BEFORE_CUE
            and j + 1 < n
            and j - i < 3
        ):
            j += 1  # a modifier before the head: "the Russian defense ministry"
            continue
        break
    if not has_core:
        # "the woman", "a local resident": a determiner and up to three lower-case words
        # that end the phrase (a comma, a period or the end follows)
        if t.low in _COMMON_DETERMINERS and t.low != "that":
            k = i + 1
            while k < n and k - i <= 3 and toks[k].is_word and not toks[k].is_cap:
                if toks[k].low in _NOT_MODIFIERS or toks[k].low in SKIP_BEFORE_CUE:
                    return None
                k += 1
            if k > i + 1 and (k >= n or toks[k].text in (",", ".", ";", "!", "?")):
                return (i, k - 1)
        return None
    return (i, last_core)


def _span(text: str, toks: list[_Tok], a: int, b: int) -> Span:
    return Span.of(text, toks[a].start, toks[b].end)


# ---------------------------------------------------------------------------
# Pass 1: direct quotes


def _cue_after_quote(
    ctx: _Context, cues: Sequence[Cue], q: Quote, para: Span
) -> tuple[Cue, Span | None, int] | None:
    """A cue right after ``q``'s closing mark: ``"…," he said`` or ``"…," said X``.

    After a quote, any past-tense verb that follows a short subject is a cue
    (``"…," Toomey fumed``), known to the lexicon or not. Returns the cue, the
    mention, and the offset where the attribution ends.
    """
    text = ctx.text
    if q.close is None:
        return None
    after = q.end
    toks = ctx.toks(after, min(para.end, after + 200))
    by_start = ctx.para.by_start
    dash = _dash_attribution(ctx, toks, para)
    if dash is not None:
        return dash
    k = 0
    while k < len(toks) and toks[k].text in (",", "\u2014", "\u2013", "-", "--"):
        k += 1
    if k >= len(toks) or not toks[k].is_word:
        return None
    first = toks[k]
    cue = by_start.get(first.start)
    if (cue is not None and cue.span.end == first.end) or (
        cue is not None and cue.form == "phrase"
    ):
        # inverted: "…," said X
        np = _np_right(ctx, toks, k + 1)
        if np is None:
            return None
        return cue, _span(text, toks, *np), toks[np[1]].end
    # subject, then a verb (a verb the lexicon does not know only outside an apposition:
    # '"…," Daniloff, now retired in Cambridge, said')
    j = k
    commas = 0
    verb: Cue | None = None
    while j < len(toks) and j - k <= 30:
        t = toks[j]
        if t.text in _QUOTE_CHARS or (
            t.text in (".", ";", ":", "!", "?")
            and not (
                j > k
                and (
                    ctx.is_honorific(toks[j - 1])
                    or toks[j - 1].low in _ABBREV_TITLES
                    or (len(toks[j - 1].text) == 1 and toks[j - 1].is_cap)
                    # an abbreviation before a comma: "of Cambridge, Mass., said"
                    or (t.text == "." and j + 1 < len(toks) and toks[j + 1].text in (",", ")"))
                )
            )
        ):
            return None
        c = by_start.get(t.start)
        if c is not None and j > k:
            verb = c
            break
        if t.text == ",":
            commas += 1
        if j > k and commas % 2 == 0 and _is_unknown_past_verb(ctx, t):
            verb = Cue(
                span=Span.of(text, t.start, t.end),
                lemma=_guess_lemma(t.low),
                stance="other",
                form="verb",
            )
            break
        j += 1
    if verb is None:
        return None
    if verb.stance == "other" and first.low in _SUBORDINATORS:
        return None  # '"…," when militants targeted a unit': a clause of the reporter's
    if (
        verb.stance == "other"
        and not q.content.text.rstrip().endswith((",", ".", "!", "?", "\u2026"))
        and text[q.end : q.end + 1] != ","
    ):
        return None  # '"Broad City" star Arturo Castro turned …': a title, not a quote
    core = toks[k:j]
    m = _skip_back(core, len(core) - 1)
    np = _np_left(ctx, core, m, allow_apposition=True) if m >= 0 else None
    if (
        np is not None
        and np[0] != 0
        and not all(not t.is_word or t.low in STOP_CAPS for t in core[: np[0]])
    ):
        np = None
    if np is None:
        # a short subject the rules do not know: "one user", "a senior aide to the mayor"
        words = core[: m + 1]
        if (
            not words
            or len(words) > 8
            or any(not t.is_word and t.text not in (".", "'", "\u2019") for t in words)
        ):
            return None
        last = words[-1]
        if not (
            last.is_cap or ctx.is_head(last) or last.low in PRONOUNS or words[0].low in DETERMINERS
        ):
            return None
        if any(t.low in _CONJUNCTIONS or t.low in SKIP_BEFORE_CUE for t in words):
            return None
        np = (0, m)
    if verb.lemma == "read" and not _has_document_head(ctx, core, np):
        return None
    return verb, _span(text, core, *np), verb.span.end


_SUBORDINATORS: Final = frozenset(
    "when while as because after before since if although though until where whereas".split()
)


def _dash_attribution(
    ctx: _Context, toks: list[_Tok], para: Span
) -> tuple[Cue, Span | None, int] | None:
    """'"…" — Commissioner Maria Lopez': a dash, a name, and nothing after it."""
    if not toks or toks[0].text not in ("\u2014", "\u2013", "--", "-"):
        return None
    np = _np_right(ctx, toks, 1)
    if np is None or any(t.is_word for t in toks[np[1] + 1 :]) or toks[-1].end < para.end - 2:
        return None
    cue = Cue(
        span=Span.of(ctx.text, toks[0].start, toks[0].end),
        lemma="say",
        stance="neutral",
        form="dash",
    )
    return cue, _span(ctx.text, toks, *np), toks[np[1]].end


# A past-tense verb right before a colon that opens a quote: 'He sighed: "'.
_VERB_COLON_RE: Final = re.compile(r"\b(?P<verb>[a-z]{3,}ed)\s*:\s*$")


# Lower-case words ending in -ed that are not verbs of saying after a quote's subject.
_NOT_CUE_ED: Final = frozenset("based led armed named used related united called-for".split())


def _is_unknown_past_verb(ctx: _Context, tok: _Tok) -> bool:
    low = tok.text.lower()
    return (
        tok.text[:1].islower()
        and len(low) > 4
        and low.endswith("ed")
        and low not in _NOT_CUE_ED
        and low not in SKIP_BEFORE_CUE
        and not ctx.is_head(tok)
    )


def _guess_lemma(word: str) -> str:
    """A lemma for a past-tense verb the lexicon does not list: "fumed" -> "fume".

    >>> [_guess_lemma(w) for w in ("fumed", "gushed", "quipped", "emailed", "carried")]
    ['fume', 'gush', 'quip', 'email', 'carry']
    """
    if word.endswith("ied"):
        return word[:-3] + "y"
    stem = word[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    if (
        len(stem) >= 3
        and stem[-1] not in "aeiouwxy"
        and stem[-2] in "aeiou"
        and stem[-3] not in "aeiou"
        and not stem.endswith(("sh", "ch", "ck", "th"))
    ):
        return stem + "e"
    return stem


def _has_document_head(ctx: _Context, toks: list[_Tok], np: tuple[int, int]) -> bool:
    docs = ctx.lex.documents
    return any(
        t.low in docs or (t.low.endswith("s") and t.low[:-1] in docs)
        for t in toks[np[0] : np[1] + 1]
    )


def _cue_before_quote(
    ctx: _Context, cues: Sequence[Cue], open_at: int, lo: int
) -> tuple[Cue, Span | None] | None:
    """A cue right before ``q``'s opening mark: ``X said: "…"`` / ``X added, "…"`` /
    ``X told reporters: "…"``; or a verb the lexicon does not know before a colon:
    ``He sighed: "…"``. The mention is None for a cue that shares the sentence's
    subject (``… and said, "…"``, ``…, adding: "…"``)."""
    found = _lexicon_cue_before(ctx, open_at, lo)
    if found is not None:
        return found
    text = ctx.text
    m_colon = _VERB_COLON_RE.search(text, max(lo, open_at - 40), open_at)
    if m_colon is None:
        return None
    start, end = m_colon.span("verb")
    lemma = _guess_lemma(m_colon.group("verb").lower())
    verb = Cue(span=Span.of(text, start, end), lemma=lemma, stance="other", form="verb")
    toks = ctx.toks(max(lo, start - _MAX_WINDOW), start)
    m = _skip_back(toks, len(toks) - 1)
    np = _np_left(ctx, toks, m) if m >= 0 else None
    if np is not None:
        return verb, _span(text, toks, *np)
    if m >= 0 and toks[m].low in ("and", "but", "then"):
        return verb, None
    return None


# Cues that introduce a quote only with a colon or a comma: 'He continued: "…"'.
_NEEDS_PUNCTUATION: Final = frozenset("continue go".split())


_TITLED_QUOTE_RE: Final = re.compile(
    r"[\"\u201c\u2018'](?:[A-Z][\w'\u2019-]*[ \t]+){1,5}[A-Z][\w'\u2019-]*\.?[\"\u201d\u2019']"
)


def _is_titled_name(text: str, open_at: int) -> bool:
    """A quoted title of two to six capitalized words at ``open_at`` ("Lopez Tonight."):
    a name, not a statement, when a cue stands right before it."""
    return _TITLED_QUOTE_RE.match(text, open_at, open_at + 120) is not None


def _lexicon_cue_before(ctx: _Context, open_at: int, lo: int) -> tuple[Cue, Span | None] | None:
    text = ctx.text
    cue = ctx.para.cue_before(open_at)
    if cue is None:
        return None
    gap = text[cue.span.end : open_at]
    inverted: Span | None = None
    if not gap.strip(" \u00a0\t") and (
        _is_titled_name(text, open_at)
        or cue.lemma in _NEEDS_PUNCTUATION
        or (cue.form == "verb" and not cue.participle and "clause" not in ctx.lex.frames(cue.lemma))
    ):
        return None  # 'will continue "for years"', 'want "her as their boss"': not speech
    if len(gap) > 3 or gap.strip(" ,:\u00a0\t"):
        # 'X told reporters: "…"' / 'X said in a statement: "…"': a short object or
        # phrase between the cue and a colon (or comma) before the quote
        if len(gap) > 80 or gap.rstrip()[-1:] not in (":", ","):
            return None
        inner = [t for t in ctx.toks(cue.span.end, open_at) if t.text not in (":", ",")]
        if not inner or len(inner) > 10 or inner[0].low == "by":
            return None  # "… supported by Republicans, "…"": a passive's agent
        if any(not t.is_word and t.text != "." and not t.text[:1].isdigit() for t in inner):
            return None
        if any(t.low in _CONJUNCTIONS or t.low == "that" for t in inner):
            return None
        inverted_np = _np_right(ctx, inner, 0)
        sent = ctx.para.sentence_of(cue.span.start)
        if (
            inverted_np is not None
            and inverted_np[1] == len(inner) - 1
            and sent is not None
            and not text[sent.start : cue.span.start].strip()
            and inner[0].low not in AUDIENCE
        ):
            inverted = _span(text, inner, *inverted_np)  # 'Stated Stone: "…"'
        else:
            ctx.pending_channel = Span.of(text, inner[0].start, inner[-1].end)
    if inverted is not None:
        return cue, inverted
    toks = ctx.toks(max(lo, cue.span.start - _MAX_WINDOW), cue.span.start)
    m = _skip_back(toks, len(toks) - 1)
    np = _np_left(ctx, toks, m)
    if m >= 0 and (np is None or (np[0] > 0 and not _is_subject_boundary(toks[np[0] - 1]))):
        np = _postmodified_subject(ctx, toks, m) or np  # "A source familiar with … said, "…""
    mention = _span(text, toks, *np) if np else None
    coordinated = m >= 0 and toks[m].low in ("and", "but", "then")
    if mention is None and cue.form != "phrase" and not cue.participle and not coordinated:
        return None
    return cue, mention


# ---------------------------------------------------------------------------
# Pass 2: reported speech


_CLAUSE_SUBORDINATORS: Final = frozenset(
    "when whenever while as after before if because although though since once until".split()
)


def _clause_subject(ctx: _Context, left: list[_Tok], m: int) -> Span | None:
    """The subject of the clause that ``left[m]`` ("and") coordinates in, when a verb
    in -ed follows it: "When Rubio thanked Miami and said …" -> "Rubio"."""
    k = m - 1
    while k >= 0 and m - k <= 25:
        t = left[k]
        if t.text in (",", ";", ":") or t.low in _CLAUSE_SUBORDINATORS:
            break
        k -= 1
    if k >= 0 and not (left[k].text in (",", ";", ":") or left[k].low in _CLAUSE_SUBORDINATORS):
        return None
    np = _np_right(ctx, left, k + 1)
    if np is None or np[1] + 1 >= m:
        return None
    verb = left[np[1] + 1]
    if not (
        _is_verb_like(verb)
        or (
            verb.is_word
            and not verb.is_cap
            and verb.low not in DETERMINERS
            and verb.low not in _OBJECT_MAKERS
            and verb.low not in _CONJUNCTIONS
        )
    ):
        return None  # "Mrs. Clinton shook her head and said": any verb after the subject
    return _span(ctx.text, left, *np)


_TIME_OPENERS: Final = frozenset(
    "this last next minutes hours days weeks months years shortly once earlier later".split()
)


def _is_leading_adverbial(tok: _Tok) -> bool:
    """Whether a sentence's first word opens a phrase before the subject: a time ("This
    year", "Minutes later"), a participle ("Arriving", "Chastened") or a dateline in
    capitals ("MYRTLE BEACH")."""
    low = tok.low
    return tok.is_word and (
        low in _TIME_OPENERS
        or low in _OBJECT_MAKERS
        or low in ("along", "amid", "after", "before", "during", "since", "with", "without")
        or (len(low) > 5 and low.endswith(("ing", "ed")) and low not in _NOT_VERBS)
        or (len(tok.text) > 2 and tok.text.isupper())
    )


def _sentence_start_np(ctx: _Context, text: str, sent: Span, stop: int) -> Span | None:
    """The subject at the start of a sentence: "And the Observatory (SOHR) has backed …"."""
    toks = ctx.toks(sent.start, stop)
    i = 0
    if toks and _is_leading_adverbial(toks[0]):
        # "Minutes later, the campaign …", "Arriving on the scene, police …", "MYRTLE
        # BEACH, S.C. — Cruz …": the subject comes after the opening phrase
        comma = next((k for k in range(1, min(len(toks), 14)) if toks[k].text == ","), None)
        if comma is not None:
            i = comma + 1
            while (
                i < len(toks)
                and toks[i].is_cap
                and toks[i].text.isupper()
                and len(toks[i].text) <= 4
            ):
                i += 1  # "S.C."
            while i < len(toks) and not toks[i].is_word:
                i += 1
    while i < len(toks) and (
        (toks[i].low in STOP_CAPS and toks[i].low not in DETERMINERS) or not toks[i].is_word
    ):
        if toks[i].low in PRONOUNS and toks[i].low not in ("it", "which", "who"):
            return _span(text, toks, i, i)  # "He denounced the coup, telling …"
        if toks[i].text == ",":
            i += 1
            continue
        if toks[i].is_word and toks[i].low not in ("and", "but", "so", "yet", "also", "then"):
            # a leading phrase: "Like Trump, they …", "In Paris, the ambassador …"
            comma = next(
                (k for k in range(i + 1, min(len(toks), i + 10)) if toks[k].text == ","), None
            )
            if comma is None:
                return None
            i = comma + 1
            continue
        i += 1
    np = _np_right(ctx, toks, i)
    return _span(text, toks, *np) if np else None


# Verbs that may name their audience before the content: "asked Sanders whether …".
_AUDIENCE_VERBS: Final = frozenset(
    "ask warn remind assure inform notify advise urge caution reassure convince persuade".split()
)
_AUDIENCE_FOLLOWERS: Final = frozenset("that whether if to what why how when who".split())


def _audience_then_to(ctx: _Context, toks: list[_Tok]) -> bool:
    """An audience then an infinitive after a cue: "told Jeb Bush to quiet down",
    "asked white actors to act", "urged them not to vote"."""
    if not toks:
        return False
    if toks[0].low in OBJECT_PRONOUNS and toks[0].low != "it":
        k = 1
    else:
        np = _np_right(ctx, toks, 0, audience=True)
        if np is None:
            return False
        k = np[1] + 1
    if k < len(toks) and toks[k].low == "not":
        k += 1
    if k + 2 < len(toks) and toks[k].low == "to" and toks[k + 1].text in _QUOTE_CHARS:
        k += 1  # 'asked them to "prayerfully consider" …'
    return k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].is_word


_POSSESSIVE_ENDS: Final = frozenset("s'\u2019")
# Nouns in -ing that end a phrase between a cue and its content: "in a court filing".
_ING_NOUNS: Final = frozenset(
    """filing filings briefing hearing meeting posting recording ruling gathering morning
    evening screening signing opening closing proceeding proceedings""".split()
)


def _skip_adverbials(
    ctx: _Context, toks: list[_Tok], i: int, lemma: str
) -> tuple[int, Span | None]:
    """Skip what stands between a cue and its content: objects of "tell", time, channel."""
    text = ctx.text
    channel: Span | None = None
    n = len(toks)
    if lemma in _AUDIENCE_VERBS and i + 1 < n:
        # "asked Sanders whether …", "warned them that …", "urged lawmakers to …"
        if toks[i].low in OBJECT_PRONOUNS and toks[i + 1].low in _AUDIENCE_FOLLOWERS:
            i += 1
        else:
            np = _np_right(ctx, toks, i, audience=True)
            if np is not None and np[1] + 1 < n and toks[np[1] + 1].low in _AUDIENCE_FOLLOWERS:
                i = np[1] + 1
    if lemma == "tell" and i < n:
        if toks[i].low in OBJECT_PRONOUNS:
            i += 1
        else:
            np = _np_right(ctx, toks, i, audience=True)
            if np is not None:
                channel = _span(text, toks, *np)
                i = np[1] + 1
            elif toks[i].low in AUDIENCE:
                channel = _span(text, toks, i, i)
                i += 1
    for _ in range(6):
        if i >= n:
            break
        t = toks[i]
        if (
            t.low in WEEKDAYS and t.text[-1:] not in _POSSESSIVE_ENDS
        ) or t.low in _ADVERBS_AFTER_CUE:
            i += 1  # "said Friday", not "said Thursday's speeches …"
            continue
        if (
            t.low in ("last", "this", "next", "late", "early")
            and i + 1 < n
            and toks[i + 1].low in _TIME_UNITS
        ):
            i += 2  # "last week", "this month", "late Tuesday"
            continue
        if t.low in _TIME_UNITS and i > 0 and toks[i - 1].low in WEEKDAYS:
            i += 1  # "Monday night"
            continue
        if t.text == ",":
            # ", however," / ", too,"
            if i + 2 < n and toks[i + 1].low in _LINKERS and toks[i + 2].text == ",":
                i += 3
                continue
            # ", per a translator, that …" / ", in an interview, that …"
            k = i + 1
            while k < n and k - i <= 7 and toks[k].is_word and toks[k].low != "that":
                k += 1
            if (
                k + 1 < n
                and k > i + 1
                and toks[k].text == ","
                and toks[k + 1].low == "that"
                and toks[i + 1].low in PREPOSITIONS | {"per", "according"}
            ):
                if channel is None and any(w.low in CHANNEL_HEADS for w in toks[i + 1 : k]):
                    channel = _span(text, toks, i + 2, k - 1)
                i = k + 1
                continue
            break
        if t.low in PREPOSITIONS:
            # a short prepositional phrase: "on Friday", "in a statement", "at the UN"
            j = i + 1
            while (
                j < n
                and j - i <= 12
                and toks[j].is_word
                and toks[j].low != "that"
                and (
                    toks[j].low not in _CONJUNCTIONS
                    or (toks[j].low == "and" and toks[j + 1 : j + 2] and toks[j + 1].is_cap)
                )
                and (
                    not toks[j].low.endswith("ing")
                    or toks[j].low in _TIME_UNITS
                    or toks[j].low in CHANNEL_HEADS
                    or toks[j].low in _ING_NOUNS
                    or (j + 1 < n and toks[j + 1].low == "that")
                    or toks[j - 1].low in DETERMINERS
                    or toks[j - 1].low in ("early", "late", "this", "that")
                )  # a gerund ends the phrase, not "in the early morning", "at a meeting"
                and toks[j].text not in _QUOTE_CHARS
            ):
                j += 1
                if j < n and (toks[j].low == "that" or toks[j].text in (",", ":")):
                    break
            if j + 2 < n and toks[j].text == "," and toks[j + 1].is_cap:
                # "at a campaign stop in Toledo, Ohio, that …": a place in apposition
                k = j + 1
                while k < n and k - j <= 4 and toks[k].is_cap:
                    k += 1
                if k + 1 < n and toks[k].text == "," and toks[k + 1].low == "that":
                    j = k + 1
            if j < n and toks[j].low == "that" and j - i <= 18:
                words = toks[i + 1 : j]
                if any(w.low in CHANNEL_HEADS for w in words) and channel is None:
                    channel = _span(text, toks, i + 1, j - 1)
                i = j
                continue
            if i + 1 < n and toks[i + 1].low in WEEKDAYS:
                i += 2
                continue
            break
        break
    return i, channel


def _content_end(
    ctx: _Context, toks: list[_Tok], i: int, stop: int, *, via_ok: bool = True
) -> tuple[int, Span | None, int]:
    """Where forward content ends: the sentence end, or before ", adding …", ", according to X"
    or a trailing ", reports X". Returns (end offset, via span, index of the stopping token)."""
    text = ctx.text
    n = len(toks)
    j = i
    # a sentence that opens with a subordinate clause: "While X said …, he …"
    sent = ctx.para.sentence_of(toks[i].start) if i < n else None
    opener = sent is not None and _OPENER_RE.match(text, sent.start) is not None
    # the cue inside that clause: "When Rubio said it was great to be home, the crowd …"
    in_opener = (
        opener and sent is not None and i < n and "," not in text[sent.start : toks[i].start]
    )
    while j < n:
        t = toks[j]
        if (
            t.low == "and"
            and j > i + 2
            and j + 1 < n
            and toks[j + 1].start in ctx.para.by_start
            and toks[j + 1].low.endswith("ed")
        ):
            return toks[j - 1].end, None, j  # "said he would … and warned against …"
        # a clause break: ", " ";" a dash, or a closing mark right after a comma (',”')
        breaks = t.text in (",", ";", "\u2014", "\u2013", "--") or (
            t.text in _QUOTE_CHARS and j > i and toks[j - 1].text == ","
        )
        if breaks and j + 1 < n:
            nxt = toks[j + 1]
            cut_at = toks[j].end if toks[j].text in _QUOTE_CHARS else toks[j].start
            if nxt.low == "according" and j + 2 < n and toks[j + 2].low == "to":
                if not via_ok:
                    return cut_at, None, j
                np = _np_right(ctx, toks, j + 3)
                via = _span(text, toks, *np) if np else None
                if via is not None:
                    ctx.used_cues.add(nxt.start)  # the source's source: no claim of its own
                return cut_at, via, j
            if nxt.text.endswith("ing") and lemma_of(nxt.text, lexicon=ctx.lex) is not None:
                return cut_at, None, j  # ", adding that …", ", describing …": a new claim
            if t.text in ("-", "--", "\u2014", "\u2013") and nxt.text in _QUOTE_CHARS and j > i + 3:
                return cut_at, None, j  # "… - ''He would have loved Stalin,'' X said - …"
            if (
                t.text in ("--", "\u2014", "\u2013")
                and (nxt.low in DETERMINERS or nxt.low in ("which", "who"))
                and not any(x.text in ("--", "\u2014", "\u2013") for x in toks[j + 1 :])
                and not any(x.text in ("--", "\u2014", "\u2013") for x in toks[i:j])
            ):
                return cut_at, None, j  # "… -- a move that …": the reporter's aside
            # a trailing inverted cue: ", reports AFP." / ", the report states."
            rest = text[nxt.start : stop]
            if len(rest) < 80:
                tail = _trailing_attribution(ctx, text, nxt.start, stop)
                if tail is not None:
                    ctx.used_cues.add(tail[1])
                    return cut_at, tail[0], j
            if (
                nxt.low == "but"
                and j + 2 < n
                and toks[j + 2].low not in SKIP_BEFORE_CUE
                and toks[j + 2].low != "that"
                and not toks[j + 2].low.endswith("ed")
            ) or (t.text == "," and nxt.low in _ASIDE_OPENERS):
                return cut_at, None, j  # but not ", but hasn't decided …", ", but that …"
            if (
                t.text == ","
                and in_opener
                and (nxt.low in DETERMINERS or nxt.is_cap or nxt.low in PRONOUNS)
                and j + 2 < n
                and toks[j + 2].is_word
            ):
                return cut_at, None, j  # the main clause after the opening one
            if (
                t.text == ","
                and opener
                and (
                    nxt.low in _NARRATOR_SUBJECTS
                    or nxt.low in ("it", "we", "i")
                    or nxt.low in QUANTITY_SUBJECTS
                )
                and j + 2 < n
                and toks[j + 2].is_word
            ):
                return cut_at, None, j  # "While X said …, he appears …": the main clause
            if (
                t.text == ","
                and nxt.low in ("and", "as")
                and j + 2 < n
                and toks[j + 2].low in _NARRATOR_SUBJECTS
                and toks[j + 2].is_word
            ):
                return cut_at, None, j  # "…, and he railed against …": the reporter again
            if (
                t.text == ","
                and nxt.low == "and"
                and j + 2 < n
                and toks[j + 2].low in ("there", "now", "at", "in", "meanwhile")
            ):
                return cut_at, None, j  # "…, and there were none of the hecklers"
        j += 1
    # a clause runs to the sentence end, but no further than the tokens read: in a
    # megabyte-long "sentence" each content stays bounded (linear output)
    end = stop if not toks or toks[-1].end >= stop - 4 else min(stop, toks[-1].end)
    return end, None, n


_OPENER_RE: Final = re.compile(
    r"[\W]{0,3}(?:While|Although|Though|Whereas|When|As|Because|If|After|Before|Since|Even"
    r"|Among)\b"
)
# Pronoun subjects after ", and" / ", as" that hand the sentence back to the reporter.
_NARRATOR_SUBJECTS: Final = frozenset("he she they".split())
# Words after a comma that open the reporter's aside, not the reported content.
_ASIDE_OPENERS: Final = frozenset("compared while whereas unlike meanwhile".split())
_ADVERBS_AFTER_CUE: Final = frozenset(
    """earlier later yesterday today tonight again also repeatedly publicly privately recently
    previously openly bluntly flatly simply only once further separately however though
    instead twice""".split()
)
_TIME_UNITS: Final = frozenset(
    """week month year weekend morning afternoon evening night spring summer fall autumn winter
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


def _trailing_attribution(
    ctx: _Context, text: str, start: int, stop: int
) -> tuple[Span, int] | None:
    """``reports AFP`` / ``the report states`` / ``AFP reported`` closing a sentence: the source."""
    toks = ctx.toks(start, stop)
    for cue in find_cues(text, start, stop, lexicon=ctx.lex):
        found = _trailing_with(ctx, text, toks, cue)
        if found is not None:
            return found
    return None


def _trailing_with(ctx: _Context, text: str, toks: list[_Tok], cue: Cue) -> tuple[Span, int] | None:
    before = [t for t in toks if t.end <= cue.span.start]
    after = [t for t in toks if t.start >= cue.span.end]
    if not before:
        np = _np_right(ctx, after, 0)
        if np is None:
            return None
        if any(t.is_word for t in after[np[1] + 1 :]):
            return None
        return _span(text, after, *np), cue.span.start
    np = _np_left(ctx, before, len(before) - 1)
    if np is None or np[0] != 0 or any(t.is_word for t in after):
        return None
    return _span(text, before, *np), cue.span.start


def _trim_content(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = strip_span(text, start, end)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    while start < end and text[start] in " ,:;\u2014\u2013-":
        start += 1
    start, end = strip_span(text, start, end)
    return start, end


def _kind_of(quotes: Sequence[Quote], start: int, end: int) -> str:
    """ "mixed" when an outer quote lies inside ``[start, end)``, else "indirect"."""
    opens = [q.open for q in quotes] if not isinstance(quotes, _QuoteList) else quotes.opens
    k = bisect.bisect_left(opens, start)
    while k < len(quotes) and quotes[k].open < end:
        if quotes[k].level == 0 and quotes[k].content.end <= end:
            return "mixed"
        k += 1
    return "indirect"


class _QuoteList(list[Quote]):
    """Outer quotes sorted by their opening mark, with the offsets kept for bisection."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        super().__init__(quotes)
        self.opens = [q.open for q in quotes]


# ---------------------------------------------------------------------------


def find_claims(
    text: str,
    paragraphs: Sequence[Span],
    *,
    headline: Span | None = None,
    lexicon: Lexicon | None = None,
    sentences: Mapping[tuple[int, int], Sequence[Span]] | None = None,
) -> list[RawClaim]:
    """Every attribution relation in the given paragraphs of ``text``, in text order.

    Args:
        text: the whole article text.
        paragraphs: the paragraphs to read (title and body; not boilerplate).
        headline: the title among them, where "Source: claim" is an attribution.
        lexicon: word lists; the built-in ones by default.
        sentences: the sentences of paragraphs already split (keyed by the paragraph's
            (start, end)), so that they are not split again.

    Returns:
        Raw claims (content, kind, cue, mention, channel, via, parts).

    >>> text = 'Russian Foreign Minister Sergei Lavrov insisted that Moscow was only targeting "terrorist groups," reports AFP.'
    >>> [(r.kind, r.content.text, r.mention.text, r.via.text) for r in find_claims(text, [Span.of(text, 0, len(text))])]
    [('mixed', 'Moscow was only targeting "terrorist groups,"', 'Russian Foreign Minister Sergei Lavrov', 'AFP')]
    """
    ctx = _Context(text, lexicon or Lexicon.default())
    quotes = find_quotes(text, paragraphs)
    ctx.quotes = _QuoteList([q for q in quotes if q.level == 0])
    out: list[RawClaim] = []
    q_index = 0
    last_claim_para = -1
    for p_index, para in enumerate(paragraphs):
        para_quotes: list[Quote] = []
        while q_index < len(quotes) and quotes[q_index].content.start < para.end:
            if quotes[q_index].content.start >= para.start:
                para_quotes.append(quotes[q_index])
            q_index += 1
        title_case = _is_title_case(text, para)
        cues = find_cues(text, para.start, para.end, lexicon=ctx.lex, any_case=title_case)
        outer = _QuoteList([q for q in para_quotes if q.level == 0])
        known = sentences.get((para.start, para.end)) if sentences is not None else None
        para_sentences = known if known is not None else sentence_spans(text, para.start, para.end)
        if not title_case:
            cues = _with_opening_cues(ctx, cues, para_sentences)
        ctx.cache.load(para.start, para.end, para_sentences)
        ctx.para = _ParaIndex((), outer, para_sentences)
        # cues inside an outer quote belong to the quote, not to the article
        cues = [
            c
            for c in cues
            if not ctx.para.in_quote(c.span.start)
            and (not _is_infinitive_use(ctx, c) or _is_hearsay_passive(ctx, c))
            and not _is_noun_use(ctx, c)
            and (
                not _is_passive_use(ctx, c)
                or (c.lemma == "ask" and _ASKED_RE.match(ctx.text, c.span.end) is not None)
                or _is_hearsay_passive(ctx, c)
                or _PASSIVE_BY_RE.match(ctx.text, c.span.end) is not None
            )
        ]
        ctx.para = _ParaIndex(cues, outer, para_sentences)
        para_claims: list[RawClaim] = []
        previous = out[-1] if out and last_claim_para == p_index - 1 else None
        if para == headline or (p_index == 0 and _is_title_case(text, para)):
            _headline_colon(ctx, para, outer, para_claims)
        _direct_pass(ctx, para, outer, cues, para_sentences, para_claims, previous)
        if para != headline and not (p_index == 0 and _is_title_case(text, para)):
            _speaker_label(ctx, para, outer, para_claims)
        ctx.lead_in = None
        _reported_pass(ctx, para, outer, cues, para_sentences, para_claims)
        _evidence_openers(ctx, para_sentences, outer, para_claims)
        para_claims = _tidy(ctx, para_claims)
        _adopt_speakers(text, para_claims)
        ctx.lead_in = _colon_lead_in(ctx, para, cues, para_sentences, para_claims)
        if para_claims:
            out.extend(para_claims)
            last_claim_para = p_index
    return out


_MARKS_AND_BLANKS: Final = " \t\u00a0" + _QUOTE_CHARS


_NAME_WORD_RE: Final = regex.compile(r"\p{Lu}[\p{L}\p{M}'\u2019.-]*+")


def _is_proper_name(mention: Span | None) -> bool:
    """A mention that is a name: one to four capitalized words ("Mr Putin", "Hassan Haj
    Ali", "CNN"), no determiner, no coordination, no description."""
    if mention is None:
        return False
    words = mention.text.split()
    return (
        0 < len(words) <= 4
        and words[0].lower() not in DETERMINERS
        and words[0].lower() not in QUANTITY_SUBJECTS
        and words[0].lower() not in PRONOUNS
        and all(_NAME_WORD_RE.fullmatch(w) for w in words)
    )


def _adopt_speakers(text: str, claims: list[RawClaim]) -> None:
    """A quoted sentence with no cue of its own, right after the sentence of a quote
    and its cue, continues that statement: 'It matters because "most people don't
    know," she said. "We have no context."' (the first claim is found by pass 2)."""
    prior: RawClaim | None = None
    for r in claims:
        if (
            r.kind == "direct"
            and r.cue is None
            and r.mention is None
            and prior is not None
            and prior.sentence is not None
            and prior.sentence.end <= r.content.start
            and not text[prior.sentence.end : r.content.start].strip(_MARKS_AND_BLANKS)
        ):
            r.cue, r.mention, r.confidence = prior.cue, prior.mention, 0.8
        if r.kind in ("direct", "mixed") and r.cue is not None and r.mention is not None:
            prior = r
        elif r.kind != "direct" or r.cue is not None:
            prior = None


# A capitalized cue that opens a sentence: "Said Ellis: "…"", "Asked about it, he …".
_OPENING_CUE_RE: Final = re.compile(
    r"[\W]{0,3}(Said|Says|Added|Asked|Wrote|Stated|Noted|Continued|Explained|Replied"
    r"|Responded|Tweeted)\b"
)


def _with_opening_cues(ctx: _Context, cues: list[Cue], sentences: Sequence[Span]) -> list[Cue]:
    """``cues`` and the capitalized cues that open a sentence, in text order."""
    extra: list[Cue] = []
    for sent in sentences:
        m = _OPENING_CUE_RE.match(ctx.text, sent.start, sent.end)
        if m is not None:
            extra.extend(find_cues(ctx.text, m.start(1), m.end(1), lexicon=ctx.lex, any_case=True))
    if not extra:
        return cues
    known = {c.span.start for c in cues}
    merged = cues + [c for c in extra if c.span.start not in known]
    merged.sort(key=lambda c: c.span.start)
    return merged


# Sources of evidence that open a sentence: "In a CNN poll released Monday, …".
_EVIDENCE_HEADS: Final = frozenset(
    """poll polls survey surveys study studies analysis report census tally count
    projection projections forecast estimate data figures research""".split()
)
_IN_OPENER_RE: Final = re.compile(r"[\W]{0,3}In\s")


def _evidence_openers(
    ctx: _Context, sentences: Sequence[Span], outer: Sequence[Quote], out: list[RawClaim]
) -> None:
    """ "In the latest poll, Clinton leads by six points": the poll is the source of the
    clause after the comma."""
    text = ctx.text
    for sent in sentences:
        m = _IN_OPENER_RE.match(text, sent.start, sent.end)
        if m is None:
            continue
        toks = ctx.toks(m.end(), min(sent.end, m.end() + 200))
        comma = next((k for k, t in enumerate(toks[:16]) if t.text == ","), None)
        if comma is None or comma < 2 or comma + 3 >= len(toks):
            continue
        source = toks[:comma]
        if not any(t.low in _EVIDENCE_HEADS for t in source) or (
            source[0].low not in (DETERMINERS | {"the", "a", "an", "last", "recent", "new", "exit"})
            and not source[0].is_cap
            and source[0].low not in _EVIDENCE_HEADS
        ):
            continue
        end, via, _ = _content_end(ctx, toks, comma + 1, sent.end)
        s, e = _trim_content(text, toks[comma + 1].start, end)
        if len(text[s:e].split()) < 3:
            continue
        cue = Cue(
            span=Span.of(text, m.end() - 3, m.end() - 1),
            lemma="according to",
            stance="neutral",
            form="phrase",
        )
        kind, s, e = _finish_kind(outer, s, e)
        mention = Span.of(text, source[0].start, source[-1].end)
        out.append(
            RawClaim(
                Span.of(text, s, e), kind, cue, mention, via=via, sentence=sent, confidence=0.6
            )
        )


def _colon_lead_in(
    ctx: _Context,
    para: Span,
    cues: Sequence[Cue],
    sentences: Sequence[Span],
    claims: Sequence[RawClaim] = (),
) -> tuple[Cue, Span | None] | None:
    """The cue and speaker of a paragraph that ends with a colon ('Cruz continued:'),
    for the quoted paragraph that follows it; or of a claim that the colon ends ('As X
    observed, the winner was the stage itself:')."""
    text = ctx.text
    end = para.end
    while end > para.start and text[end - 1].isspace():
        end -= 1
    if end <= para.start or text[end - 1] != ":" or not sentences:
        return None
    last = sentences[-1]
    found = _cue_before_quote(ctx, cues, end, last.start)
    if found is None or found[0].span.start in ctx.used_cues:
        for r in reversed(claims):
            if (
                r.cue is not None
                and r.mention is not None
                and r.kind != "direct"
                and r.sentence == last
                and not text[r.content.end : end - 1].strip(_TRAILING)
            ):
                return r.cue, r.mention
        return None
    cue, mention = found
    if mention is None:
        mention = _sentence_start_np(ctx, text, last, cue.span.start)
    return (cue, mention) if mention is not None else None


# "to" + a verb after a cue: "continues to insist", "is said to be", "expected to".
_INFINITIVE_RE: Final = regex.compile(r"\s++to\s++(?P<word>\p{Ll}[\p{L}-]*+)")


# Cues that take an infinitive rather than a statement: "continues to insist",
# "declined to comment", "vowed to fight".
_INFINITIVE_TAKERS: Final = frozenset(
    """continue go want plan hope expect seem appear refuse decline agree promise threaten vow
    try need pledge intend fail begin start tend urge call ask order warn remind""".split()
)
# "is said to be", "was reported to have": a passive of hearsay, not a statement.
_PASSIVE_BEFORE_RE: Final = regex.compile(
    r"\b(?:is|are|was|were|be|been|being)\s++$", regex.IGNORECASE
)


def _is_infinitive_use(ctx: _Context, cue: Cue) -> bool:
    if cue.form == "phrase":
        return False
    m = _INFINITIVE_RE.match(ctx.text, cue.span.end, cue.span.end + 40)
    if m is None:
        return False
    word = m.group("word")
    if word in DETERMINERS or word in AUDIENCE or word in OBJECT_PRONOUNS:
        return False
    if cue.lemma in _INFINITIVE_TAKERS:
        return "infinitive" not in ctx.lex.frames(cue.lemma)
    return (
        _PASSIVE_BEFORE_RE.search(ctx.text, max(0, cue.span.start - 12), cue.span.start) is not None
    )


# Words after which a noun phrase is an object, not a subject.
_OBJECT_MAKERS: Final = frozenset(
    """of about on in to by against for from at into onto over under between among through
    toward towards amid despite like unlike than via per""".split()
)
# The word before a cue that makes the cue a noun: "the state Department", "secretary of
# state", "two states", "his claims". Possessives and articles; prepositions; numbers.
_PREV_WORD_RE: Final = re.compile(
    rf"([^\W\d_][\w'\u2019-]*(?:[{MARK_CHARS}]+[\w'\u2019-]*)*|\d[\d,.]*)\s+$"
)
_NOUN_MAKERS: Final = frozenset(
    "the a an this these those its his her their our my your whose every each no".split()
)
# Adjectives that make the next word a noun: "former state", "overall support".
_ADJECTIVES: Final = frozenset(
    """former overall new old strong broad public popular widespread growing increasing national
    local political economic financial military official personal total full further initial final
    federal regional international global annual strategic key major minor previous
    recent latest own joint common wide grassroots bipartisan partisan formal informal""".split()
)
_IRREGULAR_PAST: Final = frozenset(
    "said told wrote thought felt found showed saw knew spoke read taught heard swore".split()
)
_PLURAL_MAKERS: Final = frozenset(
    """two three four five six seven eight nine ten many several some both all most few other
    dozen dozens hundreds thousands""".split()
)
# A past-tense verb right after a cue in -s makes the cue a plural noun: "states held".
_NEXT_PAST_RE: Final = re.compile(
    r"\s+(?:held|made|took|gave|won|lost|voted|went|came|had|were|are|have|remain|remained)\b"
)
# Cues in -s that are also plural nouns: "states", "reports", "claims".
_WORDS_RE: Final = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# What follows "states" when it is the verb: "the report states that …", "states: "…"".
_STATES_VERB_RE: Final = re.compile(r"\s*+(?:that\b|:|,\s*+[\"\u201c]|[\"\u201c])")
_NOUN_LIKE_CUES: Final = frozenset("states reports claims charges notes comments remarks".split())


# A form of "be" (and adverbs) before a past participle: "is widely supported by".
_BE_BEFORE_RE: Final = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|not\s+|also\s+)*$", re.IGNORECASE
)
_THAT_OR_TO_AFTER_RE: Final = re.compile(r"\s*(?:that|to|as)\b|\s*[:,]\s*[\"\u201c]")


def _is_passive_use(ctx: _Context, cue: Cue) -> bool:
    """A passive without a reported clause: "a pipeline which is widely supported by
    Republicans". ("It was reported that …" keeps its clause and stays a cue.)"""
    if cue.form != "verb" or not cue.span.text.endswith(("ed", "wn", "en", "ld", "ought", "id")):
        return False
    text = ctx.text
    if not _BE_BEFORE_RE.search(text, max(0, cue.span.start - 40), cue.span.start):
        return False
    return _THAT_OR_TO_AFTER_RE.match(text, cue.span.end, cue.span.end + 12) is None


def _is_noun_use(ctx: _Context, cue: Cue) -> bool:
    """Whether a verb-form cue is used as a noun: "the state", "secretary of state"."""
    if cue.form != "verb":
        return False
    m = _PREV_WORD_RE.search(ctx.text, max(0, cue.span.start - 40), cue.span.start)
    if m is None:
        return False
    prev = m.group(1).lower()
    if cue.participle and prev in _OBJECT_MAKERS:
        return False  # a gerund: "by criticizing the fact-checkers"
    word = cue.span.text.lower()
    if word == "states" and _STATES_VERB_RE.match(ctx.text, cue.span.end) is None:
        return True  # "Rust Belt states underscored …", "in liberal states like New York"
    if word == "state" and (
        prev not in _BEFORE_BARE_VERB
        or ctx.text[max(0, cue.span.start - 14) : cue.span.start].lower().startswith("according")
    ):
        return True  # "state law", "state delegate", "according to state law'
    if prev == "to" and word.endswith(("s", "ed")):
        return True  # "answers to questions": no infinitive ends in -s or -ed
    past = word.endswith("ed") or word in _IRREGULAR_PAST
    if not past and (prev in _ADJECTIVES or ("-" in prev and prev[:1].isalpha())):
        return True  # "a former state party chairman", "the anti-Washington feeling"
    if (
        prev in _NOUN_MAKERS
        or (prev in _OBJECT_MAKERS and prev != "to")
        or (prev.endswith(("'s", "\u2019s")) and prev[:-2] not in _CONTRACTED_SUBJECTS)
    ):
        return True  # "his claims", "Russia's claims"; not "he's claiming"
    if word.endswith("s") and (prev in _PLURAL_MAKERS or prev[:1].isdigit()):
        return True
    if not past and not cue.participle:
        before = _WORDS_RE.findall(ctx.text, max(0, cue.span.start - 40), cue.span.start)
        if word.endswith("s") and len(before) >= 2 and before[-2].lower() in _POSSESSIVES:
            return True  # "his crude comments", "his cost estimates"
        k = len(before) - 2  # the word before a one-word modifier, or before a name
        while (
            k >= 0
            and before[k + 1][:1].isupper()
            and before[k][:1].isupper()
            and before[k].lower() not in ("a", "an")
        ):
            k -= 1
        if (
            not word.endswith("s")
            and k >= 0
            and before[k].lower() in ("a", "an")
            and before[-1] != "I"
        ):
            # "a controversial comment", "a New York Times report": after "a X" a verb
            # takes -s
            return True
    return word in _NOUN_LIKE_CUES and _NEXT_PAST_RE.match(ctx.text, cue.span.end) is not None


# Subjects whose "'s" is "is" or "has": "he's claiming", "it's said".
_CONTRACTED_SUBJECTS: Final = frozenset("he she it that there who what where here".split())
# Words before a bare verb form ("they state", "would state", "to state").
_BEFORE_BARE_VERB: Final = frozenset(
    """to i you we they not n't will would could can may might must should shall do did does
    also""".split()
)

_CONJUNCTIONS: Final = frozenset(
    "and but or that while as when after before because since although though if so yet where which who whom nor".split()
)


# Words that open a post-modifier of a subject: "officials familiar with the talks",
# "people who have seen it", "sources close to the family", "a spokesman for the army".
_POSTMOD_OPENERS: Final = frozenset(
    "who that familiar close privy briefed involved knowledgeable speaking with in at from for of".split()
)


# Words in -ly that are not adverbs: nouns, names, adjectives.
_NOT_ADVERBS: Final = frozenset(
    """family ally rally assembly italy july supply reply apply fly bully belly holy daily weekly
    monthly yearly early only likely unlikely elderly friendly lonely lovely ugly silly jolly
    oily hilly curly costly deadly orderly""".split()
)


def _is_adverb(tok: _Tok) -> bool:
    """A lower-case adverb in -ly between a subject and its cue: "effusively", "flatly"."""
    low = tok.low
    return (
        len(low) > 4 and low.endswith("ly") and tok.text[:1].islower() and low not in _NOT_ADVERBS
    )


_NOUN_SUFFIXES: Final = ("tion", "sion", "ment", "sal", "ort", "empt", "ness", "ity", "ance")


def _noun_before_to(toks: list[_Tok], m: int) -> bool:
    """Whether the "to" at ``m`` follows a noun ("a proposal to", "an effort to", "the
    plan to"), not a verb that takes an infinitive ("continues to", "plans to")."""
    if m < 1 or not toks[m - 1].is_word or toks[m - 1].is_cap:
        return False
    prev = toks[m - 1].low
    if prev in SKIP_BEFORE_CUE:
        return False
    return prev.endswith(_NOUN_SUFFIXES) or (m >= 2 and toks[m - 2].low in DETERMINERS)


def _skip_back(toks: list[_Tok], m: int) -> int:
    """Step left over what stands between a subject and its cue: auxiliaries, adverbs,
    and time phrases ("has also", "on Saturday", "in June", "last week")."""
    while m >= 0:
        low = toks[m].low
        if low == "to" and _noun_before_to(toks, m):
            break  # "a proposal to maintain a base": no subject of saying
        if (
            low in SKIP_BEFORE_CUE
            or low in WEEKDAYS
            or low in _TIME_NAMES
            or (toks[m].text[:1].isdigit() and len(toks[m].text) == 4)
            or _is_adverb(toks[m])
            or (
                low in TIME_WORDS
                and m + 1 < len(toks)
                and (
                    toks[m + 1].low in WEEKDAYS
                    or toks[m + 1].low in _TIME_NAMES
                    or toks[m + 1].low in _TIME_UNITS
                )
            )
        ):
            m -= 1
        elif low in ("there", "here", "long", "too") and m >= 1 and toks[m].text[:1].islower():
            m -= 1  # "Polls there show", "have long called for"
        elif (
            toks[m].text == ","
            and m >= 2
            and toks[m - 1].low in _LINKERS
            and toks[m - 2].text == ","
            and toks[m - 1].text[:1].islower()
        ):
            m -= 3  # "Proponents of the bill, however, say"
        elif (
            low in _TIME_UNITS
            and m >= 1
            and toks[m - 1].low in ("last", "this", "next", "earlier", "late", "early")
        ):
            m -= 2
        elif (
            low == "in"
            and m + 1 < len(toks)
            and (toks[m + 1].low in _TIME_NAMES or toks[m + 1].text[:1].isdigit())
        ):
            m -= 1
        else:
            break
    return m


def _postmodified_subject(ctx: _Context, toks: list[_Tok], m: int) -> tuple[int, int] | None:
    """A subject with a post-modifier ending at token ``m``: "A U.S. official familiar
    with the investigation", "Supporters who have heard from the campaign"."""
    if (
        not toks[m].is_word
        or toks[m].low in DETERMINERS
        or toks[m].low in _OBJECT_MAKERS
        or toks[m].low in _CONJUNCTIONS
    ):
        return None
    lo = max(0, m - 14)
    for h in range(m - 1, lo - 1, -1):
        t = toks[h]
        if not t.is_word and t.text not in ("'", "\u2019") and not t.text[:1].isdigit():
            return None
        opener = toks[h + 1].low if h + 1 <= m else ""
        if (
            h + 1 <= m
            and (
                opener in _POSTMOD_OPENERS
                # "records compiled by …", "polls released Sunday": a participle
                or (
                    opener.endswith("ed")
                    and (t.low.rstrip("s") in ctx.lex.documents or t.low in QUANTITY_SUBJECTS)
                )
            )
            and (
                ctx.is_head(t)
                or t.low in QUANTITY_SUBJECTS
                or (
                    opener in ("of", "who", "close", "familiar")
                    and _is_plural_noun(t, any_case=True)
                    and (h == 0 or _is_subject_boundary(toks[h - 1]))
                )  # "Proponents of the bill say", "Residents who fled said"
            )
        ):
            if not ctx.is_head(t) and t.low not in QUANTITY_SUBJECTS:
                return (h, m)
            head = _np_left(ctx, toks, h, allow_apposition=False)
            if head is None or (head[0] > 0 and not _is_subject_boundary(toks[head[0] - 1])):
                continue  # "records compiled by the Center for …": look further left
            return (head[0], m)
    return None


def _is_subject_boundary(tok: _Tok) -> bool:
    """Whether ``tok`` may stand right before a subject. Not when it is a preposition,
    a determiner or a past-tense verb: then the noun phrase is an object
    ("denied American claims that …": the noun "claims", not a verb)."""
    if not tok.is_word or tok.text[:1].isupper():
        return True
    low = tok.low
    if low in _CONJUNCTIONS or low in ("with", "without", "however", "then", "also"):
        return True
    if low in _OBJECT_MAKERS or low in DETERMINERS:
        return False
    return not (low.endswith("ed") and len(low) > 4)


def _tidy(ctx: _Context, claims: list[RawClaim]) -> list[RawClaim]:
    """Order a paragraph's claims; cut a content that runs into a later claim's source;
    drop an uncued quote that a mixed claim already holds. Linear after the sort: each
    claim looks at the few claims whose cue follows its own."""
    text = ctx.text
    claims.sort(key=lambda r: (r.content.start, -r.content.end))
    kept: list[RawClaim] = []
    reach = -1  # the furthest end of a non-direct content seen so far
    for r in claims:
        if r.cue is None and r.kind == "direct" and r.content.end <= reach:
            continue
        if r.kind != "direct":
            reach = max(reach, r.content.end)
        kept.append(r)
    kept.sort(key=lambda r: (r.content.start, r.content.end))
    # a reported clause that runs into a quote with a cue of its own stops before it:
    # 'Conway said he acted out of worry: "It is rattling," Conway told CNN.'
    quoted = [r for r in kept if r.kind == "direct" and r.cue is not None and r.mention is not None]
    quoted_starts = [r.content.start for r in quoted]
    for r in kept:
        if r.kind == "direct" or r.cue is None or r.parts or r.cue.form == "colon":
            continue
        k = bisect.bisect_right(quoted_starts, r.cue.span.end)
        if k < len(quoted) and quoted[k].content.start < r.content.end and quoted[k] is not r:
            d = quoted[k]
            cut = d.content.start - 1
            s, e = _trim_content(text, r.content.start, max(r.content.start, cut))
            while e > s and text[e - 1] in _QUOTE_CHARS + ":":
                e -= 1
            s, e = _trim_content(text, s, e)
            if e - s >= 8:
                r.content = Span.of(text, s, e)
                r.kind = _kind_of(ctx.quotes, s, e)
    cued = sorted(
        (r for r in kept if r.cue is not None), key=lambda r: r.cue.span.start if r.cue else 0
    )
    cue_starts = [r.cue.span.start for r in cued if r.cue is not None]
    for r in kept:
        if r.kind == "direct" or r.cue is None or r.parts or r.cue.form == "colon":
            continue
        k = bisect.bisect_right(cue_starts, r.cue.span.end)
        for o in cued[k : k + 3]:  # the nearest later claims are enough
            m = o.mention
            if o is r or m is None or o.cue is None or o.cue.span.start >= r.content.end:
                continue
            at = (
                m.start
                if m.start < o.cue.span.start and r.content.start < m.start
                else o.cue.span.start
            )
            if (
                r.cue.span.end <= at
                and r.content.start < at < r.content.end
                and _after_coordination(text, r.content.start, at)
                and not _after_fronted_adverbial(text, r.content.start, at)
            ):
                toks = ctx.toks(r.content.start, at)
                while (
                    toks
                    and (toks[-1].low in _CONJUNCTIONS or not toks[-1].is_word)
                    and toks[-1].text not in _QUOTE_CHARS
                ):
                    toks.pop()
                if toks and len(toks) >= 2:
                    s, e = _trim_content(text, r.content.start, toks[-1].end)
                    r.content = Span.of(text, s, e)
                    if r.kind == "mixed":
                        r.kind = _kind_of(ctx.quotes, s, e)
                break
    return _without_nested_attitudes(kept)


# Verbs of attitude, not of speech: inside another claim's content they are part of what
# that source said ('Rubio said he would not support X'), not a claim of their own.
_ATTITUDE_LEMMAS: Final = frozenset(
    """support oppose endorse back want plan expect hope believe think feel know see intend
    prefer favor favour like love hate fear worry praise criticize criticise condemn blame
    defend call describe""".split()
)


def _without_nested_attitudes(claims: list[RawClaim]) -> list[RawClaim]:
    """Drop attitude claims whose cue lies inside another claim's content (sorted spans
    and a running maximum of their ends: O(n log n))."""
    spans = sorted(
        (r.content.start, r.content.end)
        for r in claims
        if r.cue is not None and r.cue.lemma not in _ATTITUDE_LEMMAS
    )
    if not spans:
        return claims
    starts = [a for a, _ in spans]
    reach: list[int] = []
    top = -1
    for _, b in spans:
        top = max(top, b)
        reach.append(top)
    out: list[RawClaim] = []
    for r in claims:
        if r.cue is not None and r.cue.lemma in _ATTITUDE_LEMMAS:
            k = bisect.bisect_right(starts, r.cue.span.start)
            if k > 0 and reach[k - 1] > r.cue.span.start:
                continue
        out.append(r)
    return out


# The end of a stretch that coordinates a new clause: ", and", "but", ";".
_COORDINATION_END_RE: Final = re.compile(r"(?:[,;]|\b(?:and|but|while|whereas))\s*$", re.IGNORECASE)


# Words that open a fronted adverbial clause: 'says despite being an alumna, she plans …'.
_FRONTED_RE: Final = re.compile(
    r"(?:despite|although|though|if|unless|because|since|once|when|whenever|after|before|"
    r"until|as|given|with|without|even\s+(?:if|though|as))\s[^,;:.!?\n]{1,160},\s*$",
    re.IGNORECASE,
)


def _after_fronted_adverbial(text: str, start: int, at: int) -> bool:
    """Whether ``text[start:at]`` is one fronted adverbial clause and its comma: the
    source at ``at`` then opens the main clause of the content, not a new sentence."""
    return at - start <= 200 and _FRONTED_RE.match(text, start, at) is not None


def _after_coordination(text: str, start: int, at: int) -> bool:
    """Whether ``text[start:at]`` ends with a coordination: ", and", "but", ";"."""
    return _COORDINATION_END_RE.search(text, max(start, at - 12), at) is not None


def _headline_colon(ctx: _Context, para: Span, outer: Sequence[Quote], out: list[RawClaim]) -> None:
    """A headline ``Source: claim`` ("Russian Defense Ministry: Strikes will go on")."""
    text = ctx.text
    colon = text.find(":", para.start, min(para.end, para.start + 80))
    if colon < 0:
        return
    toks = ctx.toks(para.start, colon)
    topic = next((k for k, t in enumerate(toks) if t.low in ("on", "at", "to") and k > 0), None)
    if topic is not None and len(toks) <= 14:
        toks = toks[:topic]  # "Gillibrand on Clinton's speeches: …", "Mukasey at RNC: …"
    if not toks or len(toks) > 6:
        return
    np = _np_left(ctx, toks, len(toks) - 1, allow_apposition=False)
    if np is None or np[0] != 0:
        return
    names = [t for t in toks if t.is_cap]
    has_head = any(ctx.is_head(t) for t in toks)
    lone_name = len(toks) == 1 and toks[0].is_cap and toks[0].text not in load_table("places.tsv")
    if not has_head and not lone_name and (not 2 <= len(names) <= 3 or toks[0].low in DETERMINERS):
        return  # "The Ninth Circle: …" is a column's name, "Syria: …" a place
    s, e = _trim_content(text, colon + 1, para.end)
    if len(text[s:e].split()) < 3:
        return
    cue = Cue(span=Span.of(text, colon, colon + 1), lemma="say", stance="neutral", form="colon")
    content, kind = _colon_content(ctx, outer, s, e)
    out.append(RawClaim(content, kind, cue, _span(text, toks, *np), sentence=para, confidence=0.6))


def _colon_content(ctx: _Context, outer: Sequence[Quote], s: int, e: int) -> tuple[Span, str]:
    """What follows a speaker's colon: the quote's inside when one quote is all of it
    (direct), else the stretch (indirect or mixed)."""
    text = ctx.text
    for q in outer:
        if q.open == s and q.close is not None and q.end >= e:
            return q.content, "direct"
    return Span.of(text, s, e), _kind_of(outer, s, e)


# Labels before a colon that name no speaker: "Update:", "Photo:", "Read more:".
_NOT_SPEAKER_LABELS: Final = frozenset(
    """update updated note editor editors photo photos related read watch source sources video
    image images transcript abstract correction corrections disclosure q a full text partial
    credit caption captions listen more also see advertisement sponsored warning live breaking
    exclusive opinion analysis background the""".split()
)


def _speaker_label(ctx: _Context, para: Span, outer: Sequence[Quote], out: list[RawClaim]) -> None:
    """A transcript line ``NAME: what they said`` ("JAKE TAPPER: Why not debate?",
    "Matthews: Well, speculation is bad."): the name is the speaker, the rest of the
    paragraph the content."""
    text = ctx.text
    lo = para.start
    while lo < para.end and text[lo] in ' \t"\u201c':
        lo += 1
    colon = text.find(":", lo, min(para.end, lo + 40))
    if colon < 0:
        return
    toks = ctx.toks(lo, colon)
    if not 1 <= len(toks) <= 5 or any(t.low in _NOT_SPEAKER_LABELS for t in toks):
        return
    if not all(t.is_cap or t.text == "." or ctx.is_honorific(t) for t in toks):
        return
    places = load_table("places.tsv")
    if len(toks) == 1 and (
        toks[0].text in places
        or toks[0].text.title() in places
        or toks[0].low in ctx.lex.furniture_words
    ):
        return  # "WASHINGTON: …" is a dateline
    s, e = _trim_content(text, colon + 1, para.end)
    if len(text[s:e].split()) < 2 or text[s:e].startswith("//"):
        return
    cue = Cue(span=Span.of(text, colon, colon + 1), lemma="say", stance="neutral", form="colon")
    mention = Span.of(text, toks[0].start, toks[-1].end)
    # an uncued quote inside the line is the same statement
    out[:] = [r for r in out if not (r.cue is None and s <= r.content.start < e)]
    content, kind = _colon_content(ctx, outer, s, e)
    out.append(RawClaim(content, kind, cue, mention, sentence=para, confidence=0.6))


_LONG_WORD_RE: Final = regex.compile(r"\p{L}{4,}+")


def _is_title_case(text: str, para: Span) -> bool:
    """Whether a short paragraph is a headline in Title Case ("Putin Says It Will Go On")."""
    if len(para) > 200:
        return False
    words = [m.group() for m in _LONG_WORD_RE.finditer(text, para.start, para.end)]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 8


def _sentence_of(ctx: _Context, offset: int) -> Span | None:
    return ctx.para.sentence_of(offset)


def _direct_pass(
    ctx: _Context,
    para: Span,
    outer: Sequence[Quote],
    cues: Sequence[Cue],
    sentences: Sequence[Span],
    out: list[RawClaim],
    previous: RawClaim | None,
) -> None:
    text = ctx.text
    consumed: set[int] = set()
    for qi, q in enumerate(outer):
        if qi in consumed:
            continue
        if not q.content.text.strip():
            continue
        sent = _sentence_of(ctx, q.open) or para
        # (only the last stretch before the quote is read: a longer lead has words)
        lead = text[max(sent.start, q.open - 300) : q.open] if q.open - sent.start <= 300 else "x"
        # a quote opens its sentence, or follows a colon ('… was acting out of worry: "…"')
        opens_sentence = (
            not any(ch.isalnum() for ch in lead)
            or lead.rstrip().endswith((":", " -", "\u2014", "\u2013", "--"))
            # a fronted phrase: 'Because of her lack of support, "she needs him," X said'
            or (
                lead.rstrip().endswith(",")
                and len(lead.split()) <= 12
                and ctx.para.count_between(max(sent.start, q.open - 300) - 1, q.open) == 0
            )
            or (lead.rstrip().endswith((".", "!", "?")) and not lead.rstrip().endswith(" Mr."))
        )
        after = _cue_after_quote(ctx, cues, q, para) if opens_sentence else None
        if (
            after is not None
            and lead.rstrip().endswith(":")
            and ctx.para.cue_before(q.open) is not None
            and _ends_sentence(q)
            and after[0].span.start - q.end > 1
            and text[q.end : after[0].span.start].strip()[:1].isupper()
        ):
            # 'Clinton responded: "What difference does it make?" Her critics cited it':
            # the colon's cue, not a verb of the next sentence
            after = None
        if after is not None and after[0].span.start not in ctx.used_cues:
            cue, mention, attr_end = after
            parts = [q.content]
            # interrupted: "…," X said, "…"
            rest = text[attr_end : min(para.end, attr_end + 4)]
            if (
                qi + 1 < len(outer)
                and rest.lstrip(" ,:\u00a0").startswith(text[outer[qi + 1].open])
                and outer[qi + 1].open - attr_end <= 3
            ):
                nxt = outer[qi + 1]
                parts.append(nxt.content)
                consumed.add(qi + 1)
            else:
                # '"A," he said. "B."': one statement around its cue (short quoted titles
                # in the attribution, such as a show's name, are stepped over)
                nq = qi + 1
                while (
                    nq < len(outer)
                    and outer[nq].open - attr_end <= 300
                    and _is_short_title(outer[nq].content.text)
                    and not _SENTENCE_GAP_END_RE.search(text, attr_end, outer[nq].open)
                ):
                    nq += 1
                if nq < len(outer) and _continues_after_cue(ctx, cues, outer[nq], attr_end, para):
                    parts.append(outer[nq].content)
                    consumed.update(range(qi + 1, nq + 1))
            ctx.used_cues.add(cue.span.start)
            content = _quote_content(text, parts)
            out.append(
                RawClaim(
                    content=content,
                    kind="direct",
                    cue=cue,
                    mention=mention,
                    parts=tuple(parts) if len(parts) > 1 else (),
                    sentence=sent,
                    confidence=0.95,
                )
            )
            _channel_via_after(ctx, out[-1], cue, para)
            continue
        ctx.pending_channel = None
        before = _cue_before_quote(ctx, cues, q.open, sent.start)
        if before is not None and before[0].span.start not in ctx.used_cues:
            cue, mention = before
            if mention is None:
                # '…," Haaland said, before adding: "…"' / '… and said, "…"': the speaker
                # of the sentence
                if out and out[-1].sentence == sent:
                    mention = out[-1].mention
                else:
                    mention = _sentence_start_np(ctx, text, sent, cue.span.start)
                if mention is None:
                    before_cue = ctx.toks(sent.start, cue.span.start)
                    if before_cue and before_cue[-1].low in ("and", "but", "then"):
                        mention = _clause_subject(ctx, before_cue, len(before_cue) - 1)
            channel = ctx.pending_channel
            ctx.used_cues.add(cue.span.start)
            # only with a comma after the cue: not 'Boos rose, a man yelled "Stay there!"'
            lead_part = (
                _parenthetical_lead(ctx, sent, mention)
                if "," in text[cue.span.end : q.open]
                else None
            )
            if lead_part is not None and q.close is not None:
                # 'An economic downturn, he said, "could be a good time to borrow."': one
                # statement around its cue, part reported and part quoted
                s1, e1 = lead_part
                out.append(
                    RawClaim(
                        Span.of(text, s1, q.end),
                        "mixed",
                        cue,
                        mention,
                        channel=channel,
                        parts=(Span.of(text, s1, e1), Span.of(text, q.open, q.end)),
                        sentence=sent,
                        confidence=0.85,
                    )
                )
                continue
            # 'Assad said "the coalition …" and …': content that runs on after the quote is mixed
            runs_on = (
                q.close is not None
                and _RUNS_ON_RE.match(text, q.end, q.end + 8) is not None
                # 'He said "No." Then he left.': a new sentence, not a longer clause
                and not (_ends_sentence(q) and text[q.end : q.end + 8].strip()[:1].isupper())
            )
            if runs_on:
                # the quote opens a longer clause: 'Peskov said "too early" to say'
                rtoks = ctx.toks(q.open, min(sent.end, q.open + _MAX_WINDOW * 4))
                end, via, _ = _content_end(ctx, rtoks, 0, sent.end)
                s, e = _trim_content(text, q.open, end)
                kind, s, e = _finish_kind(outer, s, e)
                out.append(
                    RawClaim(
                        Span.of(text, s, e),
                        kind,
                        cue,
                        mention,
                        channel=channel,
                        via=via,
                        sentence=sent,
                        confidence=0.85,
                    )
                )
            else:
                out.append(
                    RawClaim(
                        q.content,
                        "direct",
                        cue,
                        mention,
                        channel=channel,
                        sentence=sent,
                        confidence=0.95,
                    )
                )
            continue
        # a quote with no cue of its own: does it stand as a sentence?
        lead = "x" if q.open - sent.start > 300 else text[sent.start : q.open].strip(" \t\u00a0")
        if lead:
            continue  # a quoted fragment inside a sentence: maybe mixed (pass 2), maybe a scare quote
        if ctx.lead_in is not None and qi == 0 and not text[para.start : q.open].strip():
            # 'He said:' closing the paragraph before: this quoted paragraph is what he said
            cue, mention = ctx.lead_in
            ctx.lead_in = None
            out.append(RawClaim(q.content, "direct", cue, mention, sentence=sent, confidence=0.85))
            continue
        words = len(q.content.text.split())
        if words < 3:
            continue
        source = out[-1] if out else previous
        if source is not None and (
            source.kind in ("direct", "mixed")
            or (source.kind == "indirect" and _is_proper_name(source.mention))
        ):
            # a quote continues a quote; after reported speech only a named speaker
            # ("Mr Putin denied the reports. / "…""): a bare quote after "The coach
            # said …" or "Most of the candidates say …" is as often someone else's
            out.append(
                RawClaim(
                    q.content,
                    "direct",
                    source.cue if out and source is out[-1] else None,
                    source.mention,
                    sentence=sent,
                    confidence=0.8,
                )
            )
        elif words >= 5:
            out.append(RawClaim(q.content, "direct", None, None, sentence=sent, confidence=0.5))


_TITLE_SMALL_WORDS: Final = frozenset("a an the of and or in on at to for with from by".split())


def _is_short_title(content: str) -> bool:
    """A quoted name in an attribution: up to three words, or a title-cased name of up
    to ten ("The Late Show With Stephen Colbert")."""
    words = content.split()
    if len(words) <= 3:
        return True
    return len(words) <= 10 and all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words
    )


def _ends_sentence(q: Quote) -> bool:
    """Whether a quote's inside ends with a sentence end ("…?", "…!", "….")."""
    return q.content.text.rstrip().endswith((".", "?", "!", "\u2026"))


# The rest of an attribution sentence before the next quote: "he said during the debate. "
_ATTRIBUTION_TAIL_RE: Final = regex.compile(
    r"[^\n]{0,300}?[.!?:,][\"'\u201d\u2019]?\s*+$"  # '… on "This Week." "B."'
)


def _continues_after_cue(
    ctx: _Context, cues: Sequence[Cue], nxt: Quote, attr_end: int, para: Span
) -> bool:
    """Whether quote ``nxt`` continues a statement whose cue ends at ``attr_end``:
    only a sentence end stands between them, and ``nxt`` has no cue of its own."""
    text = ctx.text
    if nxt.open - attr_end > 300 or not _ATTRIBUTION_TAIL_RE.match(text, attr_end, nxt.open):
        return False
    for c in ctx.para.cues_between(attr_end, nxt.open):
        if _is_aside_cue(text, c) or _SUBORDINATE_RE.search(text, attr_end, c.span.start):
            continue
        if c.participle and _WORD_RE.search(text, c.span.end, nxt.open):
            continue  # '"A," X said, noting that Y. "B."': the noting is an aside
        return False  # '"A," he said, adding, "B."': B is a claim of its own
    if nxt.close is None:
        return True
    return _cue_after_quote(ctx, cues, nxt, para) is None


# A relative or subordinate clause in an attribution: its cues are the reporter's aside
# ('"A," said X, who served as secretary yet endorsed Y. "B."').
_SUBORDINATE_RE: Final = re.compile(
    r"\b(?:who|whom|whose|which|when|where|while|whereas|as|after|before|because|since|if)\b"
)
_WORD_RE: Final = re.compile(r"[^\W\d_]{2,}")
# Participles that start a new statement of the same speaker: '…, adding, "…"'.
_NEW_STATEMENT: Final = frozenset(
    "adding saying noting continuing insisting stressing explaining arguing".split()
)
_RELATIVE_BEFORE_RE: Final = re.compile(
    r"\b(?:who|which|that)\s+(?:\w+ly\s+|also\s+|has\s+|had\s+)?$", re.IGNORECASE
)


def _is_aside_cue(text: str, cue: Cue) -> bool:
    """A cue inside the reporter's aside between two quotes of one speaker: a relative
    clause ("…, who noted that …") or a participle ("referring to …")."""
    if cue.participle:
        return cue.span.text.lower() not in _NEW_STATEMENT
    if _TO_BEFORE_RE.search(text, max(0, cue.span.start - 6), cue.span.start):
        return True  # "… after braving the cold to see the senator …"
    return _RELATIVE_BEFORE_RE.search(text, max(0, cue.span.start - 30), cue.span.start) is not None


_TO_BEFORE_RE: Final = re.compile(r"\bto\s+$")


# The end of a gap that closes a sentence: the next quote starts a new one.
_SENTENCE_GAP_END_RE: Final = re.compile(r"[.!?]\s*$")
# A quote followed at once by more words: 'said it was "too early" to say'.
_RUNS_ON_RE: Final = regex.compile(r"[ \t\u00a0]*+[\p{L}\p{N}(]")


def _parenthetical_lead(ctx: _Context, sent: Span, mention: Span | None) -> tuple[int, int] | None:
    """The reported words before ``"…," X said,`` when the subject stands after a comma
    in mid-sentence: "An economic downturn, he said, …" -> "An economic downturn"."""
    if mention is None or mention.start <= sent.start:
        return None
    text = ctx.text
    before = text[sent.start : mention.start].rstrip()
    if not before.endswith(","):
        return None
    s, e = _trim_content(text, sent.start, sent.start + len(before) - 1)
    words = text[s:e].split()
    if len(words) < 2 or any(ch in text[s:e] for ch in _QUOTE_CHARS):
        return None
    first = words[0].lower().strip("\"'\u201c\u2018")
    lead_toks = ctx.toks(s, min(e, s + 40))
    if lead_toks and _is_leading_adverbial(lead_toks[0]):
        return None  # "Appearing before supporters, Suu Kyi said …": no reported words
    if first in STOP_CAPS or first in _OBJECT_MAKERS or first in _CONJUNCTIONS:
        return None  # "In Paris, the ambassador said, …": an adverbial, not a reported clause
    return s, e


def _quote_content(text: str, parts: Sequence[Span]) -> Span:
    return Span.of(text, parts[0].start, parts[-1].end)


def _channel_via_after(ctx: _Context, claim: RawClaim, cue: Cue, para: Span) -> None:
    """Fill channel ("told Europe 1 radio") and via (", according to X") after a cue."""
    text = ctx.text
    end = para.end
    toks = ctx.toks(cue.span.end, min(end, cue.span.end + 200))
    i = 0
    if cue.lemma == "tell" and toks:
        np = _np_right(ctx, toks, 0, audience=True)
        if np is not None:
            claim.channel = _span(text, toks, *np)
            i = np[1] + 1
    if claim.mention is not None and claim.mention.start > cue.span.start:
        i = next((k for k, t in enumerate(toks) if t.start >= claim.mention.end), len(toks))
    if (
        i + 3 < len(toks)
        and toks[i].text == ","
        and toks[i + 1].low == "according"
        and toks[i + 2].low == "to"
    ):
        np = _np_right(ctx, toks, i + 3)
        if np is not None:
            claim.via = _span(text, toks, *np)
            ctx.used_cues.add(toks[i + 1].start)
    if claim.channel is None:
        j = i
        if j < len(toks) and toks[j].low in ("in", "on", "during", "via") and j + 1 < len(toks):
            k = j + 1
            while k < len(toks) and k - j <= 5 and toks[k].is_word:
                if toks[k].low in CHANNEL_HEADS:
                    claim.channel = _span(text, toks, j + 1, k)
                    break
                k += 1


def _reported_pass(
    ctx: _Context,
    para: Span,
    outer: Sequence[Quote],
    cues: Sequence[Cue],
    sentences: Sequence[Span],
    out: list[RawClaim],
) -> None:
    direct_quotes = [r for r in out if r.kind == "direct"]
    for cue in cues:
        if cue.span.start in ctx.used_cues:
            continue
        sent = _sentence_of(ctx, cue.span.start)
        if sent is None:
            continue
        claim = _reported(ctx, cue, sent, outer, out)
        if claim is None:
            continue
        # a content that is exactly one direct quote already found: skip
        if claim.kind == "direct" and any(
            claim.content.start <= d.content.start and d.content.end <= claim.content.end
            for d in direct_quotes[-8:]
        ):
            continue
        ctx.used_cues.add(cue.span.start)
        out.append(claim)


def _reported(
    ctx: _Context, cue: Cue, sent: Span, outer: Sequence[Quote], done: Sequence[RawClaim]
) -> RawClaim | None:
    text = ctx.text
    left = ctx.toks(max(sent.start, cue.span.start - _MAX_WINDOW), cue.span.start)
    right = ctx.toks(cue.span.end, min(sent.end, cue.span.end + _MAX_WINDOW * 4))
    if cue.lemma == "according to":
        return _according_to(ctx, cue, sent, left, right, outer)
    if cue.lemma in _APPEARANCE:
        return _appearance(ctx, cue, sent, left, right, outer)
    if _is_hearsay_passive(ctx, cue):
        # "Roof is accused of killing nine people", "a move that is reported to have …"
        return _whole_clause(ctx, cue, sent, left, right, outer, 0)
    if (
        cue.lemma == "ask"
        and cue.span.text.lower() == "asked"
        and (
            _ASKED_BEFORE_RE.search(text, max(sent.start, cue.span.start - 12), cue.span.start)
            or not text[sent.start : cue.span.start].strip(_MARKS_AND_BLANKS)
        )
    ):
        return _asked_question(ctx, cue, sent, right, outer)
    if cue.form == "noun":
        return _nominal(ctx, cue, sent, left, right, outer)
    if _PASSIVE_BY_RE.match(text, cue.span.end) is not None and _before_be(left) is not None:
        return _passive_by(ctx, cue, sent, left, right, outer)
    # subject on the left
    m = _skip_back(left, len(left) - 1)
    mention_np = _np_left(ctx, left, m) if m >= 0 else None
    if m >= 0 and (
        mention_np is None
        or (mention_np[0] > 0 and not _is_subject_boundary(left[mention_np[0] - 1]))
    ):
        mention_np = _postmodified_subject(ctx, left, m) or mention_np
    if cue.participle:
        if cue.lemma in _EVIDENCE_VERBS:
            return None  # "finding themselves alienated"
        return _participle(ctx, cue, sent, left, right, outer, done, mention_np)
    if cue.lemma == "read" and (
        mention_np is None or not _has_document_head(ctx, left, mention_np)
    ):
        return None
    if mention_np is None and m >= 0 and left[m].low in ("and", "but"):
        # a coordinated cue sharing its subject: "X insisted that … and denied …"
        earlier = [
            r
            for r in done[-8:]
            if r.sentence == sent and r.cue is not None and r.cue.span.end <= left[m].start
        ]
        if earlier and earlier[-1].mention is not None:
            return _forward(ctx, cue, sent, right, outer, earlier[-1].mention)
        subject = _sentence_start_np(ctx, text, sent, left[m].start) or _clause_subject(
            ctx, left, m
        )
        if subject is not None:
            return _forward(ctx, cue, sent, right, outer, subject)
    if mention_np is None:
        # inverted: "…, said X." / "…, reports AFP."
        if (m >= 0 and left[m].text in (",",)) or (m >= 0 and left[m].text in _QUOTE_CHARS):
            np = _np_right(ctx, right, 0)
            if np is None:
                return None
            after_np = right[np[1] + 1 :]
            if any(t.is_word for t in after_np[:1]) and after_np[0].low not in ("on", "in", "at"):
                return None
            content_end = left[m].start if left[m].text == "," else left[m].end
            s, e = _trim_content(text, _clause_floor(text, sent, cue), content_end)
            if e - s < 8:
                return None
            return RawClaim(
                Span.of(text, s, e),
                _kind_of(outer, s, e),
                cue,
                _span(text, right, *np),
                sentence=sent,
                confidence=0.8,
            )
        return None
    a, b = mention_np
    if (
        a > 0
        and left[a - 1].low == "as"
        and (a == 1 or left[a - 2].text in (",", ";") or left[a - 2].low in ("and", "but"))
        and (cue.lemma in BARE_CLAUSE or "clause" in ctx.lex.frames(cue.lemma))
    ):
        found = _as_reported(ctx, cue, sent, left, right, outer, _span(text, left, a, b), a - 1)
        if found is not None:
            return found  # else a causal "as": "…, as several told POLITICO they were …"
    if a > 0 and left[a - 1].low in ("what", "who", "whom", "which") and cue.lemma in _WHAT_NAMING:
        return _what_named(ctx, cue, sent, right, outer, _span(text, left, a, b))
    relative_subject = a == b and left[a].low in ("who", "which")
    if a > 0 and not relative_subject and not _is_subject_boundary(left[a - 1]):
        return None  # "denied American claims that": the noun "claims", not a verb
    if a >= 2 and left[a - 1].low == "as" and left[a - 2].low.endswith("ed"):
        return None  # "who served as secretary yet endorsed …": a predicate, not a subject
    mention: Span | None = _span(text, left, a, b)
    if (
        a == b
        and left[a].low == "it"
        and cue.span.text.endswith("ed")
        and any(t.low in ("was", "is", "were", "are", "been", "be") for t in left[b + 1 :])
    ):
        mention = None  # "It was reported that …": a passive with a dummy subject
    before_subject = [
        t for t in left[:a] if t.is_word or t.text in (",", ":", ";") or t.text in _QUOTE_CHARS
    ]
    # post-position or parenthetical: "…, Pushkov noted." / "The offensive, he said, had …"
    relative = a == b and left[a].low in ("who", "which", "that")
    if (
        before_subject
        and a >= 1
        and not relative  # "…, said the woman, who spoke on condition …"
        and (left[a - 1].text == "," or left[a - 1].text in _QUOTE_CHARS)
    ):
        comma = left[a - 1]
        after_cue, channel = _skip_adverbials(ctx, right, 0, cue.lemma)
        trailing = right[after_cue:]
        tail_pp = _trailing_phrase(ctx, trailing)
        if tail_pp is None and cue.lemma in BARE_CLAUSE and _trailing_clause(ctx, trailing):
            trailing = []  # "…, he said after meeting Trump aides."
        if tail_pp is not None:
            # "…, the ministry said in Moscow." / "…, she said in an interview."
            trailing = []
            if channel is None and any(t.low in CHANNEL_HEADS for t in tail_pp):
                channel = Span.of(text, tail_pp[0].start, tail_pp[-1].end)
        elif (
            len(trailing) >= 2
            and trailing[0].text == ","
            and trailing[1].text.endswith("ing")
            and lemma_of(trailing[1].text, lexicon=ctx.lex) is not None
        ):
            trailing = []  # "…, the ministry said, adding that …": the adding is a claim of its own
        if not any(t.is_word for t in trailing):
            s, e = _trim_content(
                text,
                _clause_floor(text, sent, cue),
                comma.start if comma.text == "," else comma.end,
            )
            if e - s < 8 or _is_adjunct_only(text[s:e]):
                return None  # "Friday on CNN, she spoke.": a time or place, not a statement
            return RawClaim(
                Span.of(text, s, e),
                _kind_of(outer, s, e),
                cue,
                mention,
                channel=channel,
                sentence=sent,
                confidence=0.8,
            )
        if trailing and trailing[0].text == "," and comma.text == ",":
            s1, e1 = _trim_content(text, _clause_floor(text, sent, cue), comma.start)
            s2, e2 = _trim_content(text, trailing[0].end, sent.end)
            if e1 - s1 >= 3 and e2 - s2 >= 8:
                return RawClaim(
                    Span.of(text, s1, e2),
                    _kind_of(outer, s1, e2),
                    cue,
                    mention,
                    parts=(Span.of(text, s1, e1), Span.of(text, s2, e2)),
                    channel=channel,
                    sentence=sent,
                    confidence=0.75,
                )
    if cue.lemma in _EVIDENCE_VERBS and not (
        _has_document_head(ctx, left, (a, b))
        or any(t.low in _JUDGING_BODIES for t in left[a : b + 1])
        or (right and right[0].low == "that")
    ):
        return None  # "he found the keys": evidence verbs need "that" or a study, a court
    return _forward(ctx, cue, sent, right, outer, mention)


# A passive's agent after the cue: "was endorsed by dozens of papers".
_PASSIVE_BY_RE: Final = re.compile(r"[ \t\u00a0]+(?:[a-z]+ly[ \t\u00a0]+)?by[ \t\u00a0]+\S")
_BE_WORDS: Final = frozenset("is are was were be been being".split())


def _before_be(left: list[_Tok]) -> int | None:
    """The index of the last token before the auxiliaries and adverbs that end ``left``
    when a form of "be" is among them ("The plan [was quietly] rejected"), else None."""
    m = len(left) - 1
    saw_be = False
    while m >= 0 and (left[m].low in SKIP_BEFORE_CUE or _is_adverb(left[m])):
        saw_be = saw_be or left[m].low in _BE_WORDS
        m -= 1
    return m if saw_be else None


def _passive_by(
    ctx: _Context, cue: Cue, sent: Span, left: list[_Tok], right: list[_Tok], outer: Sequence[Quote]
) -> RawClaim | None:
    """A passive with its agent: "Sanders was supported by most young voters" (the
    source is the agent, the content what the verb takes: the subject)."""
    text = ctx.text
    k = 0
    while k < len(right) and right[k].low != "by":
        k += 1
    np = _np_right(ctx, right, k + 1)
    if np is None:
        # "by overwhelming majorities of both men and women": up to a comma, ten words
        j = k + 1
        while (
            j < len(right)
            and j - k <= 10
            and (right[j].is_word or right[j].text == "-")
            and right[j].low not in ("to", "that", "who", "which")
        ):
            j += 1
        if j == k + 1 or j - k > 10 or right[k + 1].low.endswith("ing"):
            return None
        np = (k + 1, j - 1)
    m = _before_be(left)
    if m is None or m < 0:
        return None
    if left[m].low in ("which", "who", "that") and m >= 2 and left[m - 1].text == ",":
        m -= 2  # "the pipeline, which is widely supported by Republicans,"
    subject = _np_left(ctx, left, m, allow_apposition=False)
    if subject is None or (subject[0] > 0 and not _is_subject_boundary(left[subject[0] - 1])):
        return None
    a, b = subject
    if a == b and left[a].low in PRONOUNS:
        return None  # "it was reported by …": no content to show
    s, e = left[a].start, left[b].end
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(
        Span.of(text, s, e),
        kind,
        cue,
        _span(text, right, *np),
        sentence=sent,
        confidence=0.6,
    )


# Verbs of evidence: a clause without "that" only after a document or a body ("the survey
# found Clinton leading", "the panel found the US in breach").
_EVIDENCE_VERBS: Final = frozenset({"find"})
_JUDGING_BODIES: Final = frozenset(
    "court courts panel tribunal jury commission committee inquiry judge judges regulator".split()
)


def _as_reported(
    ctx: _Context,
    cue: Cue,
    sent: Span,
    left: list[_Tok],
    right: list[_Tok],
    outer: Sequence[Quote],
    mention: Span,
    as_index: int,
) -> RawClaim | None:
    """ "As BuzzFeed first reported, Mr. Trump …" (the clause after the comma) and
    "…, as Breitbart reported a few days later." (the clause before "as")."""
    text = ctx.text
    i, channel = _skip_adverbials(ctx, right, 0, cue.lemma)
    while i < len(right) and right[i].is_word and right[i].low in _AS_TAIL_WORDS:
        i += 1  # "a few days later", "earlier"
    # "As X reported, …", also after a short opener: "Of course, as X observed, …"
    leading = as_index == 0 or (
        left[0].start - sent.start <= 3
        and sum(t.is_word for t in left[:as_index]) <= 3
        and (left[as_index - 1].text == "," or left[as_index - 1].low in ("and", "but"))
    )
    if leading and i + 1 < len(right) and right[i].text == ",":
        end, via, _ = _content_end(ctx, right, i + 1, sent.end)
        s, e = _trim_content(text, right[i + 1].start, end)
    elif not leading and (
        not any(t.is_word for t in right[i:]) or _trailing_phrase(ctx, right[i:]) is not None
    ):  # "…, as X noted." / "…, as X noted in The Intercept."
        if channel is None and right[i:]:
            tail_pp = _trailing_phrase(ctx, right[i:])
            if tail_pp is not None and any(t.low in CHANNEL_HEADS for t in tail_pp):
                channel = Span.of(text, tail_pp[0].start, tail_pp[-1].end)
        s, e = _trim_content(text, _clause_floor(text, sent, cue), left[as_index - 1].start)
        via = None
    else:
        return None
    if e - s < 8:
        return None
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(
        Span.of(text, s, e),
        kind,
        cue,
        mention,
        channel=channel,
        via=via,
        sentence=sent,
        confidence=0.75,
    )


_AS_TAIL_WORDS: Final = frozenset(
    "a an few several days weeks months later earlier first previously recently".split()
)


# Passives of hearsay: "is accused of", "is said to", "was reported to", "is known as".
_HEARSAY: Final = frozenset(
    "accuse allege believe expect report know say think consider suspect rumor rumour".split()
)
_HEARSAY_AFTER_RE: Final = re.compile(r"\s+(?:to\s+[a-z]|of\s|for\s|as\s)")


def _is_hearsay_passive(ctx: _Context, cue: Cue) -> bool:
    """A passive of a hearsay verb with its complement: "is accused of", "is said to be"."""
    if cue.form != "verb" or cue.lemma not in _HEARSAY or cue.participle:
        return False
    text = ctx.text
    if not _BE_BEFORE_RE.search(text, max(0, cue.span.start - 40), cue.span.start):
        return False
    return _HEARSAY_AFTER_RE.match(text, cue.span.end, cue.span.end + 12) is not None


# "X appears to …", "X seemed uneasy": an assessment with no source of its own.
_APPEARANCE: Final = frozenset({"appear", "seem"})
_APPEARANCE_COMPLEMENTS: Final = frozenset(
    """likely unlikely certain uncertain poised ready eager reluctant willing unwilling uneasy
    unaware aware intent determined confident sure unsure keen open resigned concerned
    content happy unhappy frustrated angry worried""".split()
)
_DEGREE_WORDS: Final = frozenset("somewhat most more less very quite rather so too".split())
_CLAUSE_OPENERS: Final = frozenset(
    "that because while but although though if whereas since so".split()
)


def _appearance(
    ctx: _Context,
    cue: Cue,
    sent: Span,
    left: list[_Tok],
    right: list[_Tok],
    outer: Sequence[Quote],
) -> RawClaim | None:
    """ "Twitter appears to be heavily used by ISIS": the whole clause, with no speaker
    (the reporter's hedged assessment). Not "appeared on television", and not "appears
    to say" (the saying is the claim)."""
    i = 0
    while i < len(right) and (_is_adverb(right[i]) or right[i].low in _DEGREE_WORDS):
        i += 1
    if i >= len(right):
        return None
    first = right[i]
    if first.low == "to":
        if i + 1 >= len(right) or not right[i + 1].is_word or right[i + 1].is_cap:
            return None
        if right[i + 1].start in ctx.para.by_start or right[i + 1].low in DETERMINERS:
            return None  # "appears to say …": the inner cue makes the claim
    elif first.low not in _APPEARANCE_COMPLEMENTS:
        return None
    return _whole_clause(ctx, cue, sent, left, right, outer, i)


def _whole_clause(
    ctx: _Context,
    cue: Cue,
    sent: Span,
    left: list[_Tok],
    right: list[_Tok],
    outer: Sequence[Quote],
    i: int,
) -> RawClaim | None:
    """The clause around a cue with no source, from its subject to its end."""
    text = ctx.text
    m = _skip_back(left, len(left) - 1)
    if m < 0 or not left[m].is_word:
        return None
    lo = 0
    if left[m].low in ("that", "which", "who") and m >= 1:
        # "a move that is reported to …": from the noun the relative clause hangs on
        np = _np_left(ctx, left, m - 1, allow_apposition=False)
        if np is not None:
            m = lo = np[0]
    for k in range(m, lo - 1, -1):
        t = left[k]
        if t.text in (",", ";", ":", "(", "\u2014", "\u2013", "--") or (
            t.low in _CLAUSE_OPENERS and k < m
        ):
            lo = k + 1
            break
    if lo > m:
        return None
    end, via, _ = _content_end(ctx, right, i, sent.end)
    s, e = _trim_content(text, left[lo].start, end)
    if e - s < 8:
        return None
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(Span.of(text, s, e), kind, cue, None, via=via, sentence=sent, confidence=0.4)


# Verbs of "what X called Y": the name Y is X's.
_WHAT_NAMING: Final = frozenset(
    "call describe term dub label brand characterize characterise".split()
)


def _what_named(
    ctx: _Context, cue: Cue, sent: Span, right: list[_Tok], outer: Sequence[Quote], mention: Span
) -> RawClaim | None:
    """ "in what Putin called a pre-emptive strike": the name, said by the subject."""
    i = 1 if right and right[0].low == "as" else 0
    if i >= len(right) or not (right[i].is_word or right[i].text in _QUOTE_CHARS):
        return None
    text = ctx.text
    end = _object_end(right, i, sent.end)
    for k in range(i + 1, len(right)):
        t = right[k]
        if end is not None and t.start >= end:
            break
        if t.text == "," and k >= 2 and right[k - 2].low in DETERMINERS:
            continue  # "the angry, divisive rhetoric"
        if t.text in (",", ";", ":", "(", "\u2014", "\u2013", "--"):
            end = t.start
            break
    s, e = _trim_content(text, right[i].start, sent.end if end is None else end)
    if e - s < 3:
        return None
    e = _through_open_quote(ctx, s, e)
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(Span.of(text, s, e), kind, cue, mention, sentence=sent, confidence=0.75)


_MAX_CONTENT: Final = _MAX_WINDOW * 4  # the longest reported clause read, in characters
_MAX_NESTED_CUES: Final = 6  # a content with this many cues inside stops before the first


def _before_nested(ctx: _Context, s: int, e: int) -> int:
    """The end of content ``[s, e)`` cut before its first nested attribution (the cue and
    the subject before it)."""
    first = ctx.para.first_after(s)
    if first is None or first.span.start >= e:
        return e
    toks = ctx.toks(max(s, first.span.start - _MAX_WINDOW), first.span.start)
    m = _skip_back(toks, len(toks) - 1)
    np = _np_left(ctx, toks, m) if m >= 0 else None
    cut = toks[np[0]].start if np is not None else first.span.start
    return _trim_content(ctx.text, s, max(s, cut))[1]


def _clause_floor(text: str, sent: Span, cue: Cue) -> int:
    """Where a clause before its cue may start: the sentence start, or at most
    ``_MAX_CONTENT`` characters back (at a word start), so that contents stay bounded."""
    lo = cue.span.start - _MAX_CONTENT
    if lo <= sent.start:
        return sent.start
    space = text.find(" ", lo, cue.span.start)
    return lo if space < 0 else space + 1


_TRAILING_OPENERS: Final = frozenset("after before while when as during following since".split())


def _trailing_clause(ctx: _Context, toks: list[_Tok]) -> bool:
    """A short temporal clause that ends a sentence after a post-position cue:
    "…, he said after meeting Trump aides.", "…, she said as she left." (no "that")."""
    if toks and toks[0].text == ",":
        toks = toks[1:]  # "…, they said Friday, as they bristled at the questions."
        if not toks or (
            toks[0].low not in _TRAILING_OPENERS and toks[0].low not in ("because", "although")
        ):
            return False
    elif (
        len(toks) > 1
        and toks[0].low in ("in", "by", "while", "on")
        and toks[1].low.endswith("ing")
        and toks[1].low not in _TIME_UNITS
    ):
        pass  # "…, Raddatz said in posing the question to Christie."
    elif not toks or toks[0].low not in _TRAILING_OPENERS:
        return False
    words = [t for t in toks if t.is_word]
    if len(words) > 14 or any(t.low == "that" for t in words):
        return False
    return all(t.is_word or t.text in (".", ",", "!", "?") or t.text[:1].isdigit() for t in toks)


# "was asked whether …", "when asked about …", "Asked by a reporter if …": the question.
_ASKED_RE: Final = re.compile(r"\s+(?:by\s|whether\b|if\b|what\b|how\b|why\b|who\b|about\b)")
_ASKED_BEFORE_RE: Final = re.compile(
    r"(?:\b(?:was|were|is|are|been|being|be|when|after|once|if)\s+|^\W*|,\s*)$", re.IGNORECASE
)
_QUESTION_OPENERS: Final = frozenset("whether if what how why who when where about".split())


def _asked_question(
    ctx: _Context, cue: Cue, sent: Span, right: list[_Tok], outer: Sequence[Quote]
) -> RawClaim | None:
    """A question put to someone: "was asked whether …", "Asked by a reporter if …".
    The content is the question; the source is the asker after "by", if named."""
    text = ctx.text
    i = 0
    mention: Span | None = None
    if right and right[0].low == "by":
        np = _np_right(ctx, right, 1, audience=True)
        if np is None:
            return None
        mention = _span(text, right, *np)
        i = np[1] + 1
    if i >= len(right) or not (
        right[i].low in _QUESTION_OPENERS
        or (
            right[i].low == "to"
            and cue.span.text == "Asked"
            and i + 1 < len(right)
            and right[i + 1].text[:1].islower()
        )
    ):
        return None  # "asked whether …", "Asked about …", "Asked to describe the device, …"
    if right[i].low == "about":
        i += 1
    if i >= len(right):
        return None
    end, via, k = _content_end(ctx, right, i, sent.end)
    # the question ends where the answer begins: "Asked about X, he said …"
    for t in right[i:k]:
        if t.text == "," and _ANSWER_RE.match(text, t.end) is not None:
            end = t.start
            break
    s, e = _trim_content(text, right[i].start, end)
    if e - s < 3:
        return None
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(Span.of(text, s, e), kind, cue, mention, via=via, sentence=sent, confidence=0.6)


_ANSWER_RE: Final = re.compile(
    r"\s*(?:he|she|they|it|we|I|[A-Z0-9][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+[a-z]"
)


_ADJUNCT_START_RE: Final = re.compile(
    r"(?:on|in|at|during|after|before|last|this|early|late|earlier|later|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|yesterday|today)\b",
    re.IGNORECASE,
)


def _is_adjunct_only(content: str) -> bool:
    """A short stretch that is only a time or place phrase ("Friday on CNN")."""
    return len(content.split()) <= 3 and _ADJUNCT_START_RE.match(content) is not None


def _trailing_phrase(ctx: _Context, toks: list[_Tok]) -> list[_Tok] | None:
    """The words of a short phrase that ends the sentence after a cue: "in Moscow",
    "in an interview", "on Twitter" (a preposition, up to six words, then the end)."""
    if not toks or (toks[0].low not in PREPOSITIONS and toks[0].low not in ("of", "about")):
        return None  # "…, he said of Sanders."
    if (
        toks[0].low == "to"
        and len(toks) > 1
        and toks[1].is_word
        and not toks[1].is_cap
        and toks[1].low not in DETERMINERS
    ):
        return None  # "…, voters want to limit immigration": an infinitive, not a place
    words = [t for t in toks if t.is_word or t.text[:1].isdigit()]
    rest = [t for t in toks if not (t.is_word or t.text[:1].isdigit())]
    if len(words) > 7 or any(t.text not in (".", "!", "?", "'", "\u2019") for t in rest):
        return None
    if any(
        t.low in _CONJUNCTIONS or t.low == "that" or lemma_of(t.text, lexicon=ctx.lex)
        for t in words[1:]
    ):
        return None
    return [t for t in toks[1:] if t.is_word or t.text[:1].isdigit()] or None


def _forward(
    ctx: _Context,
    cue: Cue,
    sent: Span,
    right: list[_Tok],
    outer: Sequence[Quote],
    mention: Span | None,
    *,
    start: tuple[int, bool, Span | None] | None = None,
    min_clause_words: int = 3,
    confidence: float | None = None,
) -> RawClaim | None:
    """Content after the cue, by the frames the verb takes (lexicon): a clause
    ("X said (that) …", "X told Reuters …"), an object ("X denied the claims"), or an
    infinitive ("X vowed to fight on")."""
    if start is None:
        start = _content_start(ctx, cue, right)
    if start is None:
        return None
    i, has_that, channel = start
    text = ctx.text
    # "X said …, according to Y": Y passed X's words on (via); after a verb that is not
    # one of saying ("declined to renew the offer, according to an executive") Y is the
    # source of the whole clause, a claim of its own
    end, via, _ = _content_end(
        ctx, right, i, sent.end, via_ok=cue.lemma in BARE_CLAUSE or cue.form == "phrase"
    )
    s, e = _trim_content(text, right[i].start, end)
    if e - s < 3:
        return None
    if right[i].low == "to" and len(text[s:e].split()) <= 2:
        return None  # "declined to comment": no statement
    topic = i > 0 and (
        (right[i - 1].low in ("about", "of") and cue.lemma in _TOPIC_VERBS)
        or (right[i - 1].low == "to" and cue.lemma in _TO_TOPIC_VERBS)
    )
    takes_object = "object" in ctx.lex.frames(cue.lemma) or topic
    if (
        not has_that
        and right[i].low != "to"
        and len(text[s:e].split()) < (1 if takes_object else min_clause_words)
    ):
        return None
    if takes_object and not has_that and right[i].low != "to" and (topic or _OBJECT_ONLY(ctx, cue)):
        # "praised Miami since the debate", "criticized the plan, which …": the object is a
        # noun phrase; a comma or a subordinate clause ends it
        cut = _object_end(right, i, e)
        if cut is not None:
            s, e = _trim_content(text, s, cut)
    elif takes_object and not has_that and right[i].low != "to":
        # "denied the charges and counter-accused her": a clause-or-object verb whose
        # content is a short noun phrase followed by the subject's next predicate
        cut = _predicate_after_object(right, i, e)
        if cut is not None:
            s, e = _trim_content(text, s, cut)
    if takes_object and not has_that:
        # "rejected that allegation on Tuesday": the day dates the rejection, not the object
        m_time = _TRAILING_TIME_RE.search(text, s, e)
        if m_time is not None and m_time.start() > s:
            s, e = _trim_content(text, s, m_time.start())
    if ctx.para.count_between(s, e) >= _MAX_NESTED_CUES:
        # a clause holding several attributions of its own ("He said he said he said …")
        # stops before the first: no content holds a chain of others (bounded output)
        e = _before_nested(ctx, s, e)
        if e - s < 3:
            return None
    e = _through_open_quote(ctx, s, e)
    kind, s, e = _finish_kind(outer, s, e)
    conf = confidence or (0.85 if has_that or cue.lemma in ("say", "tell", "claim") else 0.7)
    return RawClaim(
        Span.of(text, s, e),
        kind,
        cue,
        mention,
        channel=channel,
        via=via,
        sentence=sent,
        confidence=conf,
    )


def _OBJECT_ONLY(ctx: _Context, cue: Cue) -> bool:  # noqa: N802
    return "clause" not in ctx.lex.frames(cue.lemma)


# Words that end an object noun phrase: a subordinate clause or a time adjunct.
_OBJECT_ENDERS: Final = frozenset(
    """when after before since following although though because while until whereas""".split()
)


def _object_end(toks: list[_Tok], i: int, end: int) -> int | None:
    """Where an object noun phrase starting at token ``i`` ends, before ``end``."""
    relative = gerund = False
    for j in range(i + 1, len(toks)):
        t = toks[j]
        if t.start >= end:
            return None
        if t.low in ("of", "for") and j + 1 < len(toks) and toks[j + 1].low.endswith("ing"):
            gerund = True  # "accusing her of being asleep when …": a clause goes on
        if (t.low in _OBJECT_ENDERS and not gerund) or (
            t.text in (",", ";")
            and j + 1 < len(toks)
            and toks[j + 1].low in ("which", "who")
            and not _complement_after_relative(toks, j + 1, end)
        ):
            return t.start
        if t.text == ";":
            return t.start  # "endorsed her; last month, the campaign …"
        if t.text == "," and j + 1 < len(toks) and j > i:
            nx = toks[j + 1]
            if (
                nx.low in ("and", "but")
                and j + 2 < len(toks)
                and (toks[j + 2].low in DETERMINERS or toks[j + 2].low in PRONOUNS)
            ) or (
                _is_verb_like(nx)
                or nx.low in ("said", "says", "as", "according")
                or (
                    nx.low.endswith("ing")
                    and nx.text[:1].islower()
                    and len(nx.low) > 5
                    and nx.low not in _ING_PREPOSITIONS
                )
            ):
                # "endorsed him, and the bad blood …"; "Obama, who endorsed Clinton on
                # Thursday, is making …": the clause goes on after the object
                return t.start
        if t.low in ("that", "which", "who"):
            relative = True  # "strikes that did not target IS and resulted in …"
        if (
            t.low in ("and", "but")
            and not relative
            and j + 1 < len(toks)
            and j > i + 1
            and _is_verb_like(toks[j + 1])
        ):
            # "denied the charges and counter-accused her": the subject's next predicate
            return toks[j - 1].end if toks[j - 1].text != "," else toks[j - 1].start
    return None


def _complement_after_relative(toks: list[_Tok], k: int, end: int) -> bool:
    """Whether the relative clause at token ``k`` is closed by a comma and followed by the
    verb's complement: "accused the audience, which is selected by the party, of …"."""
    for j in range(k + 1, min(len(toks), k + 25)):
        if toks[j].start >= end:
            return False
        if toks[j].text == ",":
            return j + 1 < len(toks) and toks[j + 1].low in ("of", "as", "for", "to")
    return False


def _predicate_after_object(toks: list[_Tok], i: int, end: int) -> int | None:
    """The end of a noun-phrase object of up to five words that "and" + a verb in -ed
    follows, or None (then the content may be a clause: "denied the jets hit a school")."""
    for j in range(i + 1, min(len(toks), i + 7)):
        t = toks[j]
        if t.start >= end or not (t.is_word or t.text in ("'", "\u2019")):
            return None
        if t.low == "and" and j + 1 < len(toks) and _is_verb_like(toks[j + 1]):
            return toks[j - 1].end
        if _is_verb_like(t):
            return None  # a verb inside: a clause
    return None


def _is_verb_like(t: _Tok) -> bool:
    """A word that starts a predicate: an auxiliary or a verb in -ed (not -ing: "accused
    Russia of killing civilians and attacking rebels" coordinates gerunds)."""
    low = t.low
    if not t.is_word or t.is_cap:
        return False
    if low in _AUXILIARIES:
        return True
    return len(low) > 4 and low.endswith("ed") and low not in _NOT_VERBS


_AUXILIARIES: Final = frozenset(
    """has have had is was were are will would could can may might must should did does do
    seemed seems""".split()
)
_NOT_VERBS: Final = frozenset("something nothing anything everything thing during".split())


_WH_WORDS: Final = frozenset("what when where why how who whom whose which whether if".split())
# A time phrase that ends an object content: "on Tuesday", "last week", "yesterday".
_TRAILING_TIME_RE: Final = re.compile(
    r"\s(?:(?:on|early|late|last|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
    r"|\s(?:yesterday|today|last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))$"
)
# Words that cannot open a reported clause or object without "that".
_NOT_CONTENT_START: Final = frozenset(
    """by of for about with in on at from as so and or but if whether what how why when where who
    which than into over after before during while because since until to""".split()
)


# Verbs that name or label: "called the plan "a disaster"", "called for a ceasefire",
# "called on Congress to act", "branded him a liar".
_NAMING: Final = frozenset({"call", "brand", "label", "dub", "term"})


def _naming_start(right: list[_Tok]) -> tuple[int, bool, Span | None] | None:
    """Where the content of a naming verb starts, or None when it names nothing."""
    if not right:
        return None
    first = right[0]
    if (
        first.low in ("for", "on", "upon", "out")
        and len(right) > 1
        and (right[1].is_word or right[1].text[:1].isdigit())
    ):
        return 1, False, None  # "called for a ceasefire", "called on Congress", "called out X"
    if not (first.is_word or first.text in _QUOTE_CHARS) or first.low in _NOT_CONTENT_START:
        return None
    if (
        first.low in ("him", "her", "them", "it", "us", "me")
        and len(right) > 1
        and right[1].is_word
        and right[1].low not in _NOT_CONTENT_START
        and right[1].low not in _CONJUNCTIONS
        and (first.low != "it" or right[1].low in ("a", "an") or right[1].text in _QUOTE_CHARS)
    ):
        return 0, False, None  # "calling them rapists", "called it a mistake"
    coordinated = False  # after "and", only a quote names: 'called both X and Y "crazy"'
    for k in range(1, min(len(right), 12)):
        t = right[k]
        if t.text in _QUOTE_CHARS or (
            not coordinated and (t.low in ("a", "an") or (k >= 2 and t.low in _POSSESSIVES))
        ):
            return 0, False, None  # "called the plan "a disaster"", "called her son her hero"
        if (
            t.low == "and"
            and not coordinated
            and k + 1 < len(right)
            and (right[k + 1].is_cap or right[k + 1].low in DETERMINERS)
        ):
            coordinated = True
            continue
        if t.text in (",", ";", ".") or t.low in _CONJUNCTIONS:
            return None
    return None


_POSSESSIVES: Final = frozenset("his her their its our my your".split())
# Verbs whose topic follows "about" (or "of"): "spoke about the attacks", "talked about X".
_TOPIC_VERBS: Final = frozenset("speak talk write comment complain joke boast testify muse".split())
_OF_TOPIC_VERBS: Final = frozenset({"speak", "talk", "boast", "write"})
_TO_TOPIC_VERBS: Final = frozenset({"refer", "allude"})
# Words in -ing that are prepositions: ", including …" goes on with the object.
_ING_PREPOSITIONS: Final = frozenset(
    "including according following regarding concerning excluding involving".split()
)
# Particles that make a phrasal verb of a cue: "backed away", "backing them up".
_PARTICLES: Final = frozenset("away off out up down into".split())
_PHRASAL_LEMMAS: Final = frozenset({"back"})
# Verbs of regarding, with a content "X as Y": "sees immigrants as a burden".
_AS_VERBS: Final = frozenset({"see", "view", "regard", "portray", "depict", "characterize"})
_NOT_AFTER_AS: Final = frozenset("well much many long soon far if though of to".split())


def _content_start(
    ctx: _Context, cue: Cue, right: list[_Tok]
) -> tuple[int, bool, Span | None] | None:
    """Where the content after a cue starts: (token index, "that" seen, channel)."""
    frames = ctx.lex.frames(cue.lemma) if cue.form != "phrase" else frozenset({"clause"})
    if cue.lemma in _NAMING:
        k = 0
        while k < len(right) and (right[k].low in WEEKDAYS or right[k].low in _ADVERBS_AFTER_CUE):
            k += 1  # "called Wednesday for …"
        found = _naming_start(right[k:])
        return None if found is None else (found[0] + k, found[1], found[2])
    if cue.lemma in _PHRASAL_LEMMAS and (
        (right and right[0].low in _PARTICLES)
        or (len(right) > 1 and right[0].low in OBJECT_PRONOUNS and right[1].low in _PARTICLES)
    ):
        return None  # "backed away from the deal", "backing them up"
    if cue.lemma in _AS_VERBS:
        # "sees Mr. Netanyahu as captured by …", "see immigrants as a burden": a belief
        # about someone; without "as" these verbs report nothing ("saw the senator")
        k = 0
        while k < len(right) and right[k].low in _ADVERBS_AFTER_CUE:
            k += 1
        if k < len(right) and right[k].low not in _NOT_CONTENT_START:
            for j in range(k + 1, min(len(right) - 1, k + 14)):
                t = right[j]
                if t.low == "as":
                    if right[j + 1].is_word and right[j + 1].low not in _NOT_AFTER_AS:
                        return k, False, None
                    break  # "to see the progress as well as the shortcomings"
                if t.text == "." and (
                    right[j - 1].low in _ABBREV_TITLES or len(right[j - 1].text) == 1
                ):
                    continue  # "Mr. Netanyahu", "U.S."
                if t.text in (",", ";", ".", ":") or t.low in ("that", "and", "but", "to"):
                    break
        if cue.lemma != "see":
            return None
    if (cue.lemma in _AUDIENCE_VERBS or cue.lemma == "tell") and _audience_then_to(ctx, right):
        return 0, False, None  # "told residents not to drink the water": whom, and what
    i, channel = _skip_adverbials(ctx, right, 0, cue.lemma)
    n = len(right)
    if i >= n:
        return None
    tok = right[i]
    if tok.low == "to" and "infinitive" in frames:
        nxt = right[i + 2] if i + 2 < n and right[i + 1].text in _QUOTE_CHARS else None
        if (
            i + 1 < n
            and right[i + 1].is_word
            and right[i + 1].text[:1].islower()
            and right[i + 1].low not in DETERMINERS
        ) or (nxt is not None and nxt.is_word and nxt.text[:1].islower()):
            return i, False, channel  # "vowed to fight on", 'wanted to "go an extra step"'
        return None
    if tok.low == "that":
        if "object" in frames and sum(t.is_word for t in right[i + 1 :]) <= 4:
            return i, False, channel  # "rejected that allegation": a determiner, not a clause
        if "clause" in frames and i + 2 < n and right[i + 1].text == ",":
            return i + 2, True, channel  # "argue that, while the tax …, workers …"
        if "clause" in frames and i + 1 < n:
            return i + 1, True, channel
        return None
    if tok.text == ":" or (tok.text == "," and i + 1 < n and right[i + 1].text in _QUOTE_CHARS):
        return None  # a direct quote follows: pass 1's business
    if not tok.is_word and tok.text not in _QUOTE_CHARS and not tok.text[:1].isdigit():
        return None
    if (
        tok.low in ("about", "of")
        and cue.lemma in _TOPIC_VERBS
        and i + 1 < n
        and (right[i + 1].is_word or right[i + 1].text[:1].isdigit())
        and right[i + 1].low not in _NOT_CONTENT_START
        and (tok.low == "about" or cue.lemma in _OF_TOPIC_VERBS)
    ):
        return i + 1, False, channel  # "spoke about the attacks", "spoke of a recent visit"
    if cue.lemma in _TO_TOPIC_VERBS:
        if _BE_BEFORE_RE.search(ctx.text, max(0, cue.span.start - 40), cue.span.start):
            return None  # "the case was referred to a judge"
        if tok.low == "to" and i + 1 < n and right[i + 1].low not in _NOT_CONTENT_START:
            return i + 1, False, channel  # "referred to immigrants as "rapists""
        return None
    if tok.low in _WH_WORDS and "clause" in frames:
        return i, False, channel  # "did not say who made the apology"
    if tok.low == "what" and "object" in frames:
        return i, False, channel  # "criticized what she called …"
    if tok.low in _NOT_CONTENT_START and not (
        tok.low == "at" and i + 1 < n and right[i + 1].low in ("least", "most")
    ):
        return None  # but "reported at least six planes …" is a clause
    if "clause" in frames and cue.lemma in BARE_CLAUSE:
        return i, False, channel
    if "object" in frames:
        return i, False, channel
    return None


def _participle(
    ctx: _Context,
    cue: Cue,
    sent: Span,
    left: list[_Tok],
    right: list[_Tok],
    outer: Sequence[Quote],
    done: Sequence[RawClaim],
    mention_np: tuple[int, int] | None,
) -> RawClaim | None:
    """``…, adding that …`` / ``with some activists claiming …`` / ``, stating that …``."""
    text = ctx.text
    start = _content_start(ctx, cue, right)
    if start is None:
        return None
    i, has_that, channel = start
    mention: Span | None = None
    if left and (
        left[-1].text in (",", *_QUOTE_CHARS)
        or left[-1].low in ("and", "but", "by", "while", "when", "after", "before", "without")
    ):
        same_sentence = [
            r
            for r in done[-8:]
            if r.cue is not None
            and r.cue.form in ("verb", "phrase", "colon")
            and r.sentence is not None
            and r.sentence.start == sent.start
            and r.cue.span.end <= cue.span.start
        ]
        if same_sentence:
            mention = same_sentence[-1].mention
        else:
            mention = _sentence_start_np(ctx, text, sent, cue.span.start)
    elif mention_np is not None:
        mention = _span(text, left, *mention_np)
        a = mention_np[0]
        if a > 0 and not _is_subject_boundary(left[a - 1]):
            # "X issued a statement saying …": the statement is the channel, X the source;
            # "X sent a letter to Senate leaders opposing …": an object is no source
            subject = _sentence_start_np(ctx, text, sent, left[a].start)
            if subject is not None and subject.end <= left[a].start:
                if _has_document_head(ctx, left, mention_np):
                    channel = mention
                mention = subject
    if mention is None:
        return None
    return _forward(
        ctx,
        cue,
        sent,
        right,
        outer,
        mention,
        start=(i, has_that, channel),
        min_clause_words=2,
        confidence=0.7,
    )


def _nominal(
    ctx: _Context, cue: Cue, sent: Span, left: list[_Tok], right: list[_Tok], outer: Sequence[Quote]
) -> RawClaim | None:
    """``reports that …``, ``the allegation by X that …``, ``American claims that …``.

    The source is the "by" phrase, else a name or possessive right before the noun,
    else unknown (``speaker`` None): "amid reports that …" has no source.
    """
    text = ctx.text
    mention: Span | None = None
    i = 0
    if right and right[0].low == "by":
        k = 1
        while k < len(right) and right[k].low != "that" and k < 20:
            k += 1
        if k >= len(right) or k == 1:
            return None
        mention = Span.of(text, right[1].start, right[k - 1].end)
        i = k
    if i >= len(right) or right[i].low != "that" or i + 1 >= len(right):
        return None
    i += 1
    if mention is None and left:
        # "Mr. Putin's first public admission that …": over up to two modifiers to the
        # possessive or the name before the noun
        p = len(left) - 1
        while (
            p > 0
            and len(left) - 1 - p < 2
            and left[p].is_word
            and not left[p].is_cap
            and left[p].low not in DETERMINERS
            and left[p].low not in _OBJECT_MAKERS
            and not _is_possessive(left[p])
            and not left[p].low.endswith("ed")
            and lemma_of(left[p].text, lexicon=ctx.lex) is None
        ):
            p -= 1  # not over a verb: "Mr Putin denied reports that …"
        prev = left[p]
        possessive = _is_possessive(prev)
        if prev.low in ("his", "her", "their", "its"):
            mention = Span.of(text, prev.start, prev.end)
        elif (prev.is_cap and prev.low not in STOP_CAPS) or possessive:
            np = _np_left(ctx, left, p, allow_apposition=False)
            if np is None and possessive:
                a = p
                while (
                    a > 0
                    and p - a < 4
                    and left[a - 1].is_word
                    and left[a - 1].low not in _OBJECT_MAKERS
                ):
                    a -= 1
                    if left[a].low in DETERMINERS:
                        break
                np = (a, p)
            if np is not None:
                mention = _span(text, left, *np)
    end, via, _ = _content_end(ctx, right, i, sent.end)
    s, e = _trim_content(text, right[i].start, end)
    if len(text[s:e].split()) < 3:
        return None
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(Span.of(text, s, e), kind, cue, mention, via=via, sentence=sent, confidence=0.6)


def _according_to(
    ctx: _Context, cue: Cue, sent: Span, left: list[_Tok], right: list[_Tok], outer: Sequence[Quote]
) -> RawClaim | None:
    """``According to X, …`` / ``…, according to X.`` / ``…, according to X, …``.

    The source is the phrase after "according to" up to the next comma, dash or
    the sentence end; the content is what the sentence says around it.
    """
    text = ctx.text
    k = 0
    while (
        k < len(right)
        and right[k].text not in (",", ";", "\u2014", "\u2013", "--", ")", ":")
        and k < 25
    ):
        k += 1
    src = [t for t in right[:k] if t.text not in (".", "!", "?") or t is not right[k - 1]]
    while src and not src[-1].is_word:
        src.pop()
    if not src or not (src[0].is_word):
        return None
    np = _np_right(ctx, right, 0)
    if np is None and not (
        src[0].low in DETERMINERS
        or src[0].is_cap
        or src[0].low in OBJECT_PRONOUNS
        or (len(src) >= 2 and src[0].low not in _NOT_SOURCES)
        or _is_plural_noun(src[0])
    ):
        return None  # "according to plan"
    mention = Span.of(text, src[0].start, src[-1].end)
    before_words = [t for t in left if t.is_word]
    pieces: list[tuple[int, int]] = []
    if before_words:
        lo = sent.start
        for t in left:
            if t.text in (":", ";"):
                lo = t.end  # "At the same time, …: London was …, according to X"
        s1, e1 = _trim_content(text, lo, cue.span.start)
        if e1 - s1 >= 3:
            pieces.append((s1, e1))
    rest = right[k + 1 :] if k < len(right) else []
    left_words = sum(t.is_word for t in left if t.start >= (pieces[0][0] if pieces else 0))
    if sum(t.is_word for t in rest) >= 3 and (not pieces or left_words < _MAX_SUBJECT_WORDS):
        end, _, _ = _content_end(ctx, right, k + 1, sent.end)
        s2, e2 = _trim_content(text, right[k].end, end)
        if e2 - s2 >= 8:
            pieces.append((s2, e2))
    if not pieces:
        return None
    s, e = pieces[0][0], pieces[-1][1]
    if e - s < 8:
        return None
    parts = tuple(Span.of(text, a, b) for a, b in pieces) if len(pieces) > 1 else ()
    kind, s, e = _finish_kind(outer, s, e)
    return RawClaim(
        Span.of(text, s, e), kind, cue, mention, parts=parts, sentence=sent, confidence=0.8
    )


# Words after "according to" that name no source: "according to plan".
_NOT_SOURCES: Final = frozenset("plan plans schedule script protocol tradition form".split())
# A stretch before "according to X," that is only a subject: the clause goes on after X.
_MAX_SUBJECT_WORDS: Final = 6


def _through_open_quote(ctx: _Context, s: int, e: int) -> int:
    """Extend a content that ends inside a quote it opened to that quote's end: the
    quote runs over a sentence break ('Cruz added that he was "the only one. I'll …"')."""
    inside = ctx.para.quotes_within(s, e)
    if inside and inside[-1].close is not None and inside[-1].end > e:
        return inside[-1].end
    return e


def _finish_kind(outer: Sequence[Quote], s: int, e: int) -> tuple[str, int, int]:
    """The kind of a content span, and the span itself: a content that is exactly one
    quote (marks included) is direct, and its span moves inside the marks."""
    opens = outer.opens if isinstance(outer, _QuoteList) else [q.open for q in outer]
    k = bisect.bisect_left(opens, s)
    if k < len(outer) and outer[k].open == s:
        q = outer[k]
        if q.close is not None and abs(q.end - e) <= 1:
            return "direct", q.content.start, q.content.end
    return _kind_of(outer, s, e), s, e
