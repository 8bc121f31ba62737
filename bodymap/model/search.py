"""Search: the muscles a query names or describes, best first, and why each was found.

A query may name a muscle, a body place (the muscles that refer pain there, as the pain finder
has it), an activity that aggravates the pain, a symptom, a condition the pain is mistaken for,
or any words of a muscle's page; `Search.search` states the ranking."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property

from bodymap.model.mimics import NOT_MISTAKEN, Mimics
from bodymap.model.pain_sources import Candidate, PainSources
from bodymap.model.places import KIND_WORDS, PlaceNames, plain
from bodymap.model.query import form_of, holds, name_words, settle, within, words_of
from bodymap.model.query_reading import QueryReader, Reading, place_text_words
from bodymap.model.schema import Muscle, RedFlag, Zone
from bodymap.model.text_index import ACTIVITY_WORDS, FIELD_WEIGHTS, TextIndex
from bodymap.model.zone_groups import grouped, head_to_foot

# How the status bar says which field matched ("Best match: Piriformis, aggravated by sitting").
_FIELD_NAMES = {"nickname": "also called", "mimic": "often mistaken for",
                "activity": "aggravated by", "symptom": "symptom:", "text": "its text:",
                "relief": "pain eased by:", "caution": "caution:"}
# The fields that say what a muscle is, how its trouble presents and what it warns of
# (`found_closely`): not its other prose.
CLOSE_FIELDS = frozenset({"name", "nickname", "mimic", "activity", "symptom", "caution"})
# Words of a query about pain felt across both sides of the body, the pattern of a band.
_ACROSS = frozenset(["across", "band", "both", "bilateral", "horizontal"])


def _list_places(labels: list[str]) -> str:
    """Zone labels in a sentence: "the iliac crest", "the sacroiliac joint and the sacrum"."""
    named = [f"the {label[:1].lower()}{label[1:]}" for label in labels]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def _activity_only(reading: Reading) -> bool:
    """Whether a query names an activity and nothing else ("pain when sitting", "can't
    sit"; its words for pain and small words aside): it is searched in the presentation
    alone (`TextIndex.presentation_index`)."""
    said = set().union(*reading.activities.values()) if reading.activities else set()
    return bool(said) and not reading.zones and said >= set(reading.words)


class Search:
    """Search of the muscles (`muscles`) by their names and texts (`texts`, `reader`) and by
    the places they refer pain to (`sources`, the pain finder; `places` names the zones,
    `expand_zones` is `Catalog.expand_zones`). `red_flags` are the guidance's: their words are
    real words, no typos (`TextIndex.real_words`)."""

    def __init__(self, muscles: Mapping[str, Muscle], zones: Mapping[str, Zone],
                 red_flags: Sequence[RedFlag], sources: PainSources,
                 expand_zones: Callable[[Iterable[str]], list[str]]) -> None:
        self.muscles = muscles
        self.zones = zones
        self.sources = sources
        self.expand_zones = expand_zones
        self.places = PlaceNames(zones)
        self.texts = TextIndex(muscles, zones, self.places, red_flags)
        self.reader = QueryReader(muscles, zones, self.places, self.texts, expand_zones)
        self.mimics = Mimics(muscles, zones, self.places)

    @cached_property
    def _groups(self) -> dict[str, tuple[str, ...]]:
        return {zone.id: zone.parts for zone in self.zones.values() if zone.is_group}

    @cached_property
    def _search_names(self) -> dict[str, str]:
        return {muscle_id: muscle.name for muscle_id, muscle in self.muscles.items()}

    def search(self, text: str) -> list[Muscle]:
        """Muscles that match a query, best first.

        A muscle matches when every word of the query ("pain" and small words left out) is in its
        name, nicknames, symptoms, mimics or other text, whole or as a word's beginning (see
        `match_strength`); a text that names a zone by its label holds the zone's own other names
        too ("Sacroiliac joint dysfunction" is found by "SIJ", see `TextIndex._placed`). Name hits
        outrank mimics, then aggravating activities (in everyday words, `ACTIVITY_WORDS`), then
        symptoms, then prose; what a text says eases the pain or denies counts least or not at all.
        Earlier entries of a list outrank later ones, and a word stated in two fields (an activity
        and a symptom) outranks one stated in one; more texts saying it do not. A muscle with one
        text holding every query word comes before one whose words are scattered. A query that names
        an activity and nothing else ("pain sitting", "can't sit") asks whose pain it aggravates:
        only names, nicknames, mimics, activities and symptoms count
        (`TextIndex.presentation_index`), not what keeps the trigger points coming back ("long
        periods of sitting") or other prose, which every muscle's page has, unless no muscle's
        presentation names the activity. A query word that is a word in its own right ("hernia",
        "disc") is matched whole or in its forms ("discs"); a muscle found only by a longer word it
        begins ("herniation", "discomfort") comes after every other, cautions included.

        A query that names a body place (a zone's label, everyday name or id, see `PlaceNames`:
        "iliac crest", "sacro-iliac", "lateral hip") asks which muscles refer pain there, and names
        the zones that lie within it too ("front of the thigh": its inner front, see
        `QueryReader._within`). They come first, by referral as the pain finder has it
        (`PainSources.find_sources`), except that a place named is no pain marked all over it: a
        zone referred to as essential (and settled: `PainSources.area_scores`) outranks any number
        referred to as spillover. A muscle that refers there only in a band across both sides comes
        after the others unless the query says "across" or "both". On equal referral, a muscle
        mistaken for a condition of the place itself comes first ("SI joint": "Sacroiliac joint
        dysfunction"), the earlier in its list the surer, then text and the fit of the pattern break
        ties; a word of a kind of place ("joint") counts in a text only beside the rest of the
        place's name ("facet joint problems" is no text about the SI joint). The query's other words
        ("buttock when sitting") then put the muscles whose texts hold them first, ranked by those
        words, then by referral; first of all a muscle mistaken for a condition of the place that
        the words name ("IT band syndrome": "Iliotibial band syndrome"). Muscles found by text alone
        come after all that refer pain there.

        Before all, a query holding a muscle's whole name or nickname puts that muscle first
        ("piriformis syndrome"), unless its words are a place typed whole ("iliac crest" does not
        begin "iliacus"). A word that nothing begins with is taken for the closest known word
        ("piriformus"; see `Catalog.respelled`). `search_reason` says why a muscle was found.
        """
        reading = self.reader.read(text)
        if reading is None:
            return []
        searched = place_text_words(reading) if reading.zones else reading.words
        index = None
        if reading.zones:
            keys = self._place_ranking(reading)
        else:
            scores: dict[str, float] = {}
            if _activity_only(reading):
                # Whose pain the activity aggravates, not whose prose mentions it; a caution
                # ("avoid sitting straight up") is no complaint either.
                index = self.texts.presentation_index
                scores = self.texts.text_scores(reading.words, together=True, begun=False,
                                                index=index)
            if not scores:
                index = None
                scores = self.texts.text_scores(reading.words, together=True, begun=False)
            keys = {m: (0, 0, 0, -s) for m, s in scores.items()}
        # Then the muscles whose cautions hold the query ("pregnancy", "hernia"), after all others.
        if index is None:
            for muscle_id, score in self.texts.caution_scores(reading.words).items():
                keys.setdefault(muscle_id, (0, 1, 0, -score))
        # Last, the muscles found only by a longer word that a query word begins but is not:
        # "hernia" (of the groin, a caution) is no "herniation" (of a disc, a mimic).
        if self.texts.held_only_begun(searched, keys, index):
            begun = self.texts.text_scores(searched, together=True, index=index)
            for muscle_id, score in self._saying_place(reading, begun).items():
                keys.setdefault(muscle_id, (0, 2, 0, -score))
        for muscle_id in reading.named:
            keys[muscle_id] = (-1, *keys.get(muscle_id, (0, 0, 0, 0.0))[1:])
        # By name, then (a stable sort) by key: both sorts call only C, fast at 100x the data.
        by_name = sorted(keys, key=self._search_names.__getitem__)
        return [self.muscles[muscle_id] for muscle_id in sorted(by_name, key=keys.__getitem__)]

    def _place_ranking(self, reading: Reading) -> dict[str, tuple[float, ...]]:
        """Sort keys for a query that names a place: (named first, tier, a band after the
        others, then what ranks within the tier, each higher first)."""
        area = self.sources.area_scores(reading.zones)
        mistaken = self.mimics.mistaken_for_place(reading.zones)
        # Equal referral: the muscle whose texts hold the query's words ("low back": QL's "deep,
        # constant ache in the low back"), then the one whose texts speak of the place most,
        # however the query wrote it ("SI joint", "sacro-iliac": "Sacroiliac joint dysfunction").
        mentions: dict[str, float] = defaultdict(float)
        for zone in reading.zones:
            for muscle_id, score in self._mentions.get(zone, {}).items():
                mentions[muscle_id] += score
        # The reference: a horizontal band across the low back points to rectus abdominis, pain
        # on one side to the others. A query does not say the side, so unless it says "across"
        # or "both", a muscle that refers there only in a band comes after the rest.
        across = bool(_ACROSS & set(reading.words))
        bands = set() if across else self.sources.band_only(reading.zones)
        # The query's other words ("when sitting") put the muscles that refer pain there and
        # whose texts hold those words first, ranked by them; then the other muscles that refer
        # pain there; then muscles found by text alone.
        # In the zones' words: "lateral hip" is tensor fasciae latae's "outer thigh ... hip".
        text = self.texts.text_scores(place_text_words(reading), together=bool(reading.rest),
                                      begun=False, bound=KIND_WORDS)
        text = self._saying_place(reading, text)
        keys: dict[str, tuple[float, ...]] = {m: (0, -1, 0, -s) for m, s in text.items()}
        # Words held only where a text says what eases the pain ("Relief ... sitting") rank no
        # muscle up: they weigh that little and no more.
        eased = FIELD_WEIGHTS["relief"] * len(reading.rest)
        # With other words, first the muscles mistaken for a condition of the place that those
        # words name: "IT band syndrome" is tensor fasciae latae's "Iliotibial band syndrome",
        # whatever other syndromes ("pseudo-disc syndrome") the others are mistaken for.
        named = (self.mimics.mistaken_for_saying(reading.zones, place_text_words(reading))
                 if reading.rest else {})
        # The place is named on one side, as pain marked on one side in the pain finder, unless
        # the query asks for a band across both ("across the low back"): then on both.
        marked = frozenset(self.expand_zones(reading.zones))
        opposite = (frozenset(z for z in marked if not self.zones[z].midline) if across
                    else frozenset())
        memo: dict[int, int] = {}
        for muscle_id, score in area.items():
            band = muscle_id in bands
            found = text.get(muscle_id, 0.0)
            # Equal referral and texts: the pattern that fits the place best, as in the pain
            # finder, rather than the alphabet.
            fit = self.sources.unmarked(muscle_id, marked, opposite, memo)
            # Equal referral: a muscle mistaken for a condition of the place itself ("Sacroiliac
            # joint dysfunction"), the earlier in its list the surer, before one whose texts
            # merely speak of it.
            keys[muscle_id] = (
                (0, -3, band, -(muscle_id in named), -found, -score, fit)
                if reading.rest and found > eased
                else (0, -2, band, -score, mistaken.get(muscle_id, NOT_MISTAKEN), -found,
                      -mentions.get(muscle_id, 0.0), fit))
        if not reading.rest and self.places.things.intersection(reading.words):
            # A place named by a thing that lies there (`PlaceNames.things`: the IT band) asks
            # about the thing too. A muscle whose page names it (gluteus maximus, whose fibres
            # insert into the iliotibial tract) stands with the muscles that refer pain to the
            # place only in some people (spillover), and by its texts before them when theirs do
            # not name it: quadratus lumborum's pain reaches the outer thigh, not the tract.
            for muscle_id, key in keys.items():
                if key[1] == -1:
                    keys[muscle_id] = (0, -2, False, -1, NOT_MISTAKEN, key[3], 0.0, 0)
        if reading.rest:
            # A muscle whose own page says it all, the place as typed and the other words ("hip
            # pain at night": gluteus minimus's "deep hip and buttock pain" and "waking at
            # night"), stands with those above though its drawn zones miss the place. The place
            # said as a place, its words in a row: iliocostalis thoracis's "lower thoracic back
            # ... on one side" does not say the lower back of "lower back pain one side".
            rest = set(reading.rest)
            place = frozenset(plain(w) for w in reading.words if w not in rest)
            zones = frozenset(reading.zones)
            for muscle_id in self.texts.text_scores(list(reading.words), together=False,
                                                    begun=False).keys() - area:
                found = text.get(muscle_id, 0.0)
                if found > eased and self._says(muscle_id, place, zones):
                    keys[muscle_id] = (0, -3, False, -(muscle_id in named), -found, 0, 0)
        return keys

    @cached_property
    def _mentions(self) -> dict[str, dict[str, float]]:
        """zone -> {muscle that refers pain there: how its texts name the zone's label}, as a
        search for the label would score them: which of them speaks of the place most."""
        mentions = {}
        for zone_id, referring in self.sources.referrals.items():
            label = name_words(self.zones[zone_id].label.split("(", 1)[0])
            said = self.texts.text_scores(list(label), together=True, bound=KIND_WORDS)
            mentions[zone_id] = {m: said[m] for m in referring if m in said}
        return mentions

    def _saying_place(self, reading: Reading,
                      scores: dict[str, float]) -> dict[str, float]:
        """The text `scores` of a query that names a place and nothing else, kept for the
        muscles with a text that says the place: that names it, or a part of it, by its words
        in a row (`PlaceNames.said_in`). "Upper back" is not said by "the upper back of the
        thigh", another place, nor by its words scattered over a page. A place typed in one
        word is said wherever the word is."""
        if reading.rest or len(reading.words) < 2 or not reading.zones or not scores:
            return scores
        words = frozenset(map(plain, reading.words))
        zones = frozenset(reading.zones)
        says: dict[int, bool] = {}  # once per places (`_shared_text_places`)
        return {muscle_id: score for muscle_id, score in scores.items()
                if self._says(muscle_id, words, zones, says)}

    def _says(self, muscle_id: str, words: frozenset[str], zones: frozenset[str],
              memo: dict[int, bool] | None = None) -> bool:
        """Whether a text of the muscle names a place by all these words (`plain`) in a row, a
        place within `zones` (`_text_places`). `memo` answers muscles that share their texts."""
        places = self._places_in_texts.get(muscle_id) or self._text_places(muscle_id)
        said = memo.get(id(places)) if memo is not None else None
        if said is None:
            said = any(words <= named and targets <= zones for named, targets in places)
            if memo is not None:
                memo[id(places)] = said
        return said

    @cached_property
    def _places_in_texts(self) -> dict[str, frozenset[tuple[frozenset[str], frozenset[str]]]]:
        """muscle -> `_text_places`, filled as asked."""
        return {}

    @cached_property
    def _shared_text_places(self) -> dict[frozenset[tuple[frozenset[str], frozenset[str]]],
                                          frozenset[tuple[frozenset[str], frozenset[str]]]]:
        """One set of `_text_places` for equal ones: at 100x the data most muscles share
        their texts, and so the places they name."""
        return {}

    def _text_places(self, muscle_id: str) -> frozenset[tuple[frozenset[str], frozenset[str]]]:
        """The places the texts of a muscle that search reads (not its cautions) name, each
        as the words that name it and its zones, a group as its parts
        (`PlaceNames.said_in`)."""
        texts = self.texts.search_texts(self.muscles[muscle_id])
        found = frozenset((named, frozenset(self.expand_zones(targets)))
                          for field, its in texts.items() if field != "caution"
                          for text in its
                          for named, targets in self.places.said_in(words_of(text)))
        found = self._places_in_texts[muscle_id] = self._shared_text_places.setdefault(
            found, found)
        return found

    def explains(self, places: list[str], key: list[str]) -> bool:
        """Whether the other words of a query that says a red flag's sign ("night") name places
        where the muscles explain it: each place has a muscle that refers pain there and whose
        texts say the sign's words ("hip": gluteus minimus, "waking at night when rolling onto
        the painful side"). Words that are no place say more than a sign, as before. A place
        no muscle explains so adds nothing to the sign: the red flags are signs in back pain
        (AHCPR 1994 is a guideline for low back problems), so "back pain at night" is the
        sign itself."""
        claims = settle(self.places.claims(places))
        if {n for c in claims for n in c.words} != set(range(len(places))):
            return True
        saying = self.texts.text_scores(key, together=False, begun=False)
        return all(any(muscle_id in saying for zone in self.expand_zones(c.targets)
                       for muscle_id in self.sources.referrals.get(zone, {})) for c in claims)

    def search_referral(self, muscle_id: str, text: str) -> Candidate | None:
        """How a muscle refers pain to the place a query names, when `search` found it by that
        (as `PainSources.find_sources` has it), else None: the window shows that referral."""
        reading = self.reader.read(text)
        if reading is None or not reading.zones or muscle_id in reading.named:
            return None
        return next((c for c in self.sources.find_sources(reading.zones)
                     if c.muscle_id == muscle_id), None)

    def search_reason(self, muscle_id: str, text: str) -> str:
        """Why `search(text)` found a muscle, in a few words for the status bar, in the order
        `search` ranks by: its name or nickname in the query, else the place it refers pain to
        when the query names one (and what of the rest of the query its texts hold), else the
        activity the query names, or the field and text that hold every query word."""
        reading = self.reader.read(text)
        if reading is None:
            return ""
        muscle = self.muscles[muscle_id]
        if muscle_id in reading.named:
            if holds(reading.words, name_words(muscle.name.split("(", 1)[0])):
                return "by its name"
            for nickname in muscle.also_called:
                if holds(reading.words, name_words(nickname)):
                    return f"also called “{nickname}”"
        said = self._said(muscle, reading.rest, reading.activities)
        referral = self.search_referral(muscle_id, text)
        if referral is None:
            # Found by its texts alone: the one that names the place, for a query that names
            # nothing else ("SI joint": “Sacroiliac joint dysfunction”).
            if not said and reading.zones and not reading.rest:
                said = self._said(muscle, place_text_words(reading), reading.activities)
            return said or "the words appear across its page"
        zones = referral.essential or referral.spillover
        kind = "essential" if referral.essential else "spillover"
        bands = self.sources.band_only(reading.zones)
        band = ", in a band across both sides" if muscle_id in bands else ""
        # A group whose parts are all there is one area: "the back of the thigh"; the areas
        # head to foot, as the picture is read.
        areas = head_to_foot(grouped(zones, self._groups), self.zones, self._groups)
        place = (f"refers pain to {_list_places([self.zones[z].label for z in areas])} "
                 f"({kind} zone{'s' if len(areas) > 1 else ''}{band})")
        if reading.rest and said:
            return f"{place}; {said}"
        # What ranked it among the muscles that refer there alike (`_place_ranking`).
        mistaken = self.mimics.mistaken_for_place(reading.zones).get(muscle_id)
        if mistaken is None:
            return place
        return f"{place}; {_FIELD_NAMES['mimic']} “{muscle.often_mistaken_for[mistaken]}”"

    def found_closely(self, muscle_id: str, text: str) -> bool:
        """Whether `search(text)` found a muscle by what it is, how it presents or what it
        warns of: its name or a nickname, its referral to a place the query names, or one of
        its activities, symptoms, mimics or cautions holding the query's words ("aneurysm":
        iliopsoas's caution); not by its other prose or words scattered across its page. A red
        flag's words found only so ("numbness in the saddle area") are no sign of the muscle
        (`MuscleSearch.run`)."""
        reading = self.reader.read(text)
        if reading is None:
            return False
        if muscle_id in reading.named or self.search_referral(muscle_id, text) is not None:
            return True
        hit = self._hit(self.muscles[muscle_id], reading.rest, reading.activities)
        return hit is not None and hit[0] in CLOSE_FIELDS

    def _said(self, muscle: Muscle, query: list[str],
              activities: Mapping[str, frozenset[str]]) -> str:
        """Which text of a muscle holds every query word, for `search_reason` (`_hit`); ""
        when none does."""
        hit = self._hit(muscle, query, activities)
        if hit is None:
            # No one text holds them all: an activity the query names and one text holding the
            # other words ("hip pain at night lying on my side": gluteus minimus is aggravated
            # by lying on one side, and wakes at night), as search found them.
            for activity in muscle.aggravated_by:
                left = [w for w in query if w not in activities.get(activity, frozenset())]
                if left != query and (rest := self._hit(muscle, left, {})) is not None:
                    return f"{_saying('activity', ACTIVITY_WORDS[activity])}; {_saying(*rest)}"
            return ""
        return _saying(*hit)

    def _hit(self, muscle: Muscle, query: list[str],
             activities: Mapping[str, frozenset[str]]) -> tuple[str, str] | None:
        """The field and text of a muscle that hold every query word: an activity the query
        names ("can't sit": sitting), else the best single text holding them, the hit that
        ranked the muscle; None when none does."""
        if not query:
            return None
        for activity in muscle.aggravated_by:
            if set(query) <= activities.get(activity, frozenset()):
                return "activity", ACTIVITY_WORDS[activity]
        # A text that holds each word whole before one that holds a longer word it begins, as
        # search ranks them ("sciatic": "the sciatic nerve", not "Sciatica").
        own = [word for word in query if self.texts.own_word(word)]
        held = [(all(any(form_of(word, w) for w in found_words) for word in own), weight, field,
                 found) for weight, field, found, found_words in self.texts.search_hits(muscle)
                if within(query, found_words)]
        if not held:
            return None
        _, _, field, found = max(held, key=lambda hit: hit[:2])  # the first of equals
        return field, found


def _saying(field: str, found: str) -> str:
    """A text that holds a query's words, as `search_reason` says it: "symptom “…”"."""
    if field == "name":
        return "by its name"
    if field == "activity":
        return f"{_FIELD_NAMES[field]} {found.split(';', 1)[0]}"
    return f"{_FIELD_NAMES[field]} “{found}”"
