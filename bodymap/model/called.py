"""What a name typed on the command line stands for: a muscle or a zone, by its id, the name the
window shows or another of its names, in any case and punctuation. Never by a search of the
texts: "sciatica" names no muscle, however many refer pain like it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bodymap.model.query import STOP_WORDS, is_plural, stem, words_of
from bodymap.model.schema import Muscle
from bodymap.model.spelling import CUTOFF, id_form, respellings


def called(names: Mapping[str, Iterable[str]], typed: str) -> list[str]:
    """The ids (`names`: id -> its names) one of whose names has the typed words, in any case and
    punctuation ("Gluteus Medius", "gluteus-medius", "SI joint"), a name's bracketed part left
    out or not ("Multifidus" of "Multifidus (with rotatores)")."""
    said = words_of(typed)
    return [known for known, its in names.items()
            if any(said in (words_of(name), words_of(name.split("(", 1)[0])) for name in its)]


def muscles_named(muscles: Mapping[str, Muscle], typed: str) -> list[str]:
    """The muscles a name typed on the command line may stand for, in the data's order: the
    muscle with that id; else those whose id, name or a name they are also called ("QL", "glute
    med") has the typed words (`called`); else those whose name holds each typed word, whole
    ("longissimus" of "Longissimus thoracis"; not its bracketed part: "lower" is no name of
    "Rectus abdominis (lower part)"); else those such a name of which it respells with the
    fewest letters wrong, as search allows ("piriformus"). One is the muscle meant; several are
    asked about, not guessed at: three are "Paraspinals", three names hold "gluteus", "glute
    mid" is as near glute med as glute min, and "glutes" are all the glutes (`_kind_of`)."""
    if typed in muscles:
        return [typed]
    names = {m.id: (m.id, m.name, *m.also_called) for m in muscles.values()}
    named = called(names, typed) or _holding(muscles, typed) or _kind_of(names, typed)
    if named:
        return named
    forms: dict[str, set[str]] = {}
    for muscle_id, its in names.items():
        for name in its:
            forms.setdefault(id_form(name.split("(", 1)[0]), set()).add(muscle_id)
    meant = {m for form in respellings(id_form(typed), forms) for m in forms[form]}
    return [muscle_id for muscle_id in muscles if muscle_id in meant]


def _holding(muscles: Mapping[str, Muscle], typed: str) -> list[str]:
    """The muscles whose name, its bracketed part left out, holds every typed word whole, small
    words aside, in any order."""
    said = {word for word in words_of(typed) if word not in STOP_WORDS}
    if not said:
        return []
    return [muscle.id for muscle in muscles.values()
            if said <= set(words_of(muscle.name.split("(", 1)[0]))]


def _kind_of(names: Mapping[str, Iterable[str]], typed: str) -> list[str]:
    """For a word typed as a plural, the muscles of that kind: those with a name, its bracketed
    part left out, that holds the word's singular, when two or more have one ("glutes": glute
    max, glute med and glute min). A plural that one muscle's name holds asks for no one
    muscle ("hips": the hip hiker is one muscle, not the hips)."""
    said = [word for word in words_of(typed) if word not in STOP_WORDS]
    if len(said) != 1 or not is_plural(said[0]):
        return []
    singular = stem(said[0])
    found = [known for known, its in names.items()
             if any(singular in words_of(name.split("(", 1)[0]) for name in its)]
    return found if len(found) > 1 else []


def muscles_meant(muscles: Mapping[str, Muscle], typed: str) -> list[str]:
    """For a name that names no muscle (`muscles_named`), the ids most like it, at most three,
    as difflib ranks them ("gluteus": the three glutei). None when nothing is that close:
    "sciatica" is no muscle's name, though gluteus minimus is the pseudo-sciatica muscle."""
    import difflib  # only for a name no muscle is called

    return difflib.get_close_matches(id_form(typed), list(muscles), n=3, cutoff=CUTOFF)
