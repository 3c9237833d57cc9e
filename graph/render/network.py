"""pyvis's ``Network`` for the page: the model that holds the nodes, edges and options it draws.

Every node is made by pyvis's ``Node`` and every relation by its ``Edge``,
and they go into the ``Network`` in bulk, as ``Network.add_node`` and
``Network.add_edge`` would put them (``nodes``, ``node_ids``, ``node_map``,
``edges``): so ``net.nodes`` and ``net.edges`` are the dictionaries pyvis
normalises (it adds ``id``, ``label`` and ``shape`` to nodes, ``from`` and
``to`` to edges) and the page draws exactly those. The adders themselves
look every id up in a list, which makes them quadratic: 20,000 relations
took 0.4 s in ``add_edge`` and 200,000 would take about a minute; in bulk
the same work is linear (the adders' checks, that both ends exist, are made
with a set). Nothing here sets a
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
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    # Directed: pyvis then skips its scan for an existing edge between the same
    # two actors (parallel relations are separate edges), and symmetric types
    # keep the "to, from" arrows we give them. Our template ignores height,
    # width and cdn_resources; "in_line" is the one choice that never makes
    # pyvis write a lib/ folder.
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for node in nodes:
        attributes = dict(node)
        node_id = attributes.pop("id")
        if node_id in net.node_map:
            continue  # as add_node: the first node with an id wins
        made = Node(
            node_id,
            attributes.pop("shape", "dot"),
            label=attributes.pop("label", None) or node_id,
            color=attributes.pop("color", "#97c2fc"),
            font_color=net.font_color,
            **attributes,
        )
        net.nodes.append(made.options)
        net.node_ids.append(node_id)
        net.node_map[node_id] = made.options
    for edge in edges:
        attributes = dict(edge)
        source, target = attributes.pop("from"), attributes.pop("to")
        if source not in net.node_map or target not in net.node_map:
            raise ValueError(f"edge {source!r} -> {target!r} names an actor that is not drawn")
        net.edges.append(Edge(source, target, net.directed, **attributes).options)
    # A dict, as set_options would leave it: set_options parses a JSON string
    # after deleting every space in it, which would also mangle string values.
    net.options = options
    return net
