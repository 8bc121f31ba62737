"""What a name typed on the command line stands for: a muscle or a zone, by its id, the name the
window shows or another of its names, in any case and punctuation. Never by a search of the
texts: "sciatica" names no muscle, however many refer pain like it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bodymap.model.problems import Unloaded
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
    mid" is as near glute med as glute min, "glutes" are all the glutes (`_kind_of`), "glute"
    the names it begins (`_cut_short`) and "hamstrings" both hamstrings (`_holding`)."""
    if typed in muscles:
        return [typed]
    names = {m.id: (m.id, m.name, *m.also_called, *_each(m.also_called))
             for m in muscles.values()}
    named = (called(names, typed) or _holding(muscles, typed) or _kind_of(names, typed)
             or _cut_short(muscles, typed))
    if named:
        return named
    forms: dict[str, set[str]] = {}
    for muscle_id, its in names.items():
        for name in its:
            forms.setdefault(id_form(name.split("(", 1)[0]), set()).add(muscle_id)
    meant = {m for form in respellings(id_form(typed), forms) for m in forms[form]}
    return [muscle_id for muscle_id in muscles if muscle_id in meant]


def unloaded_called(muscles: Mapping[str, Muscle], unloaded: Iterable[Unloaded],
                    typed: str) -> Unloaded | None:
    """The file left out for its mistakes that holds the muscle a name stands for: the first
    whose file name, `id:` or `name:` is that name (`called`: "adductor longus" of
    adductor_longus.yaml), when no muscle loaded is. A muscle the teacher just added is then
    said to be there, with its mistake, not to be unknown; a name only close to the file's is
    left to the loaded muscles' did-you-mean."""
    if typed in muscles or called({m.id: (m.id, m.name, *m.also_called)
                                   for m in muscles.values()}, typed):
        return None
    files = {file.file: file for file in unloaded}
    found = called({path: [name for name in file.names if name]
                    for path, file in files.items()}, typed)
    return files[found[0]] if found else None


def _each(names: Iterable[str]) -> list[str]:
    """The parts of each name that is two muscles' names joined ("Semitendinosus and
    semimembranosus", the medial hamstrings): each names the muscle too."""
    return [part for name in names if " and " in name for part in name.split(" and ")]


def _holding(muscles: Mapping[str, Muscle], typed: str) -> list[str]:
    """The muscles with a name, its bracketed part left out, that holds every typed word whole
    (or its plural or singular), small words aside, in any order.

    Which names count: the name the window shows, always; a name the muscle is also called
    only for words of the shown names (`_shown_words`). The shown names are the anatomical
    ones, so a word of one is a word for a muscle, and a nickname that has it calls its muscle
    by it: "hamstrings" is "Medial hamstrings" and "Lateral hamstrings" (biceps femoris) alike,
    and asks which. A nickname's other words may say what the muscle mimics or does, not what
    it is ("Pseudo-sciatica muscle", "Lumbago muscle", "Hip hiker", "Pear-shaped muscle"):
    typed alone they name no muscle, however a search finds it by them; typed whole, the
    nickname does (`called`)."""
    said = [{word} for word in words_of(typed) if word not in STOP_WORDS]
    shown = _shown_words(muscles)
    anatomical = all(any(_same(word, known) for known in shown) for (word,) in said)
    return _held(muscles, said, anatomical)


def _held(muscles: Mapping[str, Muscle], said: list[set[str]], anatomical: bool) -> list[str]:
    """The muscles with a name that holds, for each set of `said`, one of its words (`_same`):
    the shown name, and with `anatomical` the names it is also called (`_holding`)."""
    if not said:
        return []
    return [muscle.id for muscle in muscles.values()
            if any(all(any(_same(word, known) for word in words for known in its)
                       for words in said)
                   for its in map(_name_words, (muscle.name,
                                                *(muscle.also_called if anatomical else ()))))]


def _shown_words(muscles: Mapping[str, Muscle]) -> set[str]:
    """The words of the names the window shows, their bracketed parts left out."""
    return {word for muscle in muscles.values() for word in _name_words(muscle.name)}


def _name_words(name: str) -> list[str]:
    """The words of a name without its bracketed part."""
    return words_of(name.split("(", 1)[0])


def _same(word: str, known: str) -> bool:
    """Whether a typed word is a word of a name: the word, its plural or its singular
    ("hamstring" of "Medial hamstrings"), not a word it only ends like ("gluteu")."""
    return word == known or (is_plural(word) and stem(word) == known) or (
        is_plural(known) and stem(known) == word)


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


_SHORTEST_BEGINNING = 4  # letters: "glut" may mean gluteus; "il" means nothing yet


def _beginning(muscles: Mapping[str, Muscle], said: list[str]) -> list[str]:
    """For one word cut short, as nicknames shorten them ("glute" of gluteus, as in "Glute
    med"), the muscles whose shown name has a word it begins, in the data's order."""
    if len(said) != 1 or len(said[0]) < _SHORTEST_BEGINNING:
        return []
    return [m.id for m in muscles.values()
            if any(w.startswith(said[0]) for w in _name_words(m.name))]


def _cut_short(muscles: Mapping[str, Muscle], typed: str) -> list[str]:
    """The muscles a shown name's word cut short begins, when it begins two or more ("glute":
    gluteus maximus, medius and minimus): a short form of several names asks which, as
    "gluteus" does, rather than being no muscle's name. One it begins is only offered
    (`muscles_meant`): "longi" is no name yet."""
    found = _beginning(muscles, [w for w in words_of(typed) if w not in STOP_WORDS])
    return found if len(found) > 1 else []


def muscles_meant(muscles: Mapping[str, Muscle], typed: str) -> list[str]:
    """For a name that names no muscle (`muscles_named`), every muscle it is close to, best
    first. First those it names once each typed word is respelled as a word of the shown
    names (`respellings`; the names that count as in `_holding`): "glutius" is gluteus, so all
    three glutei; "hamstrngs" both hamstrings. Then, for one word cut short, those with a shown
    name that has a word it begins: "glute" (of the nicknames glute max, med and min) all
    three glutei. Then those with an id, a shown name or a name
    they are also called that difflib finds close to what was typed ("glutes medial": gluteus
    medius, minimus and maximus; "tlf": TFL). A name they are also called is compared only with
    as many words typed: "lumbago" is close to "Lumbago muscle" only by leaving out the noun
    that makes it a name, and a condition the muscle mimics is not its name. None when nothing
    is that close: "sciatica" is no muscle's name, though gluteus minimus is the
    pseudo-sciatica muscle."""
    import difflib  # only for a name no muscle is called

    said = [word for word in words_of(typed) if word not in STOP_WORDS]
    shown = _shown_words(muscles)
    respelled = [{known for known in shown if _same(word, known)}
                 or set(respellings(word, shown)) for word in said]
    meant = dict.fromkeys(_held(muscles, respelled, anatomical=True) if all(respelled) else [])
    meant.update(dict.fromkeys(_beginning(muscles, said)))  # one muscle's name cut short
    size = len(id_form(typed).split("_"))
    forms: dict[str, list[str]] = {}
    for muscle in muscles.values():
        for name in (muscle.id, muscle.name, *(
                other for other in muscle.also_called
                if len(id_form(other.split("(", 1)[0]).split("_")) == size)):
            forms.setdefault(id_form(name.split("(", 1)[0]), []).append(muscle.id)
    for form in difflib.get_close_matches(id_form(typed), list(forms), n=len(forms),
                                          cutoff=CUTOFF):
        meant.update(dict.fromkeys(forms[form]))
    return list(meant)
