"""pyvis made offline and safe: our own escaped template, scripts copied next to the page.

pyvis's template loads vis-network and Bootstrap from CDNs (even in ``in_line`` mode), writes
the heading and the select/filter menus unescaped, and :meth:`pyvis.network.Network.write_html`
writes in the locale's encoding. Here the network data pyvis collected is rendered through an
autoescaping Jinja template, the data travels as JSON inside ``<script type="application/json">``
(with ``<``, ``>`` and ``&`` escaped), a Content-Security-Policy forbids inline scripts and every
request to another host, and vis-network (vendored with its licences in
``assets/vendor/vis-network``) is copied to ``lib/`` beside the page.

>>> script_json({"name": "</script><script>alert(1)</script>"})
'{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "CSP",
    "ASSETS",
    "copy_assets",
    "page_html",
    "script_json",
    "search_text",
    "template_env",
    "vis_network_dir",
]

#: Scripts only from files beside the page, no inline code, no request to any host.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'"
)

#: files of ``cfgraph/render/assets`` copied to ``lib/`` beside every page.
ASSETS = ("cfgraph-view.js", "cfgraph-view.css", "cfgraph-report.js", "cfgraph-report.css")


def _assets_dir() -> Path:
    return Path(str(resources.files("cfgraph.render"))) / "assets"


#: vis-network's files (and its two licences) copied to ``lib/`` beside every page.
VIS_NETWORK = ("vis-network.min.js", "vis-network.css", "LICENSE-APACHE-2.0", "LICENSE-MIT")


def vis_network_dir() -> Path:
    """The folder of the vendored standalone vis-network build (``assets/vendor/vis-network``)."""
    return _assets_dir() / "vendor" / "vis-network"


def template_env() -> jinja2.Environment:
    """The autoescaping Jinja environment of cfgraph's page templates (a count reads with
    ``{{ n|counted("pair") }}``)."""
    import jinja2

    from cfgraph.render.rows import counted

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_assets_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["counted"] = counted  # {{ n|counted("pair") }}: "1 pair", "2 pairs"
    return env


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``<``, ``>``, ``&``, line separators)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def search_text(node: dict[str, Any]) -> str:
    """What the search menu offers for a node: its full name when short enough, and its kind.

    >>> search_text({"label": "UNDP", "name": "United Nations Development Programme", "kind": "agency"})
    'UNDP — United Nations Development Programme (UN agency)'
    >>> search_text({"label": "Ministry of …", "name": "Ministry of Water", "kind": "partner"})
    'Ministry of Water (partner)'
    """
    label, name = str(node["label"]), str(node.get("name") or "")
    text = label
    if name and name != label and len(name) <= 90:
        text = name if label.endswith("…") else f"{label} — {name}"
    from cfgraph.vocabulary import ENTITIES

    kind = ENTITIES.get(str(node["kind"]))
    return f"{text} ({kind.singular if kind else node['kind']})"


def page_html(net: Any, *, title: str, lib: str = "lib", **context: Any) -> str:
    """The view page for a pyvis network *net*: escaped, offline, data as JSON."""
    from markupsafe import Markup

    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    focus = context.get("focus") or []
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options), "focus": focus}
    search = sorted(
        ({"id": n["id"], "text": search_text(n)} for n in nodes),
        key=lambda s: (s["text"].casefold(), s["id"]),
    )
    return (
        template_env()
        .get_template("view.html.j2")
        .render(
            title=title,
            csp=CSP,
            lib=lib,
            data_json=Markup(script_json(data)),  # noqa: S704 - escaped by script_json
            node_count=len(nodes),
            edge_count=len(edges),
            search=search,
            **context,
        )
    )


def copy_assets(lib_dir: Path) -> list[Path]:
    """Copy vis-network and cfgraph's page scripts into *lib_dir*; return the files written."""
    from cfgraph.io.atomic import write_bytes

    written = []
    vis = vis_network_dir()
    for name in VIS_NETWORK:
        target = name if name.startswith("vis-network") else f"vis-network-{name}"
        written.append(write_bytes(lib_dir / target, (vis / name).read_bytes()))
    for name in ASSETS:
        written.append(write_bytes(lib_dir / name, (_assets_dir() / name).read_bytes()))
    return written
