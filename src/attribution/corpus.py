"""Comparing articles: who is cited where, which statements recur, which figures disagree.

:func:`compare` reads several articles (or their already extracted claims) and
reports across them: the roster of canonical speakers, the statements that two
or more articles report (matched by normalized text, so that British and
American spelling, curly and straight quotes, case and punctuation do not
matter), the figures about the same counted thing that disagree, and a line per
outlet.

>>> a = parse_article('"The strikes will go on until the organisation is destroyed," '
...                   'the ministry said.', id="london")
>>> b = parse_article("\u201cThe strikes will go on until the organization is "
...                   "destroyed,\u201d the ministry said.", id="washington")
>>> report = compare([a, b])
>>> [(s.text, [m.article for m in s.members]) for s in report.shared_claims]
[('The strikes will go on until the organisation is destroyed,', ['london', 'washington'])]

Matching never edits or re-offsets anything: every :class:`ClaimRef` and
:class:`FigureRef` points into its own article's unchanged text. The rules and
thresholds are in ``docs/corpus.md``.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, TypeAlias, get_args

from pydantic import BaseModel, ConfigDict, Field

from attribution.article import parse_article
from attribution.lexicon import Lexicon
from attribution.models import Article, Claim, ClaimKind, Figure, Span, Speaker, Stance
from attribution.pipeline import extract_claims
from attribution.speakers import canonical_speakers

__all__ = [
    "ClaimRef",
    "Comparison",
    "FigureConflict",
    "FigureRef",
    "OutletReport",
    "SharedClaim",
    "SpeakerReport",
    "compare",
    "normalize_counted",
    "normalize_statement",
]

# ---------------------------------------------------------------------------
# Thresholds (documented in docs/corpus.md)
# ---------------------------------------------------------------------------

#: Words per shingle: statements are compared as sets of word 3-grams.
SHINGLE_WORDS: Final = 3
#: Two statements whose shingle sets have at least this Jaccard similarity are the same.
JACCARD_THRESHOLD: Final = 0.6
#: The fewest words a normalized statement needs to be matched at all ("too early" is not).
MIN_WORDS: Final = 3
#: The fewest words the shorter statement needs for "one contains the other" to count.
MIN_CONTAINED_WORDS: Final = 5
#: The relative half-width given to "about 30" when the figure carries no bounds.
ABOUT_TOLERANCE: Final = 0.1

_STANCES: Final[tuple[str, ...]] = get_args(Stance)
_KINDS: Final[tuple[str, ...]] = get_args(ClaimKind)

# ---------------------------------------------------------------------------
# Normalization: a comparison key only, never a view of the text with offsets
# ---------------------------------------------------------------------------

#: Curly and prime quote glyphs folded to straight ones: single ones (‘ ’, low-9, reversed-9,
#: prime) to ' and double ones (“ ” low-9, reversed-9, double prime, guillemets) to ".
_QUOTE_FOLD: Final = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
    }
)  # fmt: skip

#: An apostrophe inside a word ("it's", "Russia's"): dropped, so that the word stays one token.
_INNER_APOSTROPHE_RE: Final = re.compile(r"(?<=\w)'(?=\w)")
#: A thousands separator between digits ("2,500"): dropped, so that "2,500" = "2500".
_THOUSANDS_RE: Final = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
#: Initials with periods ("U.S.", "U.N."): their periods are dropped, so that "U.S." = "US".
_INITIALS_RE: Final = re.compile(r"\b(?:[^\W\d_]\.){2,}")
#: A word: letters, digits; everything else (punctuation, quotes, brackets, dashes) separates.
_WORD_RE: Final = re.compile(r"[^\W_]+")

#: British → American spelling by suffix, applied in order to each lower-case word.
#: Each rule needs a stem of a few letters, which keeps short words ("rise", "our",
#: "four", "hour", "string") out. Both sides of a comparison are folded the same way,
#: so a rule that also rewrites an unrelated word ("promise" → "promize") is harmless.
_SPELLING_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    # -oeu-: manoeuvre → maneuvre (→ maneuver by the -re rule below)
    (re.compile(r"^(\w+)oeu(\w+)$"), r"\1eu\2"),
    # -isation, -ise, -ised, -ising, -iser: organisation → organization, criticised → criticized
    (re.compile(r"^(\w{3,}?)is(ation|ations|ational|e|es|ed|ing|er|ers)$"), r"\1iz\2"),
    # -yse: analyse → analyze, paralysed → paralyzed
    (re.compile(r"^(\w{2,}?)ys(e|es|ed|ing|er|ers)$"), r"\1yz\2"),
    # -our: colour → color, behaviour → behavior, favourite → favorite, neighbourhood → neighborhood
    (
        re.compile(
            r"^(\w{2,}?)our(s|ed|ing|er|ers|ite|ites|able|ably|al|ful|less|hood|hoods|ism|ist|ists)?$"
        ),
        r"\1or\2",
    ),
    # -tre, -bre, -vre: centre → center, fibres → fibers, maneuvre → maneuver
    (re.compile(r"^(\w{2,}?[tbv])re(s?)$"), r"\1er\2"),
    # -tred, -tring: centred → centered, centring → centering
    (re.compile(r"^(\w{2,}?[tbv])r(ed|ing)$"), r"\1er\2"),
    # -ence after f, c, t: defence → defense, offences → offenses, licence → license
    (re.compile(r"^(\w*?[fct])ence(s|less)?$"), r"\1ense\2"),
    # -ogue: catalogue → catalog, dialogues → dialogs
    (re.compile(r"^(\w{2,}?)ogue(s?)$"), r"\1og\2"),
    # -ll- before a suffix after an unstressed e or a: travelled → traveled, counsellor → counselor
    (re.compile(r"^(\w{2,}?[ae])ll(ed|ing|er|ers|or|ors)$"), r"\1l\2"),
    # -dgement: judgement → judgment, acknowledgements → acknowledgments
    (re.compile(r"^(\w+dg)ement(s?)$"), r"\1ment\2"),
    # -gramme: programme → program
    (re.compile(r"^(\w*gram)me(s?)$"), r"\1\2"),
    # -wards: towards → toward, afterwards → afterward
    (re.compile(r"^(\w{2,}?ward)s$"), r"\1"),
)


@functools.lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    for pattern, repl in _SPELLING_RULES:
        word = pattern.sub(repl, word)
    return word


def _fold_text(text: str) -> str:
    """Case-fold, drop accents, straighten quotes, join words split by an apostrophe or initials."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = text.translate(_QUOTE_FOLD)
    text = _INNER_APOSTROPHE_RE.sub("", text)
    text = _INITIALS_RE.sub(lambda m: m.group().replace(".", ""), text)
    return _THOUSANDS_RE.sub("", text)


def _words(text: str) -> list[str]:
    return [_fold_word(w) for w in _WORD_RE.findall(_fold_text(text))]


def normalize_statement(text: str) -> str:
    """The comparison key of a statement: folded case, quotes, spelling, spaces, punctuation.

    Args:
        text: a claim's content, as written.

    Returns:
        The words of ``text``, lower case, in American spelling, joined by single spaces.

    >>> normalize_statement("\u201cWe will fight radicalisation,\u201d")
    'we will fight radicalization'
    >>> normalize_statement('"We will fight  radicalization,"')
    'we will fight radicalization'

    Curly apostrophes are straight ones, and a word keeps its apostrophe's halves together:

    >>> normalize_statement("Russia\u2019s defence centre") == normalize_statement("Russia's defense center")
    True

    Short words keep their spelling, and digits lose their thousands separators:

    >>> normalize_statement("Our four hours: 2,500 air strikes.")
    'our four hours 2500 air strikes'
    """
    return " ".join(_words(text))


#: Words before a counted noun that do not change what is counted.
_COUNT_DETERMINERS: Final = frozenset(
    {"a", "an", "the", "some", "other", "more", "additional", "further", "extra", "of"}
)
#: Irregular plurals of counted nouns common in news.
_IRREGULAR_PLURALS: Final[dict[str, str]] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman",
    "children": "child", "lives": "life", "wives": "wife", "feet": "foot", "teeth": "tooth",
}  # fmt: skip


def _singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:  # casualties, sorties: both keyed on -y
        return word[:-3] + "y"
    if word.endswith("ie"):  # sortie, like sorties
        return word[:-2] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalize_counted(counted: str) -> str:
    """The comparison key of a counted noun phrase: its words, folded, the last one singular.

    >>> normalize_counted("Civilians"), normalize_counted("civilian")
    ('civilian', 'civilian')
    >>> normalize_counted("the other casualties"), normalize_counted("air strikes")
    ('casualty', 'air strike')
    >>> normalize_counted("terrorist organisations"), normalize_counted("children")
    ('terrorist organization', 'child')

    It is a key, not a word: "sortie" and "sorties" share one.

    >>> normalize_counted("sortie") == normalize_counted("sorties")
    True
    """
    words = _words(counted)
    while len(words) > 1 and words[0] in _COUNT_DETERMINERS:
        words = words[1:]
    if words:
        words[-1] = _singular(words[-1])
    return " ".join(words)


# ---------------------------------------------------------------------------
# Result models
# ---------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SpeakerReport(_Model):
    """One canonical speaker across the articles: where it is cited, how often, how."""

    speaker: Speaker = Field(description="The canonical speaker, merged over all articles.")
    articles: tuple[str, ...] = Field(description="Ids of the articles citing it, sorted.")
    claims: int = Field(ge=0, description="How many claims it is the speaker of.")
    stances: dict[str, int] = Field(description="Stance -> number of claims (non-zero only).")
    kinds: dict[str, int] = Field(description="Claim kind -> number of claims (non-zero only).")


class ClaimRef(_Model):
    """One claim of one article, as a member of a :class:`SharedClaim`."""

    article: str = Field(description="The article's id.")
    index: int = Field(ge=0, description="The claim's index in that article's claim list.")
    speaker_id: str | None = Field(description="The canonical speaker's id, if any.")
    content: Span = Field(description="The claim's content, a span into its own article.")
    kind: ClaimKind
    stance: Stance


class SharedClaim(_Model):
    """A statement that two or more articles report, with every claim that reports it."""

    text: str = Field(
        description="The longest member's content as written (an interrupted quote's pieces joined)."
    )
    members: tuple[ClaimRef, ...] = Field(description="The claims, by article then index.")

    @property
    def articles(self) -> tuple[str, ...]:
        """The distinct article ids of the members, sorted."""
        return tuple(sorted({m.article for m in self.members}))


class FigureRef(_Model):
    """One figure of one claim, as part of a :class:`FigureConflict`."""

    article: str = Field(description="The article's id.")
    index: int = Field(ge=0, description="The claim's index in that article's claim list.")
    speaker_id: str | None = Field(description="The canonical speaker's id, if any.")
    figure: Figure


class FigureConflict(_Model):
    """Figures about the same counted thing, from different articles, that cannot all be true."""

    counted: str = Field(
        description="The counted thing as most often written, lower case: 'civilians'."
    )
    figures: tuple[FigureRef, ...] = Field(
        description="Every figure given for it, by article, claim index and offset."
    )


class OutletReport(_Model):
    """One article (one outlet's report): how many claims, from how many speakers."""

    article: str = Field(description="The article's id.")
    agency: str | None = Field(default=None, description="The news agency credited: 'UPI'.")
    source: str | None = Field(default=None, description="Where the text came from.")
    claims: int = Field(ge=0)
    speakers: int = Field(ge=0, description="Distinct canonical speakers.")
    unattributed: int = Field(ge=0, description="Claims without a speaker.")
    kinds: dict[str, int] = Field(description="Claim kind -> number of claims (non-zero only).")
    anonymous_share: float = Field(
        ge=0.0, le=1.0, description="Share of the distinct speakers that are anonymous."
    )


class Comparison(_Model):
    """What :func:`compare` finds across articles.

    Everything but ``outlets`` is independent of the order of the articles;
    ``outlets`` follows it.

    >>> report = compare({"a": '"We will go on," Lavrov said.', "b": "Lavrov said the strikes would go on."})
    >>> [(s.speaker.id, s.articles) for s in report.speakers]
    [('lavrov', ('a', 'b'))]
    """

    speakers: tuple[SpeakerReport, ...] = Field(description="Most cited first, ties by id.")
    shared_claims: tuple[SharedClaim, ...] = Field(
        description="Most articles first, then most members, then text."
    )
    figure_conflicts: tuple[FigureConflict, ...] = Field(description="By counted thing.")
    outlets: tuple[OutletReport, ...] = Field(description="One per article, in input order.")

    def table(self) -> str:
        """A plain-text report in four sections: Speakers, Shared claims, Figure conflicts, Outlets."""
        lines: list[str] = []
        lines += _speakers_section(self.speakers)
        lines += ["", *_shared_section(self.shared_claims)]
        lines += ["", *_conflicts_section(self.figure_conflicts)]
        lines += ["", *_outlets_section(self.outlets)]
        return "\n".join(line.rstrip() for line in lines)


# ---------------------------------------------------------------------------
# compare()
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Doc:
    id: str
    agency: str | None
    source: str | None
    claims: Sequence[Claim]


_Item: TypeAlias = Article | Sequence[Claim] | str


def compare(
    items: Iterable[_Item] | Mapping[str, _Item], *, lexicon: Lexicon | None = None
) -> Comparison:
    """Compare articles: speaker roster, shared claims, figure conflicts, outlets.

    Args:
        items: the articles. Each is an :class:`Article` (its claims are extracted
            with :func:`extract_claims`), a text (read with :func:`parse_article`
            first), or a list of claims already extracted, whose article id is then
            ``"article-<index>"``. A mapping from ids to such items names them.
        lexicon: word lists for parsing and extraction; the built-in ones by default.

    Returns:
        A :class:`Comparison`. It depends on the articles only, not on their order,
        except for ``outlets``, which follow the input, and the ids of claim lists.
        Two articles with the same id get ``-2``, ``-3``, ... appended, in input order.

    Raises:
        TypeError: ``items`` is a single text or article, or holds something else.

    >>> report = compare({"a": [], "b": []})
    >>> [o.article for o in report.outlets], report.shared_claims
    (['a', 'b'], ())
    >>> compare("Lavrov said so.")
    Traceback (most recent call last):
    ...
    TypeError: items must be an iterable of articles, claim lists or texts, not a single str
    """
    docs = _docs(items, lexicon)
    entries = [(d, i, c) for d in docs for i, c in enumerate(d.claims)]
    all_speakers = [c.speaker for _, _, c in entries if c.speaker is not None]
    canon = canonical_speakers(all_speakers) if all_speakers else {}

    def canonical(c: Claim) -> Speaker | None:
        if c.speaker is None:
            return None
        return canon.get(c.speaker.id, c.speaker)

    refs = [(d.id, i, c, canonical(c)) for d, i, c in entries]
    return Comparison(
        speakers=_speaker_reports(refs),
        shared_claims=_shared_claims(refs),
        figure_conflicts=_figure_conflicts(refs),
        outlets=tuple(_outlet(d, [canonical(c) for c in d.claims]) for d in docs),
    )


def _docs(items: Iterable[_Item] | Mapping[str, _Item], lexicon: Lexicon | None) -> list[_Doc]:
    if isinstance(items, (str, bytes, Article, Claim)):
        raise TypeError(
            "items must be an iterable of articles, claim lists or texts, "
            f"not a single {type(items).__name__}"
        )
    if isinstance(items, Mapping):
        named: Iterable[tuple[str | None, object]] = items.items()
    elif isinstance(items, Iterable):
        named = ((None, item) for item in items)
    else:
        raise TypeError(f"items must be an iterable of articles, not {type(items).__name__}")
    docs: list[_Doc] = []
    for index, (name, item) in enumerate(named):
        if name is not None and not isinstance(name, str):
            raise TypeError(f"compare() ids must be str, not {type(name).__name__}")
        docs.append(_doc(item, index, name, lexicon))
    return _unique(docs)


def _doc(item: object, index: int, name: str | None, lexicon: Lexicon | None) -> _Doc:
    if isinstance(item, (str, bytes)):
        item = parse_article(item, id=name, lexicon=lexicon)
    if isinstance(item, Article):
        claims = extract_claims(item, lexicon=lexicon)
        return _Doc(name or item.id, item.agency, item.source, claims)
    if isinstance(item, Sequence) and all(isinstance(c, Claim) for c in item):
        return _Doc(name or f"article-{index}", None, None, list(item))
    raise TypeError(
        f"compare() items[{index}] must be an Article, a str or a list of Claims, "
        f"not {type(item).__name__}"
    )


def _unique(docs: list[_Doc]) -> list[_Doc]:
    seen: Counter[str] = Counter()
    taken = {d.id for d in docs}
    out: list[_Doc] = []
    for d in docs:
        seen[d.id] += 1
        if seen[d.id] == 1:
            out.append(d)
            continue
        n = seen[d.id]
        while f"{d.id}-{n}" in taken:
            n += 1
        taken.add(f"{d.id}-{n}")
        out.append(_Doc(f"{d.id}-{n}", d.agency, d.source, d.claims))
    return out


_Ref = tuple[str, int, Claim, Speaker | None]


def _counts(values: Iterable[str], order: Sequence[str]) -> dict[str, int]:
    counter = Counter(values)
    return {k: counter[k] for k in order if counter[k]}


def _speaker_reports(refs: Sequence[_Ref]) -> tuple[SpeakerReport, ...]:
    by_id: dict[str, list[_Ref]] = defaultdict(list)
    for ref in refs:
        if ref[3] is not None:
            by_id[ref[3].id].append(ref)
    reports = []
    for group in by_id.values():
        # canonical_speakers() gives one Speaker per id; should it not, pick one by content.
        forms = {sp for _, _, _, sp in group if sp is not None}
        speaker = min(forms, key=lambda sp: sp.model_dump_json())
        reports.append(
            SpeakerReport(
                speaker=speaker,
                articles=tuple(sorted({a for a, _, _, _ in group})),
                claims=len(group),
                stances=_counts((c.stance for _, _, c, _ in group), _STANCES),
                kinds=_counts((c.kind for _, _, c, _ in group), _KINDS),
            )
        )
    reports.sort(key=lambda r: (-r.claims, r.speaker.id))
    return tuple(reports)


def _outlet(doc: _Doc, speakers: Sequence[Speaker | None]) -> OutletReport:
    distinct = {s.id: s for s in speakers if s is not None}
    anonymous = sum(1 for s in distinct.values() if s.kind == "anonymous")
    return OutletReport(
        article=doc.id,
        agency=doc.agency,
        source=doc.source,
        claims=len(doc.claims),
        speakers=len(distinct),
        unattributed=sum(1 for s in speakers if s is None),
        kinds=_counts((c.kind for c in doc.claims), _KINDS),
        anonymous_share=anonymous / len(distinct) if distinct else 0.0,
    )


# --- shared claims ----------------------------------------------------------


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _shared_claims(refs: Sequence[_Ref]) -> tuple[SharedClaim, ...]:
    # 1. Equal normalized texts are one node.
    node_of: dict[str, int] = {}
    texts: list[str] = []
    members: list[list[int]] = []
    keys: dict[str, str] = {}  # said text -> key: copies of a text are normalized once
    for r, (_, _, claim, _) in enumerate(refs):
        said = _said(claim)
        key = keys.get(said)
        if key is None:
            key = keys[said] = normalize_statement(said)
        if key.count(" ") + 1 < MIN_WORDS:
            continue
        node = node_of.setdefault(key, len(texts))
        if node == len(texts):
            texts.append(key)
            members.append([])
        members[node].append(r)
    n = len(texts)
    lengths = [t.count(" ") + 1 for t in texts]

    # 2. Word shingles, numbered, with their document frequency over the nodes.
    shingle_id: dict[str, int] = {}
    sets: list[frozenset[int]] = []
    for t in texts:
        words = t.split(" ")
        grams = {
            " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
        }
        sets.append(frozenset(shingle_id.setdefault(g, len(shingle_id)) for g in grams))
    df = [0] * len(shingle_id)
    postings: list[list[int]] = [[] for _ in shingle_id]
    for node, s in enumerate(sets):
        for g in s:
            df[g] += 1
            postings[g].append(node)

    # 3. Candidates from an inverted index, probed with each node's rarest shingles
    #    (prefix filtering, exact: every matching pair is a candidate).
    #    - Jaccard: J(A, B) >= t with |A| <= |B| needs |A & B| >= t(|A| + |B|) / (1 + t)
    #      >= 2t|A| / (1 + t), so B holds one of any |A| - ceil(2t|A| / (1 + t)) + 1
    #      shingles of A; A probes with that many of its rarest, against sets at least
    #      as large. (The looser bound |A| - ceil(t|A|) + 1 let statements that share
    #      common 3-grams, "the strikes will go on in sector ...", all meet each other.)
    #    - Containment: A inside B needs any one shingle of A: its rarest, against
    #      statements of more words.
    #    Each pair found is judged once, from its side with fewer words.
    uf = _UnionFind(n)
    parent = uf.parent
    padded = [f" {t} " for t in texts]
    seen = [-1] * n  # seen[b] == a: b was already a candidate of a
    share = 2 * JACCARD_THRESHOLD / (1 + JACCARD_THRESHOLD)
    for a in range(n):
        sa, la = sets[a], lengths[a]
        size = len(sa)
        if not size:
            continue
        prefix = size - math.ceil(share * size - 1e-9) + 1
        ranked = sorted(sa, key=lambda g: (df[g], g))
        seen[a] = a
        for k, g in enumerate(ranked[: max(1, prefix)]):
            for b in postings[g]:
                if seen[b] == a:
                    continue
                sb, lb = sets[b], lengths[b]
                smaller = len(sb) < size or (len(sb) == size and b < a)
                if smaller and (k or lb <= la or la < MIN_CONTAINED_WORDS):
                    continue  # B is met from its own side (or cannot contain A)
                seen[b] = a
                root = uf.find(a)
                if parent[b] == root or uf.find(b) == root:  # already one group
                    continue
                if lb < la or (lb == la and b < a):
                    same = _same_statement(sb, sa, lb, padded[b], padded[a])
                else:
                    same = _same_statement(sa, sb, la, padded[a], padded[b])
                if same:
                    uf.union(a, b)

    # 4. Components with members in two or more articles.
    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(n):
        groups[uf.find(node)].extend(members[node])
    out = []
    for group in groups.values():
        if len({refs[r][0] for r in group}) < 2:
            continue
        claim_refs = sorted(
            (_claim_ref(refs[r]) for r in group), key=lambda m: (m.article, m.index)
        )
        text = min((_said(refs[r][2]) for r in group), key=lambda s: (-len(s), s))
        out.append(SharedClaim(text=text, members=tuple(claim_refs)))
    out.sort(key=lambda s: (-len(s.articles), -len(s.members), s.text, s.members[0].article))
    return tuple(out)


def _said(claim: Claim) -> str:
    """What was said: the content, or the pieces of a quote interrupted by its cue, joined."""
    if claim.parts:
        return " ".join(p.text for p in claim.parts)
    return claim.content.text


def _same_statement(sa: frozenset[int], sb: frozenset[int], la: int, pa: str, pb: str) -> bool:
    """Whether node A (the shorter, ``la`` words) and node B are the same statement."""
    if la >= MIN_CONTAINED_WORDS and sa <= sb and pa in pb:
        return True
    na, nb = len(sa), len(sb)
    if na < JACCARD_THRESHOLD * nb:
        return False
    inter = len(sa & sb)
    return inter >= JACCARD_THRESHOLD * (na + nb - inter)


def _claim_ref(ref: _Ref) -> ClaimRef:
    article, index, claim, speaker = ref
    # Built from validated parts: skip validating them again (it is most of the time here).
    return ClaimRef.model_construct(
        article=article,
        index=index,
        speaker_id=speaker.id if speaker is not None else None,
        content=claim.content,
        kind=claim.kind,
        stance=claim.stance,
    )


# --- figure conflicts ---------------------------------------------------------

_Bounds = tuple[float, bool, float, bool]  # low, low is open, high, high is open


def _bounds(f: Figure) -> _Bounds:
    """The interval of values a figure allows, from its bounds and its qualifier."""
    q, v = f.qualifier, f.value
    inf = math.inf
    if q == "exact":
        return (v, False, v, False)
    if q in ("at_least", "more_than"):
        return (f.low if f.low is not None else v, q == "more_than", inf, False)
    if q in ("at_most", "less_than", "up_to"):
        return (-inf, False, f.high if f.high is not None else v, q == "less_than")
    if q == "about":
        slack = abs(v) * ABOUT_TOLERANCE
        low = f.low if f.low is not None else v - slack
        high = f.high if f.high is not None else v + slack
        return (low, False, high, False)
    low = f.low if f.low is not None else v
    return (low, False, f.high if f.high is not None else inf, False)


def _below(a: _Bounds, b: _Bounds) -> bool:
    """Whether every value ``a`` allows is less than every value ``b`` allows."""
    return a[2] < b[0] or (a[2] == b[0] and (a[3] or b[1]))


def _figure_conflicts(refs: Sequence[_Ref]) -> tuple[FigureConflict, ...]:
    by_key: dict[tuple[str, str | None], dict[tuple[str, int, int], FigureRef]] = defaultdict(dict)
    keys: dict[str, str] = {}  # counted as written -> its key, normalized once
    for article, index, claim, speaker in refs:
        for f in claim.figures:
            if f.counted is None:
                continue
            if f.counted not in keys:
                keys[f.counted] = normalize_counted(f.counted)
            key = (keys[f.counted], f.unit)
            if not key[0]:
                continue
            spot = (article, f.span.start, f.span.end)
            if spot not in by_key[key]:  # the same figure in two claims counts once
                by_key[key][spot] = FigureRef.model_construct(
                    article=article,
                    index=index,
                    speaker_id=speaker.id if speaker is not None else None,
                    figure=f,
                )
    out = []
    for (counted, unit), found in by_key.items():
        figures = sorted(found.values(), key=lambda r: (r.article, r.index, r.figure.span.start))
        if _disagree_across_articles(figures):
            label = _label(r.figure.counted or counted for r in figures)
            label = label if unit is None else f"{label} ({unit})"
            out.append(FigureConflict(counted=label, figures=tuple(figures)))
    out.sort(key=lambda c: (c.counted, c.figures[0].article, c.figures[0].index))
    return tuple(out)


def _label(forms: Iterable[str]) -> str:
    """The most frequent form, lower case; ties to the shortest, then alphabetical."""
    counts = Counter(" ".join(f.lower().split()) for f in forms)
    return min(counts, key=lambda f: (-counts[f], len(f), f))


def _disagree_across_articles(figures: Sequence[FigureRef]) -> bool:
    """Whether two figures from different articles allow no common value."""
    per_article: dict[str, list[_Bounds]] = defaultdict(list)
    for r in figures:
        per_article[r.article].append(_bounds(r.figure))
    if len(per_article) < 2:
        return False
    # Per article, the figure reaching least high and the one starting most low.
    lowest = sorted(
        ((min(bs, key=lambda b: (b[2], not b[3])), a) for a, bs in per_article.items()),
        key=lambda x: (x[0][2], not x[0][3]),
    )
    highest = sorted(
        ((max(bs, key=lambda b: (b[0], b[1])), a) for a, bs in per_article.items()),
        key=lambda x: (x[0][0], x[0][1]),
        reverse=True,
    )
    for top, a in highest[:2]:
        for bottom, b in lowest[:2]:
            if a != b and _below(bottom, top):
                return True
    return False


# ---------------------------------------------------------------------------
# table()
# ---------------------------------------------------------------------------

_WIDTH: Final = 72


def _cut(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "\u2026"


def _tally(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "-"


def _columns(rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    return [
        "  "
        + "  ".join(
            cell.rjust(widths[k]) if k in right else cell.ljust(widths[k])
            for k, cell in enumerate(r)
        )
        for r in rows
    ]


def _title(name: str, n: int) -> list[str]:
    head = f"{name} ({n})"
    return [head, "=" * len(head)] + (["  (none)"] if n == 0 else [])


def _speakers_section(reports: Sequence[SpeakerReport]) -> list[str]:
    lines = _title("Speakers", len(reports))
    if reports:
        rows = [("claims", "articles", "speaker", "kind", "stances")]
        rows += [
            (
                str(r.claims),
                str(len(r.articles)),
                _cut(f"{r.speaker.name} [{r.speaker.id}]", 50),
                r.speaker.kind,
                _tally(r.stances),
            )
            for r in reports
        ]
        lines += _columns(rows, right=(0, 1))
    return lines


def _who(speaker_id: str | None) -> str:
    return speaker_id or "(no speaker)"


def _shared_section(shared: Sequence[SharedClaim]) -> list[str]:
    lines = _title("Shared claims", len(shared))
    for n, s in enumerate(shared, 1):
        lines.append(f"  {n}. {_cut(s.text, _WIDTH)}")
        rows = [
            (m.article, f"#{m.index}", _who(m.speaker_id), m.kind, m.stance,
             _cut(m.content.text, 40))
            for m in s.members
        ]  # fmt: skip
        lines += ["  " + line for line in _columns(rows)]
    return lines


def _figure_text(f: Figure) -> str:
    return _cut(f.span.text, 24)


def _conflicts_section(conflicts: Sequence[FigureConflict]) -> list[str]:
    lines = _title("Figure conflicts", len(conflicts))
    for c in conflicts:
        lines.append(f"  {c.counted}")
        rows = [
            (_figure_text(r.figure), r.article, f"#{r.index}", _who(r.speaker_id))
            for r in c.figures
        ]
        lines += ["  " + line for line in _columns(rows)]
    return lines


def _outlets_section(outlets: Sequence[OutletReport]) -> list[str]:
    lines = _title("Outlets", len(outlets))
    if outlets:
        rows = [("article", "agency", "claims", "speakers", "anonymous", "kinds", "source")]
        rows += [
            (
                _cut(o.article, 30),
                o.agency or "-",
                str(o.claims),
                str(o.speakers),
                f"{o.anonymous_share:.0%}",
                _tally(o.kinds),
                _cut(o.source or "-", 40),
            )
            for o in outlets
        ]
        lines += _columns(rows, right=(2, 3, 4))
    return lines
