// tooltips.js: the hover previews of actors and relations, built as elements
// with textContent (a renderer shows them as they are); the details panel
// holds the evidence.
//
// A tooltip never stays over the graph after a tap: a touch sets the class
// `touching` on the body (and Escape `tips-off`, until the mouse moves), and
// page.css hides a renderer's tooltip box (`div.vis-tooltip`, or any element
// of class `graph-tooltip`) under either.
//
// Needs: meta, element, nameOf, container (base.js).
// Gives: nodeTooltip(node), edgeTooltip(edge), used by the renderer;
// markWords(edge) (a relation's role, hedge and evidence state in words, also
// for the panel); tipsShown(), hideTips().

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
    ["meta", node.standing ? node.standing + " (margin " + node.margin + ")" : ""],
    ["meta", meta.sizeBy + " centrality " + node.score + (node.rank ? " (rank " + node.rank + ")" : "")],
    ["meta", "click for every relation and quote"],
  ]);
}
// What a relation says of itself, in words: marks on the graph are never the only sign.
function markWords(edge) {
  const words = [];
  if (edge.role !== "action") words.push(edge.role);
  if (edge.hedged) words.push("hedged");
  if (edge.state !== "verified") words.push(edge.state + (edge.state === "located" ? ": quote not checked" : ": no quote checked"));
  return words.join(" · ");
}
function edgeTooltip(edge) {
  const arrow = edge.symmetric ? " ↔ " : " → ";
  return tooltip([
    ["heading", nameOf(edge.from) + arrow + nameOf(edge.to)],
    ["meta", edge.type + " (" + edge.sign + (edge.symmetric ? ", both ways" : "") + ")"],
    ["meta", edge.date ? "date: " + edge.date : "undated"],
    ["meta mark", markWords(edge)],
    ["quote", edge.evidence],
    ["meta", edge.document ? "source: " + edge.document : ""],
    ["meta", edge.weight !== 1 ? "weight: " + edge.weight : ""],
    ["meta", edge.frustrated ? "frustrated: goes against the camps" : ""],
  ]);
}

const TIP_BOXES = "div.vis-tooltip, .graph-tooltip";
container.addEventListener(
  "pointerdown",
  (event) => document.body.classList.toggle("touching", event.pointerType === "touch"),
  true
);
container.addEventListener("touchstart", () => document.body.classList.add("touching"), { capture: true, passive: true });
container.addEventListener("mousemove", (event) => {
  // A touch also fires mouse events, with no movement: only a real move brings tooltips back.
  if (event.movementX || event.movementY) document.body.classList.remove("tips-off");
});
function tipsShown() {
  return [...document.querySelectorAll(TIP_BOXES)].some((box) => {
    const style = getComputedStyle(box);
    return style.display !== "none" && style.visibility !== "hidden";
  });
}
function hideTips() {
  document.body.classList.add("tips-off");
}
