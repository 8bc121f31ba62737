"""Load data folders (built-in first, then teachers' packs) into a Catalog.

A folder holds `zones.yaml`, `sources.yaml`, `guidance.yaml` (built-in only) and `muscles/*.yaml`;
every file is optional in a pack. Each file is read on its own into a `FileResult` (what it
defines, its problems, the ids it refers to), so a broken file costs only itself, and an unchanged
file comes from the cache without being parsed. Ids are then checked across all files.

A file with a mistake is either *skipped* (a muscle, zone or source it describes is left out until
the mistake is fixed: a muscle file's one mistake in a required field leaves out the whole muscle)
or loaded with warnings (an unknown key is ignored, an unknown zone id paints nothing). The
catalog keeps the skipped files, so the window can say which is which.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bodymap.model import layout
from bodymap.model.cache import FileCache
from bodymap.model.catalog import Catalog
from bodymap.model.drawings import Drawn, undrawn
from bodymap.model.problems import Location, Problem
from bodymap.model.reader import Reader, Reference, did_you_mean
from bodymap.model.schema import Guidance, Muscle, Referral, Source, Technique, Zone
from bodymap.model.yamlnodes import LocatedDict, LocatedList, parse_bytes, read_bytes


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
    """The path as a person would type it from here: relative when under the current folder."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


@dataclass
class FileResult:
    """What one file contributes: definitions, guidance, problems and references to check."""

    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    defines: list[tuple[str, Any, Location]] = field(default_factory=list)  # (kind, item, id at)
    guidance: Guidance | None = None
    # (group id, part id, where the part is listed): checked once every zone is known
    zone_parts: list[tuple[str, str, Location]] = field(default_factory=list)
    skipped: bool = False  # a muscle, zone or source in the file was left out for a mistake

    def reader(self) -> Reader:
        return Reader(self.problems, self.references)


class _Loading:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.tables: dict[str, dict[str, Any]] = {"zone": {}, "source": {}, "muscle": {}}
        self.defined_at: dict[tuple[str, str], Location] = {}
        self.guidance: Guidance | None = None
        self.caches: dict[Path, FileCache] = {}
        self.zone_parts: list[tuple[str, str, Location]] = []
        self.skipped: set[str] = set()  # files (as problems name them) left out in part or whole

    def skip(self, problem: Problem) -> None:
        """Report a problem that leaves out what its file describes."""
        self.problems.append(problem)
        self.skipped.add(problem.file)

    def folder(self, folder: Path, builtin: bool) -> None:
        where = Location(display_path(folder), 1, 1)
        if not folder.is_dir():
            self.skip(where.problem("no such data folder"))
            return
        before = (len(self.problems), sum(len(table) for table in self.tables.values()))
        self.file(folder / "zones.yaml", builtin,
                  lambda *a: _listing(*a, key="zones", cls=Zone, check=_check_zone))
        self.file(folder / "sources.yaml", builtin,
                  lambda *a: _listing(*a, key="sources", cls=Source))
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
            self.file(path, False, lambda *a, p=path: _muscle(*a, path=p))
        # A pack that defines nothing and has no mistake to explain why: most likely its files
        # are not where the loader looks (they are reported below).
        after = (len(self.problems), sum(len(table) for table in self.tables.values()))
        if not builtin and after == before:
            self.problems.append(where.problem(
                f"this pack adds no muscle, zone or source: bodymap reads {layout.PACK_FILES} "
                "in it"))
        read = {folder / "zones.yaml", folder / "sources.yaml", guidance, *muscle_files}
        for path in layout.yaml_files(folder):
            if path not in read:
                self.not_read(path, folder)

    def not_read(self, path: Path, folder: Path) -> None:
        """Report a YAML file the loader does not read, saying where such a file belongs."""
        display = display_path(path)
        content = read_bytes(path, display)[0]  # a broken file is still reported as not read
        document = parse_bytes(content, display)[0] if content is not None else None
        reason = layout.where_it_belongs(path, folder, document)
        self.skip(Location(display, 1, 1).problem(f"this file is not read: {reason}"))

    def file(self, path: Path, required: bool,
             parse: Callable[[Any, FileResult, Location], None]) -> None:
        """Read one file (from the cache when its bytes are unchanged) and take in its result."""
        display = display_path(path)
        if not path.exists():
            if required:
                self.skip(Location(display, 1, 1).problem("file is missing"))
            return
        content, problems = read_bytes(path, display)
        if content is None:
            self.problems.extend(problems)
            self.skipped.add(display)
            return
        folder = path.parent.parent if path.parent.name == "muscles" else path.parent
        cache = self.caches.get(folder) or self.caches.setdefault(folder, FileCache(folder))
        result = cache.get(path, display, content)
        if result is None:
            result = FileResult()
            document, result.problems = parse_bytes(content, display)
            if document is not None:
                parse(document, result, Location(display, 1, 1))
            else:
                result.skipped = True
                if not result.problems:
                    result.problems.append(Location(display, 1, 1).problem("file is empty"))
            cache.put(path, display, content, result)
        self.problems.extend(result.problems)
        self.references.extend(result.references)
        self.zone_parts.extend(result.zone_parts)
        if result.skipped:
            self.skipped.add(display)
        for kind, item, where in result.defines:
            self.define(kind, item, where)
        if result.guidance is not None:
            self.guidance = result.guidance

    def define(self, kind: str, item: Any, where: Location) -> None:
        first = self.defined_at.get((kind, item.id))
        if first is not None:
            # Most often a built-in file copied into a pack to adapt it: say how to keep both.
            new = f"{item.id}_custom"
            fix = (f"give it a new id, e.g. {new}, and rename the file {new}.yaml"
                   if kind == "muscle" else
                   f"give it a new id, e.g. {new}, and use that id where you refer to it")
            self.skip(where.problem(
                f"{kind} id '{item.id}' is already defined at "
                f"{first.file}:{first.line}:{first.column}; this one is left out: ids must be "
                f"unique, so {fix}, or delete this {'file' if kind == 'muscle' else 'entry'} "
                f"to use the one already defined"))
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
        for ref in self.references:
            if ref.id not in known[ref.kind]:
                hint = did_you_mean(ref.id, known[ref.kind])
                self.problems.append(ref.location.problem(f"unknown {ref.kind} '{ref.id}'{hint}"))
        self.check_zone_groups()
        if drawn is not None:
            self.problems.extend(undrawn(drawn, self.defined_at, self.tables["zone"]))
        problems = sorted(set(self.problems), key=lambda p: (p.file, p.line, p.column, p.message))
        return Catalog(self.tables["muscle"], self.tables["zone"], self.tables["source"],
                       self.guidance, problems, skipped_files=self.skipped)

    def check_zone_groups(self) -> None:
        """A group's parts must be drawn zones: a group inside a group is a mistake (the
        Catalog then leaves that part out). Unknown parts were reported with the other ids."""
        zones = self.tables["zone"]
        for group, part, where in self.zone_parts:
            if zones.get(group) is None or zones.get(part) is None or not zones[part].is_group:
                continue
            if part == group:
                self.problems.append(where.problem(f"zone group '{group}' lists itself"))
            else:
                inner = ", ".join(zones[part].parts)
                self.problems.append(where.problem(
                    f"'{part}' is a zone group itself; a group's parts must be drawn zones: "
                    f"list its parts ({inner}) instead"))


# -- one function per kind of file ---------------------------------------------------------------

def _listing(document: Any, result: FileResult, start: Location, key: str, cls: type,
             check: Callable[[Any, LocatedDict, FileResult], Any] | None = None) -> None:
    """zones.yaml or sources.yaml: a top-level key holding a list of entries."""
    if not isinstance(document, LocatedDict) or key not in document:
        result.problems.append(start.problem(f"expected a top-level '{key}:' list"))
        result.skipped = True
        return
    for other in document:
        if other != key:
            result.problems.append(document.key_where(other).problem(f"unknown key '{other}'"))
    entries = document[key]
    if not isinstance(entries, LocatedList):
        result.problems.append(document.where(key).problem(f"'{key}' must be a list"))
        result.skipped = True
        return
    reader = result.reader()
    for index, entry in enumerate(entries):
        item = reader.read(cls, entry, entries.item_where(index))
        if item is not None and check is not None:
            item = check(item, entry, result)
        if item is not None:
            result.defines.append((key.removesuffix("s"), item, entry.where("id")))
        else:
            result.skipped = True


def _check_zone(zone: Zone, node: LocatedDict, result: FileResult) -> Zone:
    """A drawn zone needs `views`; a group (`parts`) is not drawn, so it takes no `views` or
    `midline` (its parts carry them). A mistake is reported and the zone still defined, so
    referrals to it do not also fail."""
    problems = result.problems
    if not zone.is_group:
        if "views" not in node and "parts" not in node:
            problems.append(node.location.problem(
                "zone is missing 'views' (the diagrams that draw it); a group of zones lists "
                "'parts' instead"))
        return zone
    for key in ("views", "midline"):
        if key in node:
            problems.append(node.key_where(key).problem(
                f"zone group '{zone.id}' is not drawn itself, so it takes no '{key}': remove "
                f"it (its parts carry their own)"))
    parts_node = node["parts"]
    seen: set[str] = set()
    for index, part in enumerate(parts_node):
        if not isinstance(part, str):
            continue
        where = parts_node.item_where(index)
        if part in seen:
            problems.append(where.problem(f"part '{part}' is listed twice"))
        seen.add(part)
        result.zone_parts.append((zone.id, part, where))
    return dataclasses.replace(zone, views=(), midline=False)


def _guidance(document: Any, result: FileResult, start: Location) -> None:
    guidance = result.reader().read(Guidance, document, start)
    if guidance is None:
        result.skipped = True
        return
    result.guidance = guidance
    nodes = [n for n in document["techniques"] if isinstance(n, LocatedDict)]
    for technique, node in zip(guidance.techniques, nodes, strict=False):
        _check_technique(technique, node, result.problems)


def _muscle(document: Any, result: FileResult, start: Location, path: Path) -> None:
    muscle = result.reader().read(Muscle, document, start, file=path)
    if muscle is None:
        result.skipped = True
        return
    _check_muscle(muscle, document, result.problems)
    result.defines.append(("muscle", muscle, document.where("id")))


def _check_muscle(muscle: Muscle, document: LocatedDict, problems: list[Problem]) -> None:
    """Rules that involve more than one field."""
    if muscle.file is not None and muscle.id != muscle.file.stem:
        problems.append(document.where("id").problem(
            f"id '{muscle.id}' does not match the file name '{muscle.file.name}'"))
    built = {trp.id for trp in muscle.trigger_points}
    nodes = [n for n in document["trigger_points"]
             if isinstance(n, LocatedDict) and n.get("id") in built]
    seen: set[str] = set()
    for trp, node in zip(muscle.trigger_points, nodes, strict=False):
        if trp.id in seen:
            problems.append(node.where("id").problem(
                f"trigger point id '{trp.id}' is used twice in this muscle"))
        seen.add(trp.id)
        both = set(trp.referral.essential) & set(trp.referral.spillover)
        if both:
            problems.append(node["referral"].where("spillover").problem(
                f"zone {', '.join(sorted(both))} is listed as both essential and spillover"))
        _check_bilateral(trp.referral, node["referral"], problems)
    _check_technique(muscle.technique, document["technique"], problems)


def _check_bilateral(referral: Referral, node: LocatedDict, problems: list[Problem]) -> None:
    """`bilateral` says which of the referral's own zones are felt on both sides, so each must
    be one of its essential or spillover zones (it does not add a zone of its own)."""
    if "bilateral" not in node or not isinstance(node["bilateral"], LocatedList):
        return
    listed = {*referral.essential, *referral.spillover}
    seen: set[str] = set()
    for index, zone in enumerate(node["bilateral"]):
        if not isinstance(zone, str):
            continue
        where = node["bilateral"].item_where(index)
        if zone in seen:
            problems.append(where.problem(f"zone '{zone}' is listed twice in 'bilateral'"))
        elif zone not in listed:
            problems.append(where.problem(
                f"zone '{zone}' is in 'bilateral' but not in this referral's 'essential' or "
                f"'spillover': list it there too ('bilateral' says which of them are felt on "
                f"both sides)"))
        seen.add(zone)


def _check_technique(technique: Technique, node: LocatedDict, problems: list[Problem]) -> None:
    target = technique.target_discomfort
    if len(target.start) != 2 or target.start[0] > target.start[1]:
        problems.append(node["target_discomfort"].where("start").problem(
            "'start' must be [low, high], low <= high"))
    elif target.release_at > target.start[0]:
        problems.append(node["target_discomfort"].where("release_at").problem(
            "'release_at' must not be above the start of the discomfort target"))
    hold = technique.hold_seconds
    if hold.typical > hold.max:
        problems.append(node["hold_seconds"].where("max").problem("'max' is below 'typical'"))
