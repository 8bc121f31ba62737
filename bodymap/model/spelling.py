"""Did you mean: the known word closest to a mistyped one."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from bodymap.model.prose import listed

# How close a word must be to a known one to be taken for it (difflib's
# own default), in search and in `bodymap validate`: "piriformus" is piriformis, "zzzz" nothing.
CUTOFF = 0.6

# Words for conditions and findings that a student may type and that no muscle's text need hold.
# Search never takes one of them for another word: "fever" is no typo of "severe", nor "cancer"
# of "car", and a respelling must never open a muscle to treat for a condition's name.
MEDICAL_WORDS = frozenset([
    "abscess", "aneurysm", "appendicitis", "arthritis", "bleeding", "bruise", "bruised",
    "bruises", "bruising", "cancer", "carcinoma", "cauda", "chills", "clot", "clots",
    "diabetes", "diabetic", "diastasis", "dvt", "embolism", "endometriosis", "epilepsy",
    "equina", "fever", "feverish", "fracture", "fractured", "fractures", "haemorrhage",
    "hemorrhage", "hernia", "hiv", "incontinence", "incontinent", "infection", "infected",
    "inflamed", "inflammation", "kidney", "kidneys", "leukaemia", "leukemia", "lymphoma",
    "malignancy", "malignant", "metastases", "metastasis", "myeloma", "osteopenia",
    "osteoporosis", "pregnancy", "pregnant", "prolapse", "sepsis", "shingles", "steroids",
    "stroke", "surgery", "thrombosis", "tuberculosis", "tumor", "tumors", "tumour", "tumours",
    "ulcer", "varicose",
])


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known word most like `word`, if any is close enough."""
    import difflib  # only when a word is not known: most searches never need it

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=CUTOFF)
    return close[0] if close else None


def typos_allowed(word: str) -> int:
    """How many typos (a letter wrong, missing, extra, or two swapped) a word may hold and still
    be taken for another: none under 5 letters, one up to 7, two from 8. difflib's ratio alone
    took "fever" for "severe" and "cancer" for "car": half a short word can differ at 0.6."""
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def typos(word: str, other: str) -> int:
    """The typos between two words: letters changed, left out, added or swapped with the next
    (the optimal string alignment distance)."""
    before: list[int] = []
    row = list(range(len(other) + 1))
    for i, a in enumerate(word, 1):
        earlier, before, row = before, row, [i] + [0] * len(other)
        for j, b in enumerate(other, 1):
            row[j] = min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (a != b))
            if i > 1 and j > 1 and a == other[j - 2] and word[i - 2] == b:
                row[j] = min(row[j], earlier[j - 2] + 1)
    return row[-1]


def _form_of(word: str, other: str) -> bool:
    """Whether two words are forms of one ("pregnant", "pregnancy"): they differ only in their
    last two letters or fewer (and at least five letters are shared)."""
    shared = next((n for n, (a, b) in enumerate(zip(word, other, strict=False)) if a != b),
                  min(len(word), len(other)))
    return shared >= max(5, len(word) - 2)


def respelling(word: str, known: Iterable[str], real: Collection[str] = ()) -> str | None:
    """The known word someone meant who typed `word` that search does not know, or None: the
    known word with the fewest typos, at most `typos_allowed`. A word that is itself a real word
    (`real`: say the words of the red flags and the cautions, and `MEDICAL_WORDS`) is no typo:
    it is only taken for another form of itself ("pregnant" for "pregnancy")."""
    found = respellings(word, known, real)
    return found[0] if found else None


def respellings(word: str, known: Iterable[str], real: Collection[str] = ()) -> list[str]:
    """Every known word `respelling` could take `word` for: those with its fewest typos, the one
    difflib ranks first first. More than one is a tie that the command line asks about rather
    than guess ("glute mid": glute med or glute min)."""
    allowed = typos_allowed(word)
    if not allowed:
        return []
    import difflib  # only when a word is not known: most searches never need it

    is_real = word in real or word in MEDICAL_WORDS
    best: dict[str, int] = {}
    # difflib finds the likely few quickly; the typo count decides among them.
    for other in difflib.get_close_matches(word, list(known), n=8, cutoff=CUTOFF):
        if is_real and not _form_of(word, other):
            continue
        if (count := typos(word, other)) <= allowed:
            best[other] = count
    fewest = min(best.values(), default=0)
    return [other for other, count in best.items() if count == fewest]


def id_form(typed: str) -> str:
    """What was typed, written as an id is: "SI joint" as si_joint."""
    return "_".join(typed.lower().replace("-", " ").split())


def did_you_mean(meant: Sequence[str]) -> str:
    """The question that offers what was meant, best first: "did you mean 'a', 'b' or 'c'?"."""
    quoted = [f"'{known}'" for known in meant]
    return f"did you mean {listed(quoted, 'or')}?"
