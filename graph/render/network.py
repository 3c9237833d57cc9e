"""pyvis's ``Network`` for the page: the model that holds the nodes, edges and options it draws.

Every node goes in through ``Network.add_node`` and every relation through
``Network.add_edge``, so ``net.nodes`` and ``net.edges`` are the dictionaries
pyvis normalises (it adds ``id``, ``label`` and ``shape`` to nodes, ``from``
and ``to`` to edges) and the page draws exactly those. Nothing here sets a
``title``: pyvis would switch its pages to HTML pop-ups when a title holds
"href", and the page builds its tooltips from text fields instead.

pyvis is imported here, inside the function: ``import pyvis.network``
imports IPython (about 0.1 s besides networkx, 0.3 s alone), which only
``graph html`` should pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["build_network"]


def build_network(nodes: list[dict], edges: list[dict], options: dict) -> Network:
    """Return a directed pyvis ``Network`` holding ``nodes``, ``edges`` and vis ``options``.

    ``nodes`` are attribute dicts with an ``id`` (see :func:`.data.page_data`),
    ``edges`` attribute dicts with ``from`` and ``to``; every other key is kept
    by pyvis as a vis-network option of that node or edge.

    >>> net = build_network(
    ...     [{"id": "a", "label": "A", "kind": "person"}, {"id": "b", "label": "B"}],
    ...     [{"id": "r0", "from": "a", "to": "b", "arrows": "to"}],
    ...     {"physics": {"enabled": False}},
    ... )
    >>> sorted(net.nodes[0].items())  # pyvis's defaults filled in, "kind" kept
    [('color', '#97c2fc'), ('id', 'a'), ('kind', 'person'), ('label', 'A'), ('shape', 'dot')]
    >>> net.edges
    [{'id': 'r0', 'arrows': 'to', 'from': 'a', 'to': 'b'}]
    """
    from pyvis.network import Network

    # Directed: pyvis then skips its scan for an existing edge between the same
    # two actors (parallel relations are separate edges), and symmetric types
    # keep the "to, from" arrows we give them. Our template ignores height,
    # width and cdn_resources; "in_line" is the one choice that never makes
    # pyvis write a lib/ folder.
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    # The adders are quadratic (each call looks ids up in a list): measured
    # with 5,000 nodes and 10,000 edges, add_node 0.2-0.3 s and add_edge
    # 0.7-0.8 s; 3.8 s in all at twice that size. Kept, as the public API:
    # at the sizes the page is meant for they cost less than the layout
    # (docs/page.md, "How large a graph can be").
    for node in nodes:
        attributes = dict(node)
        net.add_node(attributes.pop("id"), **attributes)
    for edge in edges:
        attributes = dict(edge)
        net.add_edge(attributes.pop("from"), attributes.pop("to"), **attributes)
    # A dict, as set_options would leave it: set_options parses a JSON string
    # after deleting every space in it, which would also mangle string values.
    net.options = options
    return net
