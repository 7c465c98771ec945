"""The `kg` command: ingest articles, ask questions, draw the graph, measure extraction."""
from __future__ import annotations

import datetime
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.articles import is_calendar_date, missing_paths, read_articles
from kg.errors import InputError, KGError, QueryError
from kg.extract import extract
from kg.extract.lexicon import rare_collections
from kg.graph import IngestSummary, KnowledgeGraph
from kg.output import FORMATS, LogProgress, render_rows

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
DEFAULT_STORE = os.environ.get("KG_STORE", "kg-store")
MAX_PROBLEMS_SHOWN = 20
PROGRESS_SECONDS = 5.0  # between progress lines when stderr is not a terminal

store_option = click.option("--store", default=DEFAULT_STORE, show_default=True,
                            help="Store folder (Oxigraph), or `memory`. Also $KG_STORE.")
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)


class Failure(click.ClickException):
    """One of our errors, shown as `error: …`: exit 2 for a query or name the user gave, 1 otherwise."""

    def __init__(self, error: KGError):
        super().__init__(str(error))
        self.exit_code = 2 if isinstance(error, QueryError) else 1

    def show(self, file=None) -> None:
        err.print(f"error: {self.message}", markup=False, highlight=False)


class Commands(click.Group):
    """The command group, turning our errors into clean messages and exit codes."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            raise Failure(exc) from exc


@click.group(cls=Commands)
@click.version_option(package_name="kg")
def main() -> None:
    """A knowledge graph of Vietnamese officials, bodies, meetings and documents, from news articles."""


@contextmanager
def _progress(what: str) -> Iterator[Callable[..., None]]:
    """A callable that counts steps: a bar on a terminal, a plain line every few seconds in a log."""
    if not err.is_terminal:
        ticker = LogProgress(what, sys.stderr, every=PROGRESS_SECONDS)
        yield ticker
        ticker.finish()
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task(what, total=None)
        yield lambda *_, steps=1: bar.advance(task, steps)


def _check_paths(paths) -> None:
    """Refuse the run, before anything is created, when a path names nothing."""
    missing = missing_paths(paths)
    if missing:
        raise click.UsageError(f"no such file or folder: {', '.join(missing)}")


def _exit(read: int, skipped: int) -> None:
    """Exit 0 when all input was read, 1 when some was skipped, 2 when nothing was read."""
    if not read:
        err.print("error: no article could be read", highlight=False)
    if not read or skipped:
        raise SystemExit(2 if not read else 1)


def _ingest(graph: KnowledgeGraph, paths, **options) -> IngestSummary:
    with _progress("ingesting") as step:
        summary = graph.ingest(paths, progress=step, **options)
    for problem in summary.problems[:MAX_PROBLEMS_SHOWN]:
        err.print(f"[yellow]skipped[/] {problem}", markup=True, highlight=False)
    if len(summary.problems) > MAX_PROBLEMS_SHOWN:
        err.print(f"… and {len(summary.problems) - MAX_PROBLEMS_SHOWN} more skipped")
    table = Table("articles stored", "unchanged", "skipped", "triples in store", "seconds", title="ingest")
    table.add_row(f"{summary.articles:,}", f"{summary.unchanged:,}", f"{summary.skipped:,}",
                  f"{summary.triples:,}", f"{summary.seconds:.1f}")
    out.print(table)
    return summary


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--workers", type=click.IntRange(min=1), help="Extraction processes  [default: one per core]")
@click.option("--dask", metavar="local|tcp://HOST:8786",
              help="Extract on Dask: a LocalCluster of --workers processes, or a running scheduler.")
def ingest(paths, store, workers, dask) -> None:
    """Read articles (.txt, .json, .jsonl, .jsonl.gz, folders) into the store.

    Exits 0 when every article was read, 1 when some input was skipped, 2 when nothing was read.
    """
    _check_paths(paths)
    with KnowledgeGraph.open(store) as graph:
        summary = _ingest(graph, paths, workers=workers, dask=dask)
    _exit(summary.articles + summary.unchanged, summary.skipped)


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a file.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0), help="Rows shown in a table; 0 for all.")
@store_option
@format_option
def query(sparql, query_file, limit, store, fmt) -> None:
    """Run a SPARQL query; kg:, org:, schema:, prov:, rdfs:, xsd: … are predeclared."""
    if bool(sparql) == bool(query_file):
        raise click.UsageError("give a query, or --file with one, but not both")
    text = Path(query_file).read_text(encoding="utf-8") if query_file else sparql
    with KnowledgeGraph.open(store, read_only=store != "memory") as graph:
        result = graph.sparql(text)
    if result.boolean is not None:
        out.print("yes" if result.boolean else "no")
    elif result.triples is not None:
        for s, p, o in result.triples:
            out.print(f"{s.n3()} {p.n3()} {o.n3()} .", highlight=False)
    else:
        render_rows(result.variables, result.rows, fmt, out, max_rows=limit or None)


@main.command()
@click.argument("question", required=False)
@click.argument("args", nargs=-1)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0), help="Rows shown in a table; 0 for all.")
@store_option
@format_option
def ask(question, args, limit, store, fmt) -> None:
    """Run a ready question of docs/queries/: `kg ask positions "Trần Lưu Quang"`.

    ARGS fill the question's parameters in order, or by name as `role=Bí thư`.
    With no QUESTION, list the questions and their parameters.
    """
    from kg.ask import parse_args, ready_queries
    if not question:
        rows = [{"question": q.name, "parameters": ", ".join(p.name + ("?" if p.optional else "") for p in q.params),
                 "answers": q.summary} for q in ready_queries().values()]
        render_rows(["question", "parameters", "answers"], rows, fmt, out, cell_chars=None)
        return
    query = ready_queries().get(question)
    if query is None:
        raise QueryError(f"no ready question {question!r}; run `kg ask` to list them")
    with KnowledgeGraph.open(store, read_only=store != "memory") as graph:
        result = graph.ask(question, **parse_args(query, list(args)))
    render_rows(result.variables, result.rows, fmt, out, max_rows=limit or None)


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write DIR/<id>.json per article.")
@click.option("--stdout", "to_stdout", is_flag=True, help="Print JSON Lines instead.")
def extract_command(paths, out_dir, to_stdout) -> None:
    """Print what extraction finds, in the shape of extraction.schema.json.

    Exits 0 when every article was read, 1 when some input was skipped, 2 when nothing was read.
    """
    if bool(out_dir) == to_stdout:
        raise click.UsageError("choose one of --out DIR or --stdout")
    _check_paths(paths)
    if out_dir:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    done = skipped = 0
    with _progress("extracting") as step, rare_collections():
        for item in read_articles(paths):
            step()
            if isinstance(item, InputError):
                skipped += 1
                err.print(f"skipped {item}", highlight=False)
                continue
            record = extract(item).to_json()
            if to_stdout:
                sys.stdout.write(json.dumps({"id": item.id, **record}, ensure_ascii=False) + "\n")
            else:
                (Path(out_dir) / f"{item.id}.json").write_text(
                    json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
            done += 1
    if out_dir:
        err.print(f"{done:,} articles extracted to {out_dir}; {skipped:,} skipped")
    _exit(done, skipped)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--verbose", is_flag=True, help="List every miss and every extra.")
@format_option
def evaluate(gold_dir, verbose, fmt) -> None:
    """Score extraction against gold annotations (GOLD_DIR/*.txt with *.json)."""
    from kg.evaluate import evaluate_dir

    def extract_file(path: Path) -> dict:
        article = next(a for a in read_articles([path]))
        if isinstance(article, InputError):
            raise article
        return extract(article).to_json()

    scores = evaluate_dir(gold_dir, extract_file)
    if verbose:
        for s in scores.values():
            for line in s.misses:
                out.print(line, highlight=False, markup=False)
    rows = [{"facet": f, "precision": f"{s.precision:.3f}", "recall": f"{s.recall:.3f}", "f1": f"{s.f1:.3f}",
             "tp": s.tp, "fp": s.fp, "fn": s.fn} for f, s in scores.items()]
    render_rows(["facet", "precision", "recall", "f1", "tp", "fp", "fn"], rows, fmt, out, title="extraction")


def _readable_articles(paths, label: str, skipped: list[int]):
    """The articles of `paths` with a progress line, counting unreadable inputs in `skipped[0]`."""
    with _progress(label) as step:
        for item in read_articles(paths):
            step()
            if isinstance(item, InputError):
                skipped[0] += 1
                continue
            yield item


def _mine_into(paths, out_file, default_name: str, label: str, mine, write) -> int:
    """Run `mine` over the readable articles of `paths` and `write` its rows to `out_file` or data/<default_name>."""
    from kg.gazetteer import data_dir
    _check_paths(paths)
    skipped = [0]
    rows = mine(_readable_articles(paths, label, skipped))
    target = Path(out_file) if out_file else data_dir() / default_name
    write(rows, target)
    err.print(f"{len(rows):,} rows written to {target}; {skipped[0]:,} inputs skipped")
    return len(rows)


_out_option = click.option("--out", "out_file", type=click.Path(dir_okay=False),
                           help="Where to write [default: the gazetteer under data/].")


@main.command("mine-names")
@click.argument("paths", nargs=-1, required=True)
@_out_option
@click.option("--min-articles", default=3, show_default=True, type=click.IntRange(min=1),
              help="Keep a name cued in at least this many articles.")
def mine_names_command(paths, out_file, min_articles) -> None:
    """Mine the names that titles and forms of address establish in a corpus (data/known_names.tsv)."""
    from kg.extract.known import mine_names, write_known_names
    from kg.extract.lexicon import KNOWN_NAMES
    _mine_into(paths, out_file, KNOWN_NAMES, "mining names",
               lambda articles: mine_names(articles, min_articles), write_known_names)


@main.command("mine-documents")
@click.argument("paths", nargs=-1, required=True)
@_out_option
def mine_documents_command(paths, out_file) -> None:
    """Mine document titles and treaty short names a corpus establishes (data/known_documents.tsv)."""
    from kg.extract.documents import KNOWN_DOCUMENTS, mine_documents, write_known_documents
    _mine_into(paths, out_file, KNOWN_DOCUMENTS, "mining documents", mine_documents, write_known_documents)


@main.command("mine-places")
@click.argument("paths", nargs=-1, required=True)
@_out_option
def mine_places_command(paths, out_file) -> None:
    """Mine names a corpus writes as places and hardly ever as persons (data/named_places.tsv)."""
    from kg.extract.known import mine_places, write_named_places
    from kg.extract.names import NAMED_PLACES
    _mine_into(paths, out_file, NAMED_PLACES, "mining places", mine_places, write_named_places)


@main.command()
@store_option
def validate(store) -> None:
    """Check the stored graph against the SHACL shapes in ontology/shapes.ttl."""
    from kg.validate import validate_store
    with KnowledgeGraph.open(store, read_only=store != "memory") as graph, _progress("validating graphs") as step:
        report = validate_store(graph.store, progress=step)
    if report.conforms:
        out.print(f"valid: the store's {report.triples:,} triples ({report.graphs:,} article graphs and the "
                  "entities they name) conform to the shapes")
    else:
        out.print(report.text, markup=False, highlight=False)
        raise SystemExit(1)


def _day(ctx, param, value: str | None) -> datetime.date | None:
    """A YYYY-MM-DD option as a date; anything else, or no such day, is refused."""
    if value is None:
        return None
    if not is_calendar_date(value) or value.startswith("--"):
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD")
    return datetime.date.fromisoformat(value)


since_option = click.option("--since", callback=_day, help="Only tenures and meetings on or after this date (YYYY-MM-DD).")
until_option = click.option("--until", callback=_day, help="Only tenures and meetings on or before this date (YYYY-MM-DD).")


def _check_range(since: datetime.date | None, until: datetime.date | None) -> None:
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}")


def _make_parent(path: str) -> None:
    """Create the folder a file is to be written in."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)


def _focus_name(graph: KnowledgeGraph, focus: str) -> str:
    """The stored name of the person or body `focus` names; an unknown one is refused with suggestions."""
    from kg.lookup import require
    names = list(dict.fromkeys(m.name for m in require(graph, focus)))
    if len(names) > 1:
        err.print(f"note: {focus!r} fits {', '.join(names)}; the page is centred on {names[0]!r}", highlight=False)
    return names[0]


def _types(value: str) -> tuple[str, ...]:
    from kg.viz import TYPES
    types = tuple(t.strip() for t in value.split(",") if t.strip())
    unknown = sorted(set(types) - set(TYPES))
    if unknown:
        raise click.BadParameter(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(TYPES)}")
    return types


@main.command()
@click.option("--out", "out_file", default="graph.html", show_default=True, type=click.Path(dir_okay=False))
@click.option("--focus", help="Draw only the network around this person or body (matched after normalisation).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0), help="Steps from the focus.")
@click.option("--type", "types", default="person,organisation,meeting,document", show_default=True,
              help="Node types to draw, comma-separated.")
@since_option
@until_option
@click.option("--limit", default=1500, show_default=True, type=click.IntRange(min=0),
              help="Nodes kept: the persons and bodies most written about and the meetings and documents linking them (with --focus: the nearest); 0 for all.")
@store_option
def viz(out_file, focus, depth, types, since, until, limit, store) -> None:
    """Write an interactive HTML page of the graph that works offline."""
    _check_range(since, until)
    _make_parent(out_file)
    with KnowledgeGraph.open(store, read_only=store != "memory") as graph:
        path = graph.visualize(out_file, focus=focus and _focus_name(graph, focus), depth=depth, types=_types(types),
                               since=since, until=until, limit=limit)
    out.print(f"wrote {path}")


STATS = """
SELECT
  (COUNT(DISTINCT ?person) AS ?persons) (COUNT(DISTINCT ?org) AS ?bodies) (COUNT(DISTINCT ?post) AS ?posts)
  (COUNT(DISTINCT ?tenure) AS ?tenures) (COUNT(DISTINCT ?meeting) AS ?meetings)
  (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  { ?person a kg:Person } UNION { ?org a kg:Organisation } UNION { ?post a kg:Post }
  UNION { ?tenure a kg:Tenure } UNION { ?meeting a kg:Meeting } UNION { ?doc a kg:Document }
  UNION { ?article a kg:Article }
}"""


MERGES = """
SELECT ?person ?articles (SAMPLE(?context) AS ?place)
       (GROUP_CONCAT(DISTINCT ?reason; separator=" | ") AS ?reasons)
       (GROUP_CONCAT(DISTINCT ?post; separator=" | ") AS ?posts)
WHERE {
  { SELECT ?p (COUNT(DISTINCT ?article) AS ?articles) WHERE {
      ?r kg:person ?p ; prov:wasDerivedFrom ?article .
    } GROUP BY ?p HAVING (COUNT(DISTINCT ?article) > 1) ORDER BY MD5(STR(?p)) LIMIT ?limit }
  ?p schema:name ?person .
  ?r kg:person ?p ; kg:reason ?reason .
  OPTIONAL { ?p kg:placeContext ?context }
  OPTIONAL { ?p org:holds/schema:name ?post }
}
GROUP BY ?p ?person ?articles
ORDER BY MD5(STR(?p))"""


@main.command()
@click.option("--merges", default=0, help="Also list a sample of this many persons merged across articles.")
@click.option("--central", default=10, show_default=True, help="Most central persons and bodies to list.")
@store_option
@format_option
def stats(merges, central, store, fmt) -> None:
    """Counts, the most central persons and bodies, connected components."""
    from kg.analysis import centrality
    with KnowledgeGraph.open(store, read_only=store != "memory") as graph:
        counts = dict(graph.sparql(STATS).rows[0], triples=len(graph))
        sample = graph.sparql(MERGES.replace("?limit", str(int(merges)))) if merges else None
        ranking, components = centrality(graph.view("membership"), central)
    counts.update(components)
    render_rows(["what", "count"], [{"what": k, "count": v} for k, v in counts.items()], fmt, out, title="graph")
    if central:
        render_rows(["type", "name", "degree", "betweenness"], ranking, fmt, out, max_rows=None,
                    title="most central (person–body graph)")
    if sample is not None:
        render_rows(sample.variables, sample.rows, fmt, out, max_rows=None, title="merged persons (a sample)")


@main.command()
@click.option("--view", "view_name", type=click.Choice(["membership", "co_attendance", "hierarchy", "full"]),
              default="membership", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv"]), default="graphml",
              show_default=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False), help="File to write (default: VIEW.FORMAT).")
@since_option
@until_option
@click.option("--body", help="Only what touches this body and the bodies under it (with or without diacritics).")
@store_option
@click.option("--nquads", "nquads_dir", type=click.Path(file_okay=False),
              help="Instead of a view, write the whole graph as N-Quads into this folder, for bulk loaders.")
@click.option("--shards", default=1, show_default=True, type=click.IntRange(min=1),
              help="With --nquads: files to spread the graphs over (a graph stays whole in one).")
def export(view_name, fmt, out_file, since, until, body, store, nquads_dir, shards) -> None:
    """Write a NetworkX view for Gephi, Cytoscape, code or spreadsheets."""
    if nquads_dir:
        from kg.dump import write_nquads
        with KnowledgeGraph.open(store, read_only=store != "memory") as graph:
            paths, quads = write_nquads(graph.store, nquads_dir, shards)
        out.print(f"wrote {quads:,} quads to {len(paths)} N-Quads file(s) in {nquads_dir}")
        return
    _check_range(since, until)
    out_file = out_file or f"{view_name}.{fmt}"
    _make_parent(out_file)
    with KnowledgeGraph.open(store, read_only=store != "memory") as graph:
        view = graph.view(view_name, since=since and since.isoformat(), until=until and until.isoformat(), body=body)
    from kg.views import export as write
    path = write(view, out_file, fmt)
    out.print(f"wrote {path}: {view.number_of_nodes():,} nodes, {view.number_of_edges():,} edges")


@main.command()
@click.argument("article_id")
@store_option
def remove(article_id, store) -> None:
    """Take an article's graph out of the store."""
    with KnowledgeGraph.open(store) as graph:
        removed = graph.remove(article_id)
    if not removed:
        err.print(f"no article {article_id!r} in {store}")
        raise SystemExit(1)
    out.print(f"removed {article_id}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told).")
@click.option("--port", default=7878, show_default=True)
@click.option("--timeout", default=30.0, show_default=True, help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=10_000, show_default=True, help="Rows (or triples) a result holds at most.")
@click.option("--workers", default=2, show_default=True, help="Queries answered at once.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL updates (refused with 403 otherwise).")
@click.option("--allow-service", is_flag=True, help="Run SERVICE (federated) calls (refused with 403 otherwise).")
@click.option("--max-request-size", default=1 << 20, show_default=True, help="Bytes a request may hold.")
@store_option
def serve(host, port, timeout, max_rows, workers, allow_update, allow_service, max_request_size, store) -> None:
    """Serve the SPARQL 1.1 Protocol over the store, with a query page at /."""
    from kg.remote import is_remote
    from kg.server import serve as run_server
    from kg.store import open_store
    if store == "memory" or is_remote(store):
        raise click.UsageError("kg serve needs an on-disk store (--store DIR)")
    open_store(store, read_only=True).close()  # a clear error now if there is no store there
    err.print(f"SPARQL endpoint on http://{host}:{port}/sparql, query page on http://{host}:{port}/")
    run_server(store, host, port, timeout=timeout, max_rows=max_rows, allow_update=allow_update, workers=workers,
               allow_service=allow_service, max_request_size=max_request_size)


DEMO_QUESTIONS = {
    "Positions": """SELECT ?person ?role ?body WHERE {
        ?t a kg:Tenure ; org:member/schema:name ?person ; kg:roleName ?role ;
           org:organization/schema:name ?body ; kg:current true } ORDER BY ?person ?role""",
    "Meetings": """SELECT ?meeting ?date ?attendee WHERE {
        ?m a schema:Event ; kg:eventType ?meeting ; schema:attendee/schema:name ?attendee .
        OPTIONAL { ?m schema:startDate ?date } } ORDER BY ?date ?attendee""",
    "Documents": """SELECT ?type ?number ?date ?issuer WHERE {
        ?d a kg:Document ; kg:documentType ?type ; kg:number ?number .
        OPTIONAL { ?d schema:dateCreated ?date } OPTIONAL { ?d kg:issuer/schema:name ?issuer } } ORDER BY ?number""",
}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write the gazetteers here  [default: data/]")
def mine(paths, out_dir) -> None:
    """Mine gazetteers from a corpus: bodies and outlets a strong cue establishes (data/mined_bodies.tsv)."""
    from kg.mine import mine_bodies, write_bodies
    _check_paths(paths)
    rows = mine_bodies(_readable_articles(paths, "mining", [0]))
    path = write_bodies(rows, Path(out_dir) if out_dir else None)
    out.print(f"wrote {len(rows):,} bodies to {path}")


@main.command()
@click.option("--articles", default=None, help="Folder of articles (default: the sample in data/articles).")
@click.option("--out", "out_file", default="graph.html", show_default=True)
@store_option
def demo(articles, out_file, store) -> None:
    """Ingest the sample article, print a few answers and write graph.html."""
    from kg.gazetteer import data_dir
    with KnowledgeGraph.open(store) as graph:
        _ingest(graph, [articles or data_dir() / "articles"])
        for title, sparql in DEMO_QUESTIONS.items():
            result = graph.sparql(sparql)
            render_rows(result.variables, result.rows, "table", out, title=title)
        path = graph.visualize(out_file)
    out.print(f"wrote {path}: open it in a browser (it works offline)")


def run() -> None:
    try:
        main(standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
