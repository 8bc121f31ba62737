"""What the muscles' texts say, as search reads them: each text weighed by its field (a name
outranks a mimic, a mimic an activity...), indexed by word, and which muscles' texts hold the
words of a query, and how surely."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cached_property

from bodymap.model.places import PlaceNames
from bodymap.model.query import also_meant, form_of, match_strength, prefix, stem, words_of
from bodymap.model.schema import Muscle, RedFlag, Zone
from bodymap.model.spelling import MEDICAL_WORDS

# Search weights: a hit in the name outranks a mimic, then an activity that aggravates the pain
# ("sitting"), then a symptom, and so on. A nickname's words count as a symptom's unless the query
# holds the whole nickname: "hip" alone does not make the "hip hiker" (QL) a name match. Words in
# a text about what eases the pain ("Relief lying down ... or sitting") weigh least of all: that
# activity is no complaint of the muscle. A caution ("Do not treat in pregnancy") is searched apart
# (`caution_scores`): it finds the muscles a student must be careful with ("pregnancy", "hernia")
# but says nothing of where a pain comes from, so it ranks a muscle after every other hit.
FIELD_WEIGHTS = {"name": 10.0, "mimic": 5.0, "activity": 4.0, "symptom": 3.0, "nickname": 3.0,
                 "text": 1.0, "relief": 0.5, "caution": 0.5}
# These lists are written most characteristic first, as the reference lists them (gluteus
# maximus: sitting, then climbing, then walking; gluteus medius: sitting last, and only
# slouched). Each later place weighs a little less, at most 15% less, so that a mimic still
# outranks any activity and an activity any symptom.
_RANKED_FIELDS = frozenset({"mimic", "activity", "symptom"})
_PLACE_STEP = 0.03
_PLACE_CAP = 5
# A word that the muscle's presentation states in more than one field (rising from a seat among
# its activities and "getting up from a chair" among its symptoms) is a surer hit. Prose never
# adds and neither do more texts of one field: breadth of text alone must not rank a muscle up.
_PRESENTATION = frozenset({"nickname", "mimic", "activity", "symptom"})
_CORROBORATION = 0.5
# A query that only names an activity ("sitting", "pain when sitting", "can't sit") asks whose
# pain it aggravates. The presentation says that, and a name may; prose does not: "long periods
# of sitting" (a perpetuating factor) or "a tilt when sitting" (of a small hemipelvis) is no
# complaint of sitting, and every muscle's page has some such line, so with them every muscle
# matched and the list was not narrowed at all. Such a query searches these fields alone, unless
# none holds it.
_PRESENTED = _PRESENTATION | {"name"}
# A muscle with one text that holds every word of a query ("Difficulty getting up from a deep
# chair") comes before one whose words lie scattered over its page: per query word, more than any
# one word can weigh (a name, 10, with every corroboration).
_HELD = 12.0
# Everyday words for each activity of `aggravated_by` (schema.ACTIVITIES), searched as the
# activity itself: "sneeze" is no beginning of "sneezing", and a student gets "out of a chair".
# A query word matches a longer indexed word but not a shorter one, hence "sleep or sleeping".
# The phrase before ";" names it in the status bar. No phrase holds another activity's word
# ("standing up after sitting" would make every rising muscle a hit for "sitting").
ACTIVITY_WORDS = {
    "sitting": "sitting; seated, sit",
    "standing": "standing; standing upright, stand",
    "walking": "walking; walk",
    "climbing": "climbing; climbing stairs, stairs, uphill",
    "rising_from_seat": "rising from a seat; getting up or out of a chair, get up",
    "lying_on_back": "lying on the back; lie on the back",
    "lying_on_side": "lying on the side; lie, sleep or sleeping on the side, side-lying",
    "rolling_in_bed": "rolling over in bed; roll or turn over in bed",
    "coughing_sneezing": "coughing or sneezing; cough, sneeze",
    "bending_lifting": "bending or lifting; bend, lift, stoop",
}
# From a word of relief to the end of its clause ("but worse ..." starts a new one).
_RELIEF = re.compile(r"\b(?:relief|relieved|relieves|eased|eases|easier|better)\b"
                     r"[^.;]*?(?=\b(?:but|worse)\b|[.;]|$)", re.IGNORECASE)
# What a text denies, to the end of its clause: "mostly local rather than down the leg" says
# nothing of the leg, "no pain at the level of the trigger point" nothing of pain there.
_DENIED = re.compile(r"\b(?:rather than|not|no|never|without)\b[^.;,]*", re.IGNORECASE)


# A sorted word list, word -> {muscle: weight}, word -> {muscle: the texts holding it, as bits},
# muscle -> the weight of each of its texts, by bit.
WordIndex = tuple[list[str], dict[str, dict[str, float]], dict[str, dict[str, int]],
                  dict[str, tuple[float, ...]]]


def split_relief(text: str) -> tuple[str, str]:
    """A text as what it states and what it says eases the pain: "Worse standing, eased by
    sitting" states standing; sitting eases it. What it denies it does not state."""
    relieved = " ".join(m.group() for m in _RELIEF.finditer(text))
    stated = _DENIED.sub(" ", _RELIEF.sub(" ", text) if relieved else text)
    return stated, relieved


def _bits_set(bits: int) -> Iterable[int]:
    """The positions of the bits set in `bits`, lowest first."""
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


def _field_weight(field: str, place: int) -> float:
    if field not in _RANKED_FIELDS:
        return FIELD_WEIGHTS[field]
    return FIELD_WEIGHTS[field] * (1.0 - _PLACE_STEP * min(place, _PLACE_CAP))


class TextIndex:
    """The searchable texts of the muscles, indexed by word: `text_scores` finds the muscles
    whose texts hold every word of a query, `caution_scores` those whose cautions do.

    `places` names the zones (`zones`) in the texts' words; `red_flags` holds words that are
    real words, though no text holds them (`real_words`).
    """

    def __init__(self, muscles: Mapping[str, Muscle], zones: Mapping[str, Zone],
                 places: PlaceNames, red_flags: Sequence[RedFlag]) -> None:
        self.muscles = muscles
        self.zones = zones
        self.places = places
        self.red_flags = red_flags

    # Indexes are built on first use: loading stays cheap and a catalog that is only validated
    # never pays for them.
    @cached_property
    def word_index(self) -> WordIndex:
        return self._index_words()

    @cached_property
    def presentation_index(self) -> WordIndex:
        """The word index of what a muscle's pain is like: its name, nicknames, mimics,
        activities and symptoms, without its prose: a query that names an activity and nothing
        else searches it."""
        return self._index_words(_PRESENTED)

    @cached_property
    def caution_index(self) -> tuple[list[str], dict[str, dict[str, int]]]:
        return self._index_cautions()

    def search_texts(self, muscle: Muscle) -> dict[str, list[str]]:
        """A muscle's searchable texts by field (see `FIELD_WEIGHTS`), each list in its order."""
        referred = set().union(*muscle.referral_zones())
        return {
            "name": [muscle.name, muscle.id.replace("_", " ")],
            "nickname": list(muscle.also_called),
            "mimic": list(muscle.often_mistaken_for),
            "activity": [ACTIVITY_WORDS.get(a, a.replace("_", " ")) for a in muscle.aggravated_by],
            "symptom": list(muscle.symptoms),
            "text": [
                *muscle.perpetuating_factors,
                *muscle.actions,
                *(t.location for t in muscle.trigger_points),
                # In the zones' own order: a set's order changes with each run's string
                # hashing, and the first of equal matches is the one a search result names.
                *(zone.label for z, zone in self.zones.items() if z in referred),
            ],
            "caution": list(muscle.cautions),
        }

    def search_hits(self, muscle: Muscle) -> Iterable[tuple[float, str, str, list[str]]]:
        """(weight, field, text, its words) for each text of a muscle, what a text says eases the
        pain apart as field "relief"."""
        for field, texts in self.search_texts(muscle).items():
            for place, text in enumerate(texts):
                # A caution is read whole: what it forbids ("Do not treat in pregnancy") is
                # what it is about, not a denial.
                stated, relieved = (split_relief(text) if field not in ("name", "caution")
                                    else (text, ""))
                yield _field_weight(field, place), field, text, self._placed(words_of(stated))
                if relieved:
                    yield (FIELD_WEIGHTS["relief"], "relief", text,
                           self._placed(words_of(relieved)))

    def _placed(self, words: list[str]) -> list[str]:
        """A text's words, with those of the other names of each zone it names by its label
        (`PlaceNames.also_said`): a text that says "sacroiliac joint" is found by "SI joint"
        and "SIJ" as by the label, as the place itself is; and the word each everyday phrase
        it holds means, as a query's is (`query.also_meant`: "IT band", iliotibial)."""
        also = [*self.places.also_said(words), *also_meant(words)]
        return [*words, *also] if also else words

    def _index_words(self, kept: frozenset[str] | None = None) -> WordIndex:
        """A sorted word list (for prefix look-up with bisect), word -> {muscle: weight} (the
        weight of the word's best text, plus `_CORROBORATION` per further presentation field
        that states it), word -> {muscle: the texts that hold it, as bits} and muscle -> the
        weight of each text, by bit; of the texts of the `kept` fields only, when given."""
        postings: dict[str, dict[str, float]] = defaultdict(dict)
        texts: dict[str, dict[str, int]] = defaultdict(dict)
        weights: dict[str, tuple[float, ...]] = {}
        shared: dict[tuple[float, ...], tuple[float, ...]] = {}
        for muscle in self.muscles.values():
            best: dict[str, float] = {}
            fields: dict[str, set[str]] = defaultdict(set)
            held: dict[str, int] = defaultdict(int)
            each: list[float] = []
            for n, (weight, field, _, found) in enumerate(self.search_hits(muscle)):
                each.append(weight)
                if field == "caution" or (kept is not None and field not in kept):
                    continue  # a caution is searched apart, after all of these
                for word in found:
                    best[word] = max(best.get(word, 0.0), weight)
                    held[word] |= 1 << n
                    if field in _PRESENTATION:
                        fields[word].add(field)
            for word, weight in best.items():
                further = max(len(fields.get(word, ())) - 1, 0)
                postings[word][muscle.id] = weight + _CORROBORATION * further
                texts[word][muscle.id] = held[word]
            # One tuple for equal weights: at 100x the data most muscles share their texts.
            weights[muscle.id] = shared.setdefault(tuple(each), tuple(each))
        return sorted(postings), dict(postings), dict(texts), weights

    def _index_cautions(self) -> tuple[list[str], dict[str, dict[str, int]]]:
        """A sorted word list and word -> {muscle: its cautions that hold the word, as bits}.
        A word in the cautions of most muscles ("stop if tingling or numbness appears") tells
        none apart and is left out: "tingling" finds the muscle it is a symptom of, not all."""
        index: dict[str, dict[str, int]] = defaultdict(dict)
        for muscle in self.muscles.values():
            for n, text in enumerate(muscle.cautions):
                for word in self._placed(words_of(text)):
                    index[word][muscle.id] = index[word].get(muscle.id, 0) | 1 << n
        common = max(2, len(self.muscles) // 2)
        kept = {word: found for word, found in index.items() if len(found) <= common}
        return sorted(kept), kept

    def caution_scores(self, query: list[str]) -> dict[str, float]:
        """Muscles with a caution that holds every query word ("pregnancy"; "hip surgery"), by
        the caution weight of each word (less for a word begun: "bruise" of "bruises")."""
        tokens, index = self.caution_index
        scores: dict[str, float] | None = None
        held: dict[str, int] = {}
        for n, word in enumerate(query):
            weights: dict[str, float] = {}
            holding: dict[str, int] = {}
            for token, exact in self.matching(word, n == len(query) - 1, tokens).items():
                for muscle_id, bits in index[token].items():
                    weights[muscle_id] = max(weights.get(muscle_id, 0.0),
                                             FIELD_WEIGHTS["caution"] * exact)
                    holding[muscle_id] = holding.get(muscle_id, 0) | bits
            if scores is None:
                scores, held = weights, holding
            else:
                scores = {m: s + weights[m] for m, s in scores.items() if m in weights}
                held = {m: held[m] & holding[m] for m in scores}
        return {m: s for m, s in (scores or {}).items() if held[m]}

    @cached_property
    def real_words(self) -> frozenset[str]:
        """Words that are no typo when search does not know them: the words of the red flags and
        the cautions (see `spelling.respelling`). Prose is fine here: these words are only kept
        from being respelled, never searched for."""
        flags = self.red_flags
        texts = [*(t for m in self.muscles.values() for t in m.cautions),
                 *(t for f in flags for t in (f.title, *f.signs, f.action, *f.also_called))]
        return frozenset(word for text in texts for word in words_of(text))

    def matching(self, word: str, last: bool, tokens: list[str] | None = None,
                 begun: bool = True) -> dict[str, float]:
        """The indexed words (or of sorted `tokens`) a query word matches, with how well (see
        `match_strength`). Without `begun`, a word in its own right (`own_word`) matches only
        its own forms, not another word it begins (`form_of`)."""
        tokens = self.word_index[0] if tokens is None else tokens
        begins = prefix(word)  # every token the word can match begins with it
        own = not begun and self.own_word(word)
        found = {}
        for token in tokens[bisect.bisect_left(tokens, begins):]:
            if not token.startswith(begins):
                break
            if (exact := match_strength(word, token, last)) and not (
                    own and not form_of(word, token)):
                found[token] = exact
        return found

    def own_word(self, word: str) -> bool:
        """Whether a query word is a word in its own right, not only the beginning of one: some
        muscle's text or caution holds it whole, or it is a word of the red flags or a
        condition's name (`MEDICAL_WORDS`). "hernia" is one: it is no beginning of "herniation"
        (of a disc), another condition."""
        texts, cautions = self.word_index[1], self.caution_index[1]
        return any(w in texts or w in cautions or w in self.real_words or w in MEDICAL_WORDS
                   for w in (word, stem(word)))

    def held_only_begun(self, query: list[str], found: Mapping[str, object],
                        index: WordIndex | None = None) -> bool:
        """Whether a muscle not `found` holds a longer word that a query word in its own right
        begins but is not ("hernia": "herniation"), so that search with `begun` may find more:
        most queries hold none, and are not searched twice. `index` as `text_scores`."""
        tokens, postings, *_ = index or self.word_index
        last = len(query) - 1
        return any(muscle_id not in found
                   for n, word in enumerate(query) if self.own_word(word)
                   for token in self.matching(word, n == last, tokens)
                   if not form_of(word, token)
                   for muscle_id in postings[token])

    def text_scores(self, query: list[str], together: bool, begun: bool = True,
                    index: WordIndex | None = None,
                    bound: Collection[str] = ()) -> dict[str, float]:
        """Muscles whose texts hold every query word, by the weights of the fields that hold
        them; with `together`, a muscle with one text holding them all gets `_HELD` more.
        A `bound` word weighs only in a text that holds every query word: "joint", of "SI
        joint", says nothing of the sacroiliac joint in "facet joint problems" (see
        `places.KIND_WORDS`). Without `begun`, a word in its own right is held only whole
        (`matching`). `index` is the word index searched, `word_index` unless given."""
        tokens, postings, texts, text_weights = index or self.word_index
        scores: dict[str, float] | None = None
        held: dict[str, int] | None = None  # per muscle, its texts that hold every word so far
        weighed_held = [word for word in query if word in bound] if len(query) > 1 else []
        together = together and len(query) > 1  # one word is held by any text that has it
        for n, word in enumerate(query):
            weights: dict[str, float] = {}
            holding: dict[str, int] = {}
            for token, exact in self.matching(word, n == len(query) - 1, tokens,
                                              begun=begun).items():
                if not weights and exact == 1.0:  # most often the only token: copied in C
                    weights = dict(postings[token])
                else:
                    for muscle_id, weight in postings[token].items():
                        weights[muscle_id] = max(weights.get(muscle_id, 0.0), weight * exact)
                if not (together or weighed_held):
                    continue
                if not holding:  # most often the only token: copied in C
                    holding = dict(texts[token])
                else:
                    for muscle_id, bits in texts[token].items():
                        holding[muscle_id] = holding.get(muscle_id, 0) | bits
            if word in weighed_held:  # held, but weighed below by the texts holding every word
                weights = dict.fromkeys(weights, 0.0)
            scores = weights if scores is None else {
                m: s + weights[m] for m, s in scores.items() if m in weights
            }
            held = holding if held is None else {m: b & holding.get(m, 0) for m, b in held.items()}
        scores = dict(scores or {})
        if together:
            for muscle_id, bits in (held or {}).items():
                if bits and muscle_id in scores:
                    scores[muscle_id] += _HELD * len(query)
        if weighed_held and held:
            # The best text that holds every word, once per texts and bits: at 100x the data
            # most muscles share their texts.
            best: dict[tuple[int, int], float] = {}
            for muscle_id, bits in held.items():
                if bits and muscle_id in scores:
                    key = (id(each := text_weights[muscle_id]), bits)
                    weight = best.get(key)
                    if weight is None:
                        weight = best[key] = max(each[n] for n in _bits_set(bits))
                    scores[muscle_id] += weight * len(weighed_held)
        return scores
