"""The command line: explore (the default), list, validate and results.

Everything a user can get wrong is one line on stderr and exit 2, before any terminal UI
starts. Textual is imported only when the explorer really opens.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from skynet_tui import __version__
from skynet_tui.errors import EventFileError, SkynetError
from skynet_tui.text import one_line

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line instead of argparse's usage block
        raise SkynetError(f"{message} (see {self.prog} --help)")


def _filter_options(*, defaults: bool) -> argparse.ArgumentParser:
    """The filter options; a command's copy has no defaults, so options given before it survive."""
    parent = argparse.ArgumentParser(add_help=False, argument_default=None if defaults else argparse.SUPPRESS)
    group = parent.add_argument_group("filters (combine freely; repeat an option or separate values with commas)")
    group.add_argument("--year", action="append", metavar="YEAR", help="a year or a range: 2018, 2016-2018")
    group.add_argument("--agency", action="append", metavar="AGENCY", help="an agency id or any of its names")
    group.add_argument("--country", action="append", metavar="COUNTRY", help="an ISO code or a country name")
    group.add_argument("--type", action="append", metavar="TYPE", help="an event type: extradition, surrender, ...")
    group.add_argument(
        "--search",
        metavar="TEXT",
        help="words that must all appear, also inside longer words (title, summary, people, quotes)",
    )
    parent.add_argument(
        "--events", type=Path, metavar="PATH", help="explore another events file (default: the bundled one)"
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    from skynet_tui.formats import FORMATS, RESULT_FORMATS

    filters = _filter_options(defaults=False)
    parser = _Parser(
        prog="skynet-tui",
        description="Explore China's Sky Net campaign against fugitive officials, event by event, with sources.",
        parents=[_filter_options(defaults=True)],
        epilog="Examples: skynet-tui --year 2018 · skynet-tui list --type extradition --format json · skynet-tui validate",
    )
    parser.add_argument("--version", action="version", version=f"skynet-tui {__version__}")
    parser.add_argument("--event", metavar="ID", help="open with this event selected and its detail shown")
    commands = parser.add_subparsers(
        dest="command", title="commands", metavar="{list,validate,results}", parser_class=_Parser
    )
    listing = commands.add_parser("list", parents=[filters], help="print the matching events without the explorer")
    listing.add_argument("--format", choices=FORMATS, default="table", help="table (default), json, csv or markdown")
    validate = commands.add_parser("validate", help="check an events file; one line per problem")
    validate.add_argument("path", nargs="?", type=Path, help="the file to check (default: the bundled one)")
    results = commands.add_parser("results", help="print the official figures year by year")
    results.add_argument("--format", choices=RESULT_FORMATS, default="table")
    # SUPPRESS: without it, the command's default would undo an --events given before `results`.
    results.add_argument(
        "--events", type=Path, default=argparse.SUPPRESS, metavar="PATH", help="read another events file"
    )
    return parser


def _filter(catalog, args):
    from skynet_tui.query import resolve_filter

    return resolve_filter(
        catalog,
        years=args.year or (),
        agencies=args.agency or (),
        countries=args.country or (),
        types=args.type or (),
        search=args.search or "",
    )


def _load(path: Path | None):
    from skynet_tui.loader import load_catalog

    progress = _ProgressLine() if sys.stderr.isatty() else None
    try:
        return load_catalog(path, progress=progress)
    finally:
        if progress:
            progress.end()


class _ProgressLine:
    """`Reading events file...  45%` on stderr, rewritten in place; each stage gets its own line."""

    def __init__(self) -> None:
        self.stage = ""

    def __call__(self, stage: str, fraction: float) -> None:
        if stage != self.stage:
            self.end()
            self.stage = stage
        print(f"\r{stage}... {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.stage:
            print(file=sys.stderr, flush=True)
            self.stage = ""


def run_list(args) -> int:
    from skynet_tui.output import render_events
    from skynet_tui.query import Query

    catalog = _load(args.events)
    events = Query(catalog).events(_filter(catalog, args))
    sys.stdout.write(render_events(catalog, events, args.format, for_terminal=sys.stdout.isatty()))
    return 0


def run_validate(args) -> int:
    try:
        catalog = _load(args.path or args.events)  # `--events PATH validate` checks PATH too
    except EventFileError as error:
        for problem in error.problems:
            print(one_line(str(problem)))
        return EXIT_PROBLEMS
    print(
        f"{catalog.path}: valid: {len(catalog.events)} events, {len(catalog.sources)} sources, {len(catalog.agencies)} agencies"
    )
    return 0


def run_results(args) -> int:
    from skynet_tui.output import render_results

    catalog = _load(args.events)
    sys.stdout.write(render_results(catalog, args.format, for_terminal=sys.stdout.isatty()))
    return 0


def run_explore(args) -> int:
    # Starting makes about 80,000 objects (Textual's modules, the screen's widgets) and
    # almost no garbage, and the cyclic collector would walk them some 120 times before the
    # first frame (~15 ms). The explorer resumes it once that frame is drawn.
    gc.disable()
    try:
        return _explore(args)
    finally:
        gc.enable()  # also when the explorer stopped before its first frame


def _explore(args) -> int:
    from skynet_tui.loader import parse_aside

    parsing = parse_aside(args.events)
    if parsing:  # import the explorer (mostly Textual) on this core while the file is parsed on another
        import skynet_tui.app.main  # noqa: F401

        parsing()
    catalog = _load(args.events)
    start_filter = _filter(catalog, args)
    if args.event is not None and catalog.event(args.event) is None:
        raise SkynetError(
            f"--event: no event with id {one_line(args.event)!r} (ids are listed by skynet-tui list --format csv)"
        )
    from skynet_tui.app.main import SkynetApp

    SkynetApp(catalog, start_filter, event_id=args.event).run()
    return 0


def main(argv: list[str] | None = None) -> int:
    commands = {"list": run_list, "validate": run_validate, "results": run_results, None: run_explore}
    try:
        args = build_parser().parse_args(argv)
        return commands[args.command](args)
    except SkynetError as error:
        print(f"skynet-tui: error: {one_line(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `skynet-tui list | head`: the reader left; not an error
        sys.stderr.close()
        return 0
