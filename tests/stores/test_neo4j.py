"""`cfgraph push neo4j`: settings, the plan, and every error path as one line with exit 1.

No Neo4j server runs here. The driver is exercised for real against a port with nothing
listening and with bad URIs; the server's refusals (bad credentials, missing database) are the
driver's own exception objects, built the way the driver builds them from a server's reply.
"""

from __future__ import annotations

import socket
from typing import Any

import pytest
from neo4j.exceptions import Neo4jError

import cfgraph
from cfgraph.cli import cli
from cfgraph.lpg import property_graph
from cfgraph.stores import StoreError
from cfgraph.stores.neo4j import Neo4jSettings, explain_error, push_neo4j

MINI = str(cfgraph.MINI)
PASSWORD = "s3cret-Pa55"


@pytest.fixture
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD", PASSWORD)


def _push(runner: Any, *args: str) -> Any:
    return runner.invoke(cli, ["push", "neo4j", "--framework", MINI, *args])


def _one_error_line(result: Any) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output and PASSWORD not in result.output
    return str(lines[0])


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_unreachable_server(runner: Any, env: None, free_port: int, scheme: str) -> None:
    uri = f"{scheme}://127.0.0.1:{free_port}"
    line = _one_error_line(_push(runner, "--uri", uri))
    assert line == f"Error: cannot reach Neo4j at {uri}: is the server running and the address right?"


def test_unreachable_server_from_the_environment(runner: Any, env: None, free_port: int,
     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port}")
    line = _one_error_line(_push(runner))
    assert f"bolt://127.0.0.1:{free_port}" in line


USE = "use bolt:// or neo4j:// (+s, +ssc)"


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("http://localhost:7474", f"Neo4j URI 'http://localhost:7474' has scheme 'http'; {USE}"),
        ("ftp://db", f"Neo4j URI 'ftp://db' has scheme 'ftp'; {USE}"),
        ("localhost:7687", f"Neo4j URI 'localhost:7687' has no scheme; {USE}"),
        ("bolt://", "Neo4j URI 'bolt://' names no host; e.g. neo4j://localhost:7687"),
    ],
)
def test_bad_uri(runner: Any, env: None, uri: str, message: str) -> None:
    assert _one_error_line(_push(runner, "--uri", uri)) == f"Error: {message}"


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_a_password_in_the_uri_is_refused_and_never_shown(runner: Any, env: None, scheme: str) -> None:
    line = _one_error_line(_push(runner, "--uri", f"{scheme}://neo4j:{PASSWORD}@127.0.0.1:7687"))
    assert line == (
        f"Error: Neo4j URI '{scheme}://***@127.0.0.1:7687' must not carry a user or password; "
        "use --user / NEO4J_USERNAME and NEO4J_PASSWORD"
    )


def test_scrub_hides_every_password() -> None:
    settings = Neo4jSettings(f"neo4j://u:{PASSWORD}x@h:1", "u", None, password=PASSWORD)
    assert settings.scrub(f"a {PASSWORD}x b {PASSWORD} c") == "a *** b *** c"


def test_there_is_no_password_option(runner: Any, env: None) -> None:
    result = _push(runner, "--password", PASSWORD)
    assert result.exit_code == 2 and "No such option '--password'" in result.output


def test_dry_run_prints_the_plan_and_connects_to_nothing(runner: Any, env: None, free_port: int) -> None:
    uri = f"bolt://127.0.0.1:{free_port}"
    result = _push(runner, "--uri", uri, "--database", "cf", "--dry-run", "--format", "csv")
    assert result.exit_code == 0, result.output
    pg = property_graph(cfgraph.load(cfgraph.MINI))
    lines = result.stdout.splitlines()
    assert lines[0] == "kind,name,rows,batches"
    assert f"node,Outcome,{pg.label_counts()['Outcome']},1" in lines
    assert f"relationship,LISTS_TARGET,{pg.type_counts()['LISTS_TARGET']},1" in lines
    assert len(lines) == 1 + len(pg.label_counts()) + len(pg.type_counts())
    total = len(pg.nodes) + len(pg.relationships)
    assert result.stderr == (
        f"dry run: would write {total} rows to Neo4j at {uri}, database cf; nothing sent\n"
    )


def test_settings_flags_win_over_the_environment() -> None:
    environ = {"NEO4J_URI": "bolt://env:7687", "NEO4J_USERNAME": "envuser", "NEO4J_DATABASE": "envdb",
               "NEO4J_PASSWORD": PASSWORD}
    from_env = Neo4jSettings.from_env(environ=environ)
    assert (from_env.uri, from_env.user, from_env.database, from_env.password) == (
        "bolt://env:7687", "envuser", "envdb", PASSWORD)
    flags = Neo4jSettings.from_env("neo4j://flag:7687", "flaguser", "flagdb", environ=environ)
    assert (flags.uri, flags.user, flags.database) == ("neo4j://flag:7687", "flaguser", "flagdb")
    assert PASSWORD not in repr(flags)
    defaults = Neo4jSettings.from_env(environ={})
    assert (defaults.uri, defaults.user, defaults.database, defaults.password) == (
        "neo4j://localhost:7687", "neo4j", None, None)


def _server_error(code: str, message: str) -> Neo4jError:
    """The exception the driver raises for a server FAILURE reply with this code."""
    return Neo4jError._hydrate_neo4j(code=code, message=message)


SETTINGS = Neo4jSettings("neo4j://db.example:7687", "alice", "portfolio", password=PASSWORD)


def test_bad_credentials() -> None:
    exc = _server_error("Neo.ClientError.Security.Unauthorized", "The client is unauthorized.")
    assert str(explain_error(exc, SETTINGS)) == (
        "Neo4j at neo4j://db.example:7687 refused the credentials of user 'alice'; "
        "check NEO4J_USERNAME and NEO4J_PASSWORD"
    )
    no_password = Neo4jSettings("neo4j://db.example:7687", "alice", None)
    assert str(explain_error(exc, no_password)) == (
        "Neo4j at neo4j://db.example:7687 needs a password; set NEO4J_PASSWORD in the environment"
    )


def test_missing_database() -> None:
    exc = _server_error("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist.")
    assert str(explain_error(exc, SETTINGS)) == (
        "Neo4j at neo4j://db.example:7687 has no database 'portfolio'; "
        "create it or choose one with --database"
    )


def test_other_server_errors_never_show_the_password() -> None:
    exc = _server_error("Neo.ClientError.Statement.SyntaxError", f"Invalid input near '{PASSWORD}'")
    text = str(explain_error(exc, SETTINGS))
    assert PASSWORD not in text
    assert text == (
        "Neo4j at neo4j://db.example:7687: Neo.ClientError.Statement.SyntaxError: Invalid input near '***'"
    )


def test_library_push_raises_store_error(free_port: int) -> None:
    pg = property_graph(cfgraph.load(cfgraph.MINI))
    settings = Neo4jSettings(f"bolt://127.0.0.1:{free_port}", "neo4j", None, password=PASSWORD)
    with pytest.raises(StoreError, match="^cannot reach Neo4j at bolt://127.0.0.1"):
        push_neo4j(pg, settings)
