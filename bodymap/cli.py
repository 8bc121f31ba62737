"""Command line: `bodymap` opens the window; `validate`, `export` and `list` work headless."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

# One rule for every command, as argparse and linters have it: 2 means nothing was done, as the
# command line asks for what is not there; 1 that the work was done and failed.
EXIT_STATUS = """\
exit status:
  0  done: the data has no problems, the picture is written, or the list printed
  1  validate found problems in the data; export could not write the picture
  2  the command line is wrong, so nothing was done: a usage error, a path that does
     not exist, an unknown muscle or zone, a picture type other than .png, .svg or
     .pdf, or nothing to draw"""
# The exit status is a table: argparse would run its lines together.
_HELP = {"formatter_class": argparse.RawDescriptionHelpFormatter, "epilog": EXIT_STATUS}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bodymap",
        description="Trigger-point body map of the low back and hip.\n"
        "With no command, opens the window.",
        **_HELP,
    )
    _add_data_option(parser, "data")
    parser.add_argument("--muscle", metavar="NAME",
                        help="open the window showing this muscle: its name, a word of its name "
                        "no other muscle's has, a nickname or its id, in any case (\"gluteus "
                        "medius\", longissimus, QL, gluteus_medius)")
    parser.add_argument("--view", choices=("posterior", "lateral", "anterior"),
                        help="open the window on this view")
    parser.add_argument("--layer", choices=("superficial", "deep"),
                        help="open the window on this layer")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser(
        "validate", help="check data files and print each problem as path:line:column: message",
        description=textwrap.fill(
            "Check the built-in data, or the given packs together with the built-in data. "
            "Given a file of a pack, check it as its pack loads it and report only its problems."
        ),
        **_HELP,
    )
    validate.add_argument("dirs", nargs="*", type=Path, metavar="PATH",
                          help="a data pack folder, or a file in one")
    _add_data_option(validate, "command_data")
    export = commands.add_parser(
        "export", help="render the diagram with a muscle's referral, or marked zones, to a file",
        **_HELP,
    )
    export.add_argument("--muscle", metavar="NAME", dest="export_muscle",
                        help="the muscle: its name, a word of its name no other muscle's has, "
                        "a nickname or its id, in any case (\"gluteus medius\", longissimus, QL, "
                        "gluteus_medius); bodymap list muscles lists names and ids")
    export.add_argument("--trp", metavar="ID", dest="export_trp",
                        help="with --muscle, one trigger point's referral alone, its X ringed: "
                        "its id or number (trp1, TrP1, 1), as the window's \"only this on the "
                        "body\" shows it")
    export.add_argument("--view", choices=("posterior", "lateral", "anterior"), dest="export_view",
                        help="which view (default: the muscle's first view, else the view drawing "
                        "most of the marked zones; another view goes beside it for what it "
                        "cannot draw)")
    export.add_argument("--zones", metavar="A,B", default="",
                        help="painful zones to mark, comma-separated: zone ids, or the labels "
                        "the window shows, in any case (sacrum,\"Outer thigh\"); bodymap list "
                        "zones lists both")
    export.add_argument("--side", choices=("L", "R", "both"), default="both",
                        help="which side's muscle and zones to draw (default: both)")
    export.add_argument("--layout", choices=("page", "slide"), default="page",
                        help="a portrait page for handouts (default) or a 16:9 slide with the "
                        "key and the referral in words beside the body")
    export.add_argument("--frame", choices=("region", "body"), default="region",
                        help="the band of the body the muscle, its referral and the marked "
                        "zones cover (default), or the whole body")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="FILE.png, FILE.svg or FILE.pdf")
    _add_data_option(export, "command_data")
    listing = commands.add_parser(
        "list", help="list the zone or muscle ids, with the names the window shows (export "
        "takes either)",
        description=textwrap.fill(
            "Print one line per zone or muscle: its id and the label or name the window shows "
            "(export --zones and --muscle take either), then for a zone the views that draw it "
            "(for a zone group, the zones it stands for), for a muscle its group and layer. "
            "Packs given with --data add theirs."
        ),
        **_HELP,
    )
    listing.add_argument("kind", choices=("zones", "muscles"), help="what to list")
    _add_data_option(listing, "command_data")
    return parser


def _add_data_option(parser: argparse.ArgumentParser, dest: str) -> None:
    # Before the command or after it, as people type it: `bodymap export --data pack ...`. The
    # command's own keeps a name of its own, or argparse would put its list over the first one.
    parser.add_argument(
        "--data", metavar="DIR", action="append", type=Path, default=[], dest=dest,
        help="add a teacher's data pack (may be given more than once)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.data = [*args.data, *getattr(args, "command_data", [])]
    if args.command == "validate":
        return validate([*args.data, *args.dirs])
    if args.command == "export":
        from bodymap.ui.export import export_command

        return export_command(args)
    if args.command == "list":
        try:
            return list_ids(args.kind, args.data)
        except BrokenPipeError:  # `bodymap list zones | head`: the reader has all it wanted
            # Python would otherwise complain again as it flushes stdout on exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    from bodymap.ui.app import run_window

    return run_window(args.data, muscle=args.muscle, view=args.view, layer=args.layer)


def validate(paths: Sequence[Path]) -> int:
    """Print every problem and note; fail only on problems (a note is not a mistake). The
    summary says what the mistakes leave out: whole files, and entries of files that otherwise
    loaded (a zone, a source), named with their file. A file given alone is checked as its
    pack loads it (so its ids of the pack's zones and sources resolve), as a linter checks the
    one file being edited: the pack's other files are only counted. A path that is not there
    is a mistake in the command line, not in the data: nothing is checked (exit 2)."""
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        print(f"bodymap validate: no such file or folder: {path}", file=sys.stderr)
    if missing:
        return 2
    from bodymap.diagram import drawn_ids  # what the window can show, so packs are told
    from bodymap.model import load_catalog
    from bodymap.model.layout import PACK_FILES
    from bodymap.model.loader import builtin_data_dir, display_path
    from bodymap.model.packfolder import Checked
    from bodymap.model.problems import WHOLE_FILE, Location, left_out_by_file

    checked = Checked(paths, builtin_data_dir())
    catalog = load_catalog(checked.packs, drawn=drawn_ids())
    problems = sorted([
        *(problem for problem in catalog.problems if checked.tells(problem.file)),
        *(Location(display_path(file), 1, 1).problem(
            f"this file is not read: bodymap reads {PACK_FILES} in a pack folder",
            left_out=WHOLE_FILE) for file in checked.unread),
    ])
    for problem in problems:
        print(problem)
    count = sum(not problem.note for problem in problems)
    notes = len(problems) - count
    and_notes = f"; {notes} note{'s' * (notes != 1)}" if notes else ""
    untold = sum(not problem.note and not checked.tells(problem.file)
                 for problem in catalog.problems)
    # A mistake in another file of the pack may leave out a zone or source the file uses.
    elsewhere = (f"; {untold} problem{'s' * (untold != 1)} in other files not shown: bodymap "
                 f"validate {' '.join(display_path(pack) for pack in checked.quiet)}"
                 if untold else "")
    if count:
        lost = left_out_by_file(problems)
        whole = sum(not entries for entries in lost.values())
        partly = {file: entries for file, entries in lost.items() if entries}
        left_out = f"; {whole} file{'s' * (whole != 1)} not loaded until fixed" if whole else ""
        if partly:
            entries = sum(len(listed) for listed in partly.values())
            named = ", ".join(f"{file} ({', '.join(listed)})" for file, listed in partly.items())
            left_out += (f"; {entries} entr{'y' if entries == 1 else 'ies'} left out until "
                         f"fixed, the rest of {'its' if len(partly) == 1 else 'their'} "
                         f"file{'s' * (len(partly) != 1)} loaded: {named}")
        print(f"{count} problem{'s' * (count != 1)}{left_out}{and_notes}{elsewhere}",
              file=sys.stderr)
        return 1
    # A file given alone is named, as a linter names what it checked.
    name = ", ".join(map(str, checked.files)) if checked.files and not checked.folders else ""
    print(f"{name or catalog.summary()}: no problems{and_notes}{elsewhere}")
    return 0


def list_command(kind: str, data: Sequence[Path]) -> str:
    """The `bodymap list` command line that lists `kind` ("zones", "muscles") with these packs,
    for a message to name."""
    import shlex

    return " ".join(["bodymap list", kind, *(f"--data {shlex.quote(str(path))}" for path in data)])


def list_ids(kind: str, data: Sequence[Path]) -> int:
    """`bodymap list zones|muscles`: one line each, in the data's order, as columns: the id
    that export takes, the label or name the window shows, then a zone's views (a group's
    parts), a muscle's group and layer. A pack's problems go to stderr, as export prints them."""
    from bodymap.model import load_catalog

    catalog = load_catalog(data)
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    if kind == "zones":
        rows = [(zone.id, zone.label,
                 f"group of {', '.join(catalog.zone_parts(zone.id))}" if zone.is_group
                 else ", ".join(zone.views))
                for zone in catalog.zones.values()]
    else:
        rows = [(muscle.id, muscle.name, muscle.group_and_layer())
                for muscle in catalog.muscles.values()]
    ids = max((len(row[0]) for row in rows), default=0)
    names = max((len(row[1]) for row in rows), default=0)
    for item_id, name, more in rows:
        print(f"{item_id:<{ids}}  {name:<{names}}  {more}")
    return 0
