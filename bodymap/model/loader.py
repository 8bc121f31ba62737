"""Load data folders (built-in first, then teachers' packs) into a Catalog.

A folder holds `zones.yaml`, `sources.yaml`, `guidance.yaml` (built-in only) and `muscles/*.yaml`;
every file is optional in a pack. Each file is read on its own into a `FileResult` (what it
defines, its problems, the ids it refers to), so a broken file costs only itself, and an unchanged
file comes from the cache without being parsed. Ids are then checked across all files.

A mistake either leaves something out until it is fixed, or only warns (an unknown key is
ignored, an unknown zone id is left out of its referral). What it leaves out is the whole file
(a muscle file's one mistake in a required field leaves out the whole muscle; a file that does
not parse) or one entry of it (a zone or source); each problem says which (`Problem.left_out`),
so the window and `validate` can say truly what loaded. The catalog's `skipped_files` are the
files that lost something, in whole or in part.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bodymap.model import layout, packfolder
from bodymap.model.cache import FileCache
from bodymap.model.catalog import Catalog
from bodymap.model.drawings import Drawn, undrawn
from bodymap.model.places import on_the_side_typed, zones_meant
from bodymap.model.problems import WHOLE_FILE, Location, Problem, unloaded_files
from bodymap.model.prose import listed
from bodymap.model.reader import Check, Fields, Reader, Reference, did_you_mean, required_keys
from bodymap.model.schema import (
    DiscomfortTarget,
    Guidance,
    HoldSeconds,
    Muscle,
    Referral,
    Source,
    Zone,
)
from bodymap.model.spelling import did_you_mean as offer
from bodymap.model.yamlnodes import LocatedDict, LocatedList, parse_bytes, read_bytes

# At most so many zones offered for an unknown zone id whose words name a place ("low_back").
MOST_OFFERED = 5


def builtin_data_dir() -> Path:
    from bodymap import resources  # resources is plain Python; imported late to keep model light

    return resources.data_dir()


def load_catalog(extra_dirs: Iterable[Path | str] = (), drawn: Drawn | None = None) -> Catalog:
    """The built-in data plus any teacher packs, with every problem found on the way. Given the
    ids the body drawings have a shape for (`bodymap.diagram.drawn_ids()`), it also says what
    they cannot show (see `drawings`)."""
    return load_dirs([builtin_data_dir(), *(Path(d) for d in extra_dirs)], drawn)


def load_dirs(dirs: Sequence[Path], drawn: Drawn | None = None) -> Catalog:
    loading = _Loading()
    for index, folder in enumerate(dirs):
        loading.folder(Path(folder), builtin=index == 0)
    return loading.finish(drawn)


def display_path(path: Path) -> str:
    """The path as a person would type it from here: relative when under the current folder or
    a folder above it (`..`, `../..`), else from the root (`../../other/pack` is hard to read)."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    # Checked on the string: a Path per file costs a pack of a thousand files ~10 ms.
    elsewhere = relative.startswith("..") and any(
        part != os.pardir for part in relative.split(os.sep))
    return str(path) if elsewhere else relative


def _referring_to(zones: dict[str, Zone], muscle: Muscle) -> Muscle:
    """The muscle with only the zones that are defined in its referrals. A zone id that is
    unknown (a typo), or whose definition was left out for its own mistake, is reported where it
    is written; left in, it would paint nothing and be a place no search, pain finder or study
    question could name."""
    def known(ids: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(zone for zone in ids if zone in zones)

    def kept(referral: Referral) -> Referral:
        return Referral(known(referral.essential), known(referral.spillover),
                        known(referral.bilateral), known(referral.provisional))

    if all(zone in zones for trp in muscle.trigger_points for zone in trp.referral.named()):
        return muscle
    return dataclasses.replace(muscle, trigger_points=tuple(
        dataclasses.replace(trp, referral=kept(trp.referral)) for trp in muscle.trigger_points))


@dataclass
class FileResult:
    """What one file contributes: definitions, guidance, problems and references to check."""

    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    defines: list[tuple[str, Any, Location]] = field(default_factory=list)  # (kind, item, id at)
    guidance: Guidance | None = None
    # (group id, part id, where the part is listed): checked once every zone is known
    zone_parts: list[tuple[str, str, Location]] = field(default_factory=list)
    # (kind, id) of what the file defines but left out for a mistake: not "unknown" elsewhere
    left_out: list[tuple[str, str]] = field(default_factory=list)
    # The `id:` and `name:` of a muscle file left out, as far as they could be read ("" where
    # not): a muscle asked for by one of them is said to be in this file (`Unloaded`).
    names: tuple[str, str] = ("", "")

    def reader(self) -> Reader:
        return Reader(self.problems, self.references, CHECKS)


class _Loading:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.tables: dict[str, dict[str, Any]] = {"zone": {}, "source": {}, "muscle": {}}
        self.defined_at: dict[tuple[str, str], Location] = {}
        self.guidance: Guidance | None = None
        self.caches: dict[Path, FileCache] = {}
        self.zone_parts: list[tuple[str, str, Location]] = []
        self.left_out: set[tuple[str, str]] = set()  # (kind, id) defined, but left out
        self.builtin: set[tuple[str, str]] = set()  # (kind, id) the built-in data defines
        # Files that may hold a muscle, by the names they give it (`Unloaded.names`): those
        # left out whole become the catalog's `unloaded`.
        self.named: dict[str, tuple[str, str, str]] = {}
        self.folder_of: dict[str, Path] = {}  # each file read, as problems name it: its folder
        # (folder, kind) -> the first mistake that leaves out that folder's whole zones.yaml or
        # sources.yaml: an id of that kind its files use and no entry of it gives is told so.
        self.listing_lost: dict[tuple[Path, str], Problem] = {}

    def skip(self, problem: Problem, left_out: str = WHOLE_FILE) -> None:
        """Report a problem that leaves out what its file describes, or one entry of it."""
        self.problems.append(dataclasses.replace(problem, left_out=left_out))

    def folder(self, folder: Path, builtin: bool) -> None:
        where = Location(display_path(folder), 1, 1)
        if folder.is_file():
            self.skip(where.problem(_a_file(folder)))
            return
        if not folder.is_dir():
            self.skip(where.problem("no such data folder"))
            return
        before = (len(self.problems), sum(len(table) for table in self.tables.values()))
        self.file(folder / "zones.yaml", builtin,
                  lambda *a: _listing(*a, key="zones", cls=Zone, check=_check_zone),
                  listing="zone")
        self.file(folder / "sources.yaml", builtin,
                  lambda *a: _listing(*a, key="sources", cls=Source), listing="source")
        guidance = folder / layout.GUIDANCE
        if builtin:
            self.file(guidance, True, _guidance)
        elif guidance.exists():
            self.skip(Location(display_path(guidance), 1, 1).problem(
                "guidance.yaml is only read from the built-in data; this file is ignored"))
        muscle_files = layout.muscle_files(folder)
        if builtin and not muscle_files:
            self.problems.append(where.problem("no muscles/*.yaml files in the built-in data"))
        for path in muscle_files:
            self.file(path, False, lambda *a, p=path: _muscle(*a, path=p),
                      lost=("muscle", path.stem))
        # A pack that defines nothing and has no mistake to explain why: most likely it is not
        # the pack folder (a pack's muscles/, or the folder packs sit in), or its files are not
        # where the loader looks (they are reported below).
        after = (len(self.problems), sum(len(table) for table in self.tables.values()))
        meant: list[Path] = []
        if not builtin and after == before:
            meant = packfolder.packs_meant(folder)
            self.problems.append(where.problem(_adds_nothing(folder, meant)))
        read = {folder / "zones.yaml", folder / "sources.yaml", guidance, *muscle_files}
        for path in layout.yaml_files(folder):
            # The files of a pack the folder's problem names are that pack's: told one by one
            # here, each would only repeat the folder's problem (and "move it to muscles/" a
            # file already there). Those out of place in it are told when it is given.
            if path not in read and not any(packfolder.absolute(path).is_relative_to(pack)
                                            for pack in meant):
                self.not_read(path, folder)
        if builtin:
            self.builtin = set(self.defined_at)

    def not_read(self, path: Path, folder: Path) -> None:
        """Report a YAML file the loader does not read, saying where such a file belongs."""
        display = display_path(path)
        content = read_bytes(path, display)[0]  # a broken file is still reported as not read
        document = parse_bytes(content, display)[0] if content is not None else None
        reason = layout.where_it_belongs(path, folder, document)
        self.skip(Location(display, 1, 1).problem(f"this file is not read: {reason}"))
        names = (_names_given(document) if document is not None else
                 _names_written(content) if content is not None else ("", ""))
        self.named[display] = (path.stem, *names)

    def file(self, path: Path, required: bool,
             parse: Callable[[Any, FileResult, Location], None],
             lost: tuple[str, str] | None = None, listing: str = "") -> None:
        """Read one file (from the cache when its bytes are unchanged) and take in its result.
        `lost` is what the file defines if it cannot be read at all (a muscle file: the muscle
        its name gives), so that what refers to it is not told it is unknown. A `listing` (the
        kind of entry a zones.yaml or sources.yaml lists) left out whole defines the ids its
        lines write, as far as they can be read, for the same reason (`_ids_written`)."""
        display = display_path(path)
        if not path.exists():
            if required:
                self.skip(Location(display, 1, 1).problem("file is missing"))
            return
        content, problems = read_bytes(path, display)
        if lost:
            self.named[display] = (path.stem, "", "")
        if content is None:
            for problem in problems:
                self.skip(problem)
            self.left_out.update([lost] if lost else [])
            if listing and problems:
                self.listing_lost[path.parent, listing] = min(problems)
            return
        folder = path.parent.parent if path.parent.name == "muscles" else path.parent
        self.folder_of[display] = folder
        cache = self.caches.get(folder) or self.caches.setdefault(folder, FileCache(folder))
        result = cache.get(path, display, content)
        if result is None:
            result = FileResult()
            document, result.problems = parse_bytes(content, display)
            if document is not None:
                parse(document, result, Location(display, 1, 1))
            else:
                result.left_out.extend([lost] if lost else [])
                result.names = _names_written(content) if lost else ("", "")
                if not result.problems:
                    result.problems.append(Location(display, 1, 1).problem("file is empty"))
                result.problems = [dataclasses.replace(p, left_out=WHOLE_FILE)
                                   for p in result.problems]
            if listing and any(p.left_out == WHOLE_FILE for p in result.problems):
                result.left_out.extend((listing, i) for i in _ids_written(content))
            cache.put(path, display, content, result)
        whole = [p for p in result.problems if p.left_out == WHOLE_FILE]
        if listing and whole:
            self.listing_lost[path.parent, listing] = min(whole)
        self.problems.extend(result.problems)
        self.references.extend(result.references)
        self.zone_parts.extend(result.zone_parts)
        self.left_out.update(result.left_out)
        if lost:
            self.named[display] = (path.stem, *result.names)
        for kind, item, where in result.defines:
            self.define(kind, item, where)
        if result.guidance is not None:
            self.guidance = result.guidance

    def define(self, kind: str, item: Any, where: Location) -> None:
        first = self.defined_at.get((kind, item.id))
        if first is not None:
            builtin = (kind, item.id) in self.builtin
            self.skip(where.problem(_defined_twice(kind, item.id, first, builtin)),
                      WHOLE_FILE if kind == "muscle" else f"{kind} '{item.id}'")
            return
        self.defined_at[kind, item.id] = where
        self.tables[kind][item.id] = item

    def finish(self, drawn: Drawn | None) -> Catalog:
        for cache in self.caches.values():
            cache.save()
        known = {
            **self.tables,
            "technique": {t.id: t for t in self.guidance.techniques} if self.guidance else {},
        }
        group_of_part = {where: group for group, _, where in self.zone_parts}
        for ref in self.references:
            # An id whose definition was left out for a mistake is not unknown: that mistake is
            # reported where it is, and fixing it fixes what refers to it too.
            if ref.id not in known[ref.kind] and (ref.kind, ref.id) not in self.left_out:
                # A group is never offered as its own part: it would list itself.
                own = group_of_part.get(ref.location)
                hint = ""
                if ref.kind == "zone":
                    # As `export --zones` reads a zone typed: an id a letter or two off, else
                    # the zones its words name as a place ("inner_knee": the inner back of the
                    # knee; "low_back" is no typo of lower_buttock).
                    meant = [z for z in zones_meant(self.tables["zone"], ref.id) if z != own]
                    hint = f"; {offer(meant[:MOST_OFFERED])}" if meant else ""
                hint = hint or did_you_mean(ref.id, (
                    k for k in known[ref.kind] if k != own and (ref.kind != "zone" or (
                        on_the_side_typed(self.tables["zone"], ref.id, k)))))
                folder = self.folder_of.get(ref.location.file)
                unread = self.listing_lost.get((folder, ref.kind)) if folder else None
                if unread is not None:
                    # Its pack's file that would declare it was not loaded: that is said first,
                    # and an entry is asked for only as no line of that file gives one.
                    self.problems.append(ref.location.problem(_not_in_unread(ref, unread, hint)))
                    continue
                if not hint and ref.kind == "zone":
                    hint = "; the zone ids are listed by: bodymap list zones"
                if not hint and ref.kind == "source":
                    hint = _where_sources_go(ref.id, folder)
                self.problems.append(ref.location.problem(f"unknown {ref.kind} '{ref.id}'{hint}"))
        self.check_zone_groups()
        self.leave_out_empty_groups()
        if drawn is not None:
            self.problems.extend(undrawn(drawn, self.defined_at, self.tables["zone"]))
        problems = sorted(set(self.problems), key=lambda p: (p.file, p.line, p.column, p.message))
        skipped = {problem.file for problem in problems if problem.left_out}
        zones = self.tables["zone"]
        muscles = {muscle_id: _referring_to(zones, muscle)
                   for muscle_id, muscle in self.tables["muscle"].items()}
        shaped = drawn.get("muscle", ()) if drawn is not None else muscles
        return Catalog(muscles, zones, self.tables["source"], self.guidance, problems,
                       skipped_files=skipped, unloaded=unloaded_files(problems, self.named),
                       undrawn_muscles=[m for m in muscles if m not in shaped])

    def check_zone_groups(self) -> None:
        """A group's parts must be drawn zones: a group inside a group is a mistake (the
        Catalog then leaves that part out). Unknown parts were reported with the other ids. A
        group left out for another mistake (its label, say) is checked as well.

        Except a built-in group in a pack's group: it is the old id of a built-in zone split
        since (`posterior_knee`, now its inner and outer halves), which a pack written before
        the split lists as a drawn zone. It stands for its parts there, as it does in a
        referral, and the pack's group is given them in its place (`_old_ids_as_parts`)."""
        self._old_ids_as_parts()  # first, so a mistake names the drawn parts to list
        zones = self.tables["zone"]
        for group, part, where in self.zone_parts:
            if part == group:
                self.problems.append(where.problem(f"zone group '{group}' lists itself"))
            elif (zones.get(part) is not None and zones[part].is_group
                    and not self._an_old_id(group, part)):
                inner = ", ".join(zones[part].parts)
                self.problems.append(where.problem(
                    f"'{part}' is a zone group itself; a group's parts must be drawn zones: "
                    f"list its parts ({inner}) instead"))

    def _an_old_id(self, group: str, part: str) -> bool:
        """Whether a group's part is a built-in group listed by a pack's group (see
        `check_zone_groups`)."""
        return ("zone", part) in self.builtin and ("zone", group) not in self.builtin

    def _old_ids_as_parts(self) -> None:
        """Each pack group that lists a built-in group, with that group's parts in its place."""
        zones = self.tables["zone"]
        for group_id, zone in list(zones.items()):
            if not zone.is_group:
                continue
            parts = tuple(dict.fromkeys(
                inner for part in zone.parts
                for inner in (zones[part].parts if part in zones and zones[part].is_group
                              and self._an_old_id(group_id, part) else (part,))))
            if parts != zone.parts:
                zones[group_id] = dataclasses.replace(zone, parts=parts)

    def leave_out_empty_groups(self) -> None:
        """A group none of whose parts is a drawn zone stands for nothing, so the Catalog leaves
        it out: its parts' mistakes are what leave it out. A part left out for a mistake where
        it is defined has no mistake where the group lists it, so one is reported there: else
        the group would vanish unnamed."""
        zones = self.tables["zone"]
        spots: dict[tuple[str, int, int], str] = {}
        for group, part, where in self.zone_parts:
            zone = zones.get(group)
            if (zone is None or not zone.is_group or self.defined_at["zone", group].file !=
                    where.file or any(p in zones and not zones[p].is_group for p in zone.parts)):
                continue
            spots[where.file, where.line, where.column] = lost = f"zone '{group}'"
            if ("zone", part) in self.left_out:
                self.problems.append(where.problem(
                    f"zone '{part}' was left out for its own mistake, so zone group '{group}' "
                    "has no part to stand for until that is fixed", left_out=lost))
        if spots:
            self.problems = [
                dataclasses.replace(p, left_out=spots[p.file, p.line, p.column])
                if not p.left_out and (p.file, p.line, p.column) in spots else p
                for p in self.problems
            ]


_SAID = {".": "the current folder", "..": "the folder above"}  # what "." and ".." stand for


def _named(folder: Path) -> str:
    """A folder as a person would type it, the current one and the one above included."""
    shown = display_path(folder)
    return f"{shown} ({_SAID[shown]})" if shown in _SAID else shown


def _a_file(path: Path) -> str:
    """What to give in place of a file where a pack folder is asked for (`--data`)."""
    pack = packfolder.pack_of(path)
    if pack is None:
        return (f"this is a file, not a data folder: give the pack folder it belongs in (a pack "
                f"holds {layout.PACK_FILES})")
    return f"this is a file, not a data folder: give the pack folder that holds it, {_named(pack)}"


def _adds_nothing(folder: Path, meant: list[Path]) -> str:
    """Why a folder given as a pack adds nothing: it is a pack's muscles/, it holds packs (the
    packs `meant`, `packfolder.packs_meant`), or its files are not where the loader looks."""
    folder = packfolder.absolute(folder)
    if meant == [folder.parent]:
        return (f"this is a pack's {layout.MUSCLES}/ folder, not a pack: give the folder that "
                f"holds it, {_named(folder.parent)}, as the pack")
    if meant:
        packs = ", ".join(display_path(pack) for pack in meant)
        return (f"this folder is not a pack, but holds {'one' if len(meant) == 1 else 'several'}: "
                f"give {packs} as the pack{'s' * (len(meant) > 1)}")
    return f"this pack adds no muscle, zone or source: bodymap reads {layout.PACK_FILES} in it"


def _where_sources_go(source_id: str, folder: Path | None) -> str:
    """The hint for an unknown source id with no close one: where the file that names it has
    its sources declared, the sources.yaml of its own pack (said as the path that is read), and
    what an entry there holds."""
    if folder is None:
        return ""
    sources = folder / "sources.yaml"
    shown = display_path(sources)
    keys = listed(key for key in required_keys(Source) if key != "id")
    entry = f"an entry with id: {source_id} (and its {keys})"
    if sources.exists():
        return f"; sources are declared in the pack's sources.yaml: add {entry} to {shown}"
    return (f"; sources are declared in the pack's sources.yaml, which this pack does not have "
            f"yet: create {shown} with a 'sources:' list holding {entry}")


def _not_in_unread(ref: Reference, unread: Problem, hint: str) -> str:
    """An id no definition gives, used in a pack whose zones.yaml or sources.yaml (where it
    would be declared) was not loaded: that file's mistake first, with where it is, then that
    no line of the file gives the id, and what to add (a source), or the zones meant (a
    zone)."""
    said = (f"{ref.kind} '{ref.id}' is not known: the pack's {Path(unread.file).name} was not "
            f"loaded ({unread}), and no line of it gives id: {ref.id}")
    if hint:
        return f"{said}{hint}"
    if ref.kind == "source":
        keys = listed(key for key in required_keys(Source) if key != "id")
        return f"{said}, so add an entry with id: {ref.id} (and its {keys}) as you fix it"
    return f"{said}; the zone ids are listed by: bodymap list zones"


def _defined_twice(kind: str, item_id: str, first: Location, builtin: bool) -> str:
    """Why a second definition of an id is left out, and what to do instead. It is most often
    a built-in file copied into a pack to correct it. A pack cannot replace built-in data (the
    first definition stays), and a copy under a new id has no shape in the drawings, so the
    teacher is told both, and where a correction of the built-in data belongs."""
    already = (f"{kind} id '{item_id}' is already defined at "
               f"{first.file}:{first.line}:{first.column}")
    new = f"{item_id}_custom"
    if builtin and kind == "muscle":
        return (f"{already}, a built-in muscle, which a pack cannot replace: this copy is left "
                "out and the built-in one is shown. To correct the built-in muscle, edit "
                f"data/muscles/{item_id}.yaml in the bodymap source; to keep your version "
                f"beside it, give it a new id and file name, e.g. {new}: it is then listed and "
                "found by search, but has no shape on the body")
    if builtin and kind == "zone":
        return (f"{already}, a built-in zone, which a pack cannot replace: this entry is left "
                f"out and the built-in one is used wherever '{item_id}' is named, so delete "
                "this entry (a copy under a new id would have no shape on the body, so it would "
                "never be painted). To correct the built-in zone, edit data/zones.yaml in the "
                "bodymap source")
    fix = (f"give it a new id, e.g. {new}, and rename the file {new}.yaml" if kind == "muscle"
           else f"give it a new id, e.g. {new}, and use that id where you refer to it")
    return (f"{already}; this one is left out: ids must be unique, so {fix}, or delete this "
            f"{'file' if kind == 'muscle' else 'entry'} to use the one already defined")


# -- one function per kind of file ---------------------------------------------------------------

def _listing(document: Any, result: FileResult, start: Location, key: str, cls: type,
             check: Callable[[Fields, FileResult], None] | None = None) -> None:
    """zones.yaml or sources.yaml: a top-level key holding a list of entries."""
    if not isinstance(document, LocatedDict) or key not in document:
        result.problems.append(start.problem(f"expected a top-level '{key}:' list",
                                             left_out=WHOLE_FILE))
        return
    for other in document:
        if other != key:
            result.problems.append(document.key_where(other).problem(f"unknown key '{other}'"))
    entries = document[key]
    if not isinstance(entries, LocatedList):
        result.problems.append(document.where(key).problem(f"'{key}' must be a list",
                                                            left_out=WHOLE_FILE))
        return
    reader, kind = result.reader(), key.removesuffix("s")
    for index, entry in enumerate(entries):
        where = entries.item_where(index)
        fields = reader.read_fields(cls, entry, where)
        if check is not None and fields.node is not None:
            check(fields, result)
        item = fields.build()
        if item is not None:
            result.defines.append((kind, item, entry.where("id")))
        elif fields.clean("id"):
            reader.leave_out(fields, f"{kind} '{fields['id']}'")
            result.left_out.append((kind, fields["id"]))
        else:
            reader.leave_out(fields, f"the {kind} at line {where.line}")


def _check_zone(zone: Fields, result: FileResult) -> None:
    """A drawn zone needs `views`; a group (`parts`) is not drawn, so it takes no `views` or
    `midline` (its parts carry them). A mistake is reported and the zone still defined, so
    referrals to it do not also fail; the Catalog clears a group's `views` and sets its
    `midline` from its parts."""
    problems, node = result.problems, zone.node
    parts = zone.get("parts", ())  # the parts that were read right
    if not parts:
        if "views" not in node and "parts" not in node:
            problems.append(node.location.problem(
                "zone is missing 'views' (the diagrams that draw it); a group of zones lists "
                "'parts' instead"))
        return
    group = zone.get("id", "")
    for key in ("views", "midline"):
        if key in node:
            problems.append(node.key_where(key).problem(
                f"zone group '{group}' is not drawn itself, so it takes no '{key}': remove "
                f"it (its parts carry their own)" if group else
                f"a zone group is not drawn itself, so it takes no '{key}': remove it (its "
                f"parts carry their own)"))
    seen: set[str] = set()
    for part, where in _right_items(node, "parts", parts):
        if part in seen:
            problems.append(where.problem(f"part '{part}' is listed twice"))
        seen.add(part)
        result.zone_parts.append((group, part, where))


def _right_items(node: LocatedDict, key: str,
                 right: Sequence[str]) -> Iterable[tuple[str, Location]]:
    """The items of the list under `key` that were read right, each with where it is."""
    listed = set(right)
    items = node[key]
    for index, item in enumerate(items):
        if isinstance(item, str) and item in listed:
            yield item, items.item_where(index)


def _guidance(document: Any, result: FileResult, start: Location) -> None:
    reader = result.reader()
    fields = reader.read_fields(Guidance, document, start)
    result.guidance = fields.build()
    if result.guidance is None:
        reader.leave_out(fields, WHOLE_FILE)


def _muscle(document: Any, result: FileResult, start: Location, path: Path) -> None:
    reader = result.reader()
    fields = reader.read_fields(Muscle, document, start)
    if fields.node is not None:
        _check_muscle(fields, path, result.problems)
    muscle = fields.build(file=path)
    if muscle is None:
        reader.leave_out(fields, WHOLE_FILE)
        result.left_out.append(("muscle", fields["id"] if fields.clean("id") else path.stem))
        result.names = _names_given(document)
        return
    result.defines.append(("muscle", muscle, document.where("id")))


def _names_given(document: Any) -> tuple[str, str]:
    """The `id:` and `name:` of a document that was read but not loaded, "" where it has none
    as text."""
    if not isinstance(document, dict):
        return ("", "")
    said = [document.get(key) for key in ("id", "name")]
    return (said[0].strip() if isinstance(said[0], str) else "",
            said[1].strip() if isinstance(said[1], str) else "")


# A top-level `id:` or `name:` line, its value plain or in quotes, a comment after it aside.
_NAME_LINE = re.compile(
    r"""^(id|name):[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:\#.*)?$""",
    re.MULTILINE)


def _names_written(content: bytes) -> tuple[str, str]:
    """The `id:` and `name:` a file that YAML could not read writes at the top level, each the
    first such line, "" where there is none: read line by line, as the text stands, so that a
    syntax error elsewhere in the file does not hide which muscle it holds."""
    found: dict[str, str] = {}
    for match in _NAME_LINE.finditer(content.decode("utf-8", errors="replace")):
        value = next((v for v in match.group(2, 3, 4) if v is not None), "").strip()
        if value:
            found.setdefault(match.group(1), value)
    return (found.get("id", ""), found.get("name", ""))


# An `id:` key on a line of its own or after a list item's dash, its value plain or in quotes.
_ID_LINE = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?id:[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:\#.*)?$""",
    re.MULTILINE)


def _ids_written(content: bytes) -> list[str]:
    """The entry ids a zones.yaml or sources.yaml that was not loaded writes, read line by line
    as the text stands (as `_names_written` reads a muscle file's), so that an entry the file
    holds is not also called unknown where it is used: fixing the file's mistake fixes both."""
    text = content.decode("utf-8", errors="replace")
    return [value for match in _ID_LINE.finditer(text)
            if (value := next(v for v in match.group(1, 2, 3) if v is not None).strip())]


def _check_muscle(muscle: Fields, path: Path, problems: list[Problem]) -> None:
    """Rules that involve the file or more than one trigger point."""
    node = muscle.node
    if muscle.clean("id") and muscle["id"] != path.stem:
        problems.append(node.where("id").problem(
            f"id '{muscle['id']}' does not match the file name '{path.name}'"))
    seen: set[str] = set()
    for trp in muscle.get("trigger_points", ()):  # each as far as it could be read
        if not trp.clean("id"):
            continue
        if trp["id"] in seen:
            problems.append(trp.node.where("id").problem(
                f"trigger point id '{trp['id']}' is used twice in this muscle"))
        seen.add(trp["id"])


def _check_referral(referral: Fields, problems: list[Problem]) -> None:
    node = referral.node
    both = set(referral.get("essential", ())) & set(referral.get("spillover", ()))
    if both:
        problems.append(node.where("spillover").problem(
            f"zone {', '.join(sorted(both))} is listed as both essential and spillover"))
    _check_subset(referral, "bilateral", "are felt on both sides", problems)
    _check_subset(referral, "provisional", "the sources do not settle", problems)


def _check_subset(referral: Fields, key: str, meaning: str, problems: list[Problem]) -> None:
    """`bilateral` and `provisional` say something of some of the referral's own zones, so each
    zone in them must be one of its essential or spillover zones (they add no zone of their
    own)."""
    node = referral.node
    if not isinstance(node.get(key), LocatedList):
        return
    # Whether a zone is missing from them can only be told when both lists were read right.
    known = referral.clean("essential") and ("spillover" not in node or
                                             referral.clean("spillover"))
    listed = {*referral.get("essential", ()), *referral.get("spillover", ())}
    seen: set[str] = set()
    for zone, where in _right_items(node, key, referral.get(key, ())):
        if zone in seen:
            problems.append(where.problem(f"zone '{zone}' is listed twice in '{key}'"))
        elif known and zone not in listed:
            problems.append(where.problem(
                f"zone '{zone}' is in '{key}' but not in this referral's 'essential' or "
                f"'spillover': list it there too ('{key}' says which of them {meaning})"))
        seen.add(zone)


def _check_discomfort(target: Fields, problems: list[Problem]) -> None:
    if not target.clean("start"):
        return
    node, start = target.node, target["start"]
    if len(start) != 2 or start[0] > start[1]:
        problems.append(node.where("start").problem("'start' must be [low, high], low <= high"))
    elif target.clean("release_at") and target["release_at"] > start[0]:
        problems.append(node.where("release_at").problem(
            "'release_at' must not be above the start of the discomfort target"))


def _check_hold(hold: Fields, problems: list[Problem]) -> None:
    if hold.clean("typical") and hold.clean("max") and hold["typical"] > hold["max"]:
        problems.append(hold.node.where("max").problem("'max' is below 'typical'"))


# Cross-field rules by schema class, run on what could be read of every such object, wherever
# it sits (a technique's targets are checked in a muscle file and in guidance.yaml alike).
CHECKS: dict[type, Check] = {
    Referral: _check_referral,
    DiscomfortTarget: _check_discomfort,
    HoldSeconds: _check_hold,
}
