// tooltips.js: the hover previews of actors and relations, built as elements
// with textContent (a renderer shows them as they are); the details panel
// holds the evidence.
//
// Needs: meta, element, nameOf (base.js).
// Gives: nodeTooltip(node), edgeTooltip(edge), used by the renderer.

function tooltip(lines) {
  const box = element("div", "tip");
  for (const [className, text] of lines) {
    if (text !== undefined && text !== null && text !== "") box.appendChild(element("div", className, text));
  }
  return box;
}
function nodeTooltip(node) {
  return tooltip([
    ["heading", node.name],
    ["meta", "kind: " + node.kind],
    ["description", node.description],
    ["meta", node.aliases.length ? "also called: " + node.aliases.join(", ") : ""],
    ["meta", meta.sizeBy + " centrality " + node.score + (node.rank ? " (rank " + node.rank + ")" : "")],
    ["meta", "click for every relation and quote"],
  ]);
}
function edgeTooltip(edge) {
  const arrow = edge.symmetric ? " ↔ " : " → ";
  return tooltip([
    ["heading", nameOf(edge.from) + arrow + nameOf(edge.to)],
    ["meta", edge.type + " (" + edge.sign + (edge.symmetric ? ", both ways" : "") + ")"],
    ["meta", edge.date ? "date: " + edge.date : "undated"],
    ["quote", edge.evidence],
    ["meta", edge.document ? "source: " + edge.document : ""],
    ["meta", edge.weight !== 1 ? "weight: " + edge.weight : ""],
    ["meta", edge.frustrated ? "frustrated: goes against the camps" : ""],
  ]);
}
