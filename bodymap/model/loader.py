"""Load data folders (built-in first, then teachers' packs) into a Catalog.

A folder holds `zones.yaml`, `sources.yaml`, `guidance.yaml` (built-in only) and `muscles/*.yaml`;
every file is optional in a pack. Each file is read on its own, so a broken one costs only itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bodymap.model.cache import FileCache
from bodymap.model.catalog import Catalog
from bodymap.model.problems import Location, Problem
from bodymap.model.reader import Reader, Reference, did_you_mean
from bodymap.model.schema import Guidance, Muscle, Source, Technique, Zone
from bodymap.model.yamlnodes import LocatedDict, LocatedList, parse_bytes, read_bytes, read_yaml


def builtin_data_dir() -> Path:
    from bodymap import resources  # resources is plain Python; imported late to keep model light

    return resources.data_dir()


def load_catalog(extra_dirs: Iterable[Path | str] = ()) -> Catalog:
    """The built-in data plus any teacher packs, with every problem found on the way."""
    return load_dirs([builtin_data_dir(), *(Path(d) for d in extra_dirs)])


def load_dirs(dirs: Sequence[Path]) -> Catalog:
    loading = _Loading()
    for index, folder in enumerate(dirs):
        loading.folder(Path(folder), builtin=index == 0)
    return loading.finish()


def display_path(path: Path) -> str:
    """The path as a person would type it from here: relative when under the current folder."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


class _Loading:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self.reader = Reader(self.problems, self.references)
        self.zones: dict[str, Zone] = {}
        self.sources: dict[str, Source] = {}
        self.muscles: dict[str, Muscle] = {}
        self.defined_at: dict[tuple[str, str], Location] = {}
        self.guidance: Guidance | None = None
        self.cache = FileCache()

    def folder(self, folder: Path, builtin: bool) -> None:
        where = Location(display_path(folder), 1, 1)
        if not folder.is_dir():
            self.problems.append(where.problem("no such data folder"))
            return
        for name, required in (("zones.yaml", builtin), ("sources.yaml", builtin)):
            self.listing(folder / name, name.removesuffix(".yaml"), required)
        guidance = folder / "guidance.yaml"
        if builtin:
            self.read_guidance(guidance)
        elif guidance.exists():
            self.problems.append(
                Location(display_path(guidance), 1, 1).problem(
                    "guidance.yaml is only read from the built-in data; this file is ignored"
                )
            )
        muscle_files = sorted((folder / "muscles").glob("*.yaml"))
        if builtin and not muscle_files:
            self.problems.append(where.problem("no muscles/*.yaml files in the built-in data"))
        for path in muscle_files:
            self.read_muscle(path)

    def document(self, path: Path, required: bool) -> tuple[Any, str]:
        display = display_path(path)
        if not path.exists():
            if required:
                self.problems.append(Location(display, 1, 1).problem("file is missing"))
            return None, display
        document, problems = read_yaml(path, display)
        self.problems.extend(problems)
        return document, display

    def listing(self, path: Path, kind: str, required: bool) -> None:
        """zones.yaml or sources.yaml: a top-level key holding a list of entries."""
        document, display = self.document(path, required)
        if document is None:
            return
        start = Location(display, 1, 1)
        if not isinstance(document, LocatedDict) or kind not in document:
            self.problems.append(start.problem(f"expected a top-level '{kind}:' list"))
            return
        for key in document:
            if key != kind:
                self.problems.append(document.key_where(key).problem(f"unknown key '{key}'"))
        entries = document[kind]
        if not isinstance(entries, LocatedList):
            self.problems.append(document.where(kind).problem(f"'{kind}' must be a list"))
            return
        cls, table = (Zone, self.zones) if kind == "zones" else (Source, self.sources)
        for index, entry in enumerate(entries):
            item = self.reader.read(cls, entry, entries.item_where(index))
            if item is not None:
                self.define(kind.removesuffix("s"), item, table, entry.where("id"))

    def define(self, kind: str, item: Any, table: dict, where: Location) -> None:
        first = self.defined_at.get((kind, item.id))
        if first is not None:
            self.problems.append(
                where.problem(
                    f"{kind} id '{item.id}' is already defined at "
                    f"{first.file}:{first.line}:{first.column}"
                )
            )
            return
        self.defined_at[kind, item.id] = where
        table[item.id] = item

    def read_guidance(self, path: Path) -> None:
        document, display = self.document(path, required=True)
        if document is not None:
            self.guidance = self.reader.read(Guidance, document, Location(display, 1, 1))
        if self.guidance is not None:
            nodes = [n for n in document["techniques"] if isinstance(n, LocatedDict)]
            for technique, node in zip(self.guidance.techniques, nodes, strict=False):
                self.check_technique(technique, node)

    def read_muscle(self, path: Path) -> None:
        display = display_path(path)
        content, problems = read_bytes(path, display)
        if content is None:
            self.problems.extend(problems)
            return
        cached = self.cache.get(path, display, content)
        if cached is None:
            problems_before, references_before = len(self.problems), len(self.references)
            muscle, id_where = self.parse_muscle(path, display, content)
            cached = (muscle, id_where, self.problems[problems_before:],
                      self.references[references_before:])
            self.cache.put(path, display, content, cached)
        else:
            muscle, id_where, problems, references = cached
            self.problems.extend(problems)
            self.references.extend(references)
        if muscle is not None:
            self.define("muscle", muscle, self.muscles, id_where)

    def parse_muscle(self, path: Path, display: str,
                     content: bytes) -> tuple[Muscle | None, Location | None]:
        """Parse and validate one muscle file; its problems and references go to the lists."""
        document, problems = parse_bytes(content, display)
        self.problems.extend(problems)
        if document is None:
            if not problems:
                self.problems.append(Location(display, 1, 1).problem("file is empty"))
            return None, None
        muscle = self.reader.read(Muscle, document, Location(display, 1, 1), file=path)
        if muscle is None:
            return None, None
        self.check_muscle(muscle, document)
        return muscle, document.where("id")

    def check_muscle(self, muscle: Muscle, document: LocatedDict) -> None:
        """Rules that involve more than one field."""
        if muscle.id != muscle.file.stem:
            self.problems.append(
                document.where("id").problem(
                    f"id '{muscle.id}' does not match the file name '{muscle.file.name}'"
                )
            )
        trps = document["trigger_points"]
        seen: set[str] = set()
        for trp, node in zip(muscle.trigger_points, _matching(trps, muscle), strict=False):
            if trp.id in seen:
                self.problems.append(node.where("id").problem(f"trigger point id '{trp.id}' "
                                                              "is used twice in this muscle"))
            seen.add(trp.id)
            both = set(trp.referral.essential) & set(trp.referral.spillover)
            if both:
                where = node["referral"].where("spillover")
                listed = ", ".join(sorted(both))
                self.problems.append(
                    where.problem(f"zone {listed} is listed as both essential and spillover")
                )
        self.check_technique(muscle.technique, document["technique"])

    def check_technique(self, technique: Technique, node: LocatedDict) -> None:
        target = technique.target_discomfort
        where = node["target_discomfort"].where("start")
        if len(target.start) != 2 or target.start[0] > target.start[1]:
            self.problems.append(where.problem("'start' must be [low, high], low <= high"))
        elif target.release_at > target.start[0]:
            self.problems.append(
                node["target_discomfort"].where("release_at").problem(
                    "'release_at' must not be above the start of the discomfort target"
                )
            )
        hold = technique.hold_seconds
        if hold.typical > hold.max:
            where = node["hold_seconds"].where("max")
            self.problems.append(where.problem("'max' is below 'typical'"))

    def finish(self) -> Catalog:
        self.cache.save()
        known = {
            "zone": self.zones,
            "source": self.sources,
            "muscle": self.muscles,
            "technique": {t.id: t for t in self.guidance.techniques} if self.guidance else {},
        }
        for ref in self.references:
            if ref.id not in known[ref.kind]:
                hint = did_you_mean(ref.id, known[ref.kind])
                self.problems.append(ref.location.problem(f"unknown {ref.kind} '{ref.id}'{hint}"))
        problems = sorted(set(self.problems), key=lambda p: (p.file, p.line, p.column, p.message))
        return Catalog(self.muscles, self.zones, self.sources, self.guidance, problems)


def _matching(nodes: LocatedList, muscle: Muscle) -> list[LocatedDict]:
    """The YAML nodes of the TrPs that were built (items that failed are skipped)."""
    built = {trp.id for trp in muscle.trigger_points}
    return [n for n in nodes if isinstance(n, LocatedDict) and n.get("id") in built]
