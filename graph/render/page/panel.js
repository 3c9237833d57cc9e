// panel.js: the details panel (an actor with every relation and quote, or a
// relation's card) and the selection behind it: select an actor or a
// relation, emphasise its neighbourhood, clear.
//
// Needs: meta, $, element, button, plural, byId, edgeById, nameOf, touching
// (base.js); markWords (tooltips.js); selected, selectedEdge, pathShown, edgeHidden, saveFragment
// (state.js); renderer (renderer-vis.js).
// Gives: details (the panel's element), quoteBlock(edge), neighbourhood(id),
// select(id, move), selectEdge(id), selectPair(ids), clearSelection().

const details = $("details");
const detailsBody = $("details-body");
function copyButton(text) {
  return button("Copy", "copy the quote", (event) => {
    const done = () => (event.target.textContent = "Copied");
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, () => fallbackCopy(text) && done());
    } else if (fallbackCopy(text)) {
      done();
    }
  });
}
function fallbackCopy(text) {
  const area = element("textarea");
  area.value = text;
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  return ok;
}
function quoteBlock(edge) {
  const block = element("div", "evidence");
  const marks = markWords(edge);
  if (marks) block.append(element("div", "mark", marks));
  const quote = element("blockquote", "quote", edge.evidence);
  block.append(quote, copyButton(edge.evidence));
  const facts = [edge.date ? edge.date : "undated"];
  if (edge.document) facts.push("source: " + edge.document);
  if (edge.locator) facts.push("at: " + edge.locator);
  if (edge.weight !== 1) facts.push("weight " + edge.weight);
  if (edge.frustrated) facts.push("frustrated (against the camps)");
  block.append(element("div", "meta", facts.join(" · ")));
  // A document given as a URL: a link the reader may follow; the page never fetches it.
  if (edge.url && /^https?:\/\//i.test(edge.url)) {
    const link = element("a", "document-url", edge.url);
    link.href = edge.url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    block.append(link);
  }
  return block;
}
function actorLink(id) {
  const link = button(nameOf(id), null, () => select(id, true));
  link.className = "actor-link";
  return link;
}
function openDetails(title) {
  detailsBody.replaceChildren();
  $("details-title").textContent = title;
  details.hidden = false;
}
function showActor(id) {
  const node = byId.get(id);
  openDetails(node.name);
  const facts = element("p", "meta", "kind: " + node.kind + " · " + meta.sizeBy + " " + node.score +
    (node.rank ? " (rank " + node.rank + ")" : ""));
  detailsBody.append(facts);
  if (node.offstage) detailsBody.append(element("p", "warning", "Not drawn: left out for size (see the heading). Its relations are all listed here."));
  // graph camps' standing: how many relations the actor's side rests on.
  if (node.standing) {
    const camp = node.standing === "undecided" ? "in no camp" : "camp " + ((node.groupOf ? node.groupOf.camp : node.colorGroup) + 1);
    detailsBody.append(element("p", "meta standing", camp + " · " + node.standing + " · margin " + node.margin));
  }
  if (node.description) detailsBody.append(element("p", null, node.description));
  if (node.aliases.length) detailsBody.append(element("p", "meta", "also called: " + node.aliases.join(", ")));
  const mine = touching.get(id);
  const count = element("p", "meta", plural(mine.length, "relation", "relations") + ", by type:");
  detailsBody.append(count);
  const groups = new Map();
  for (const edge of mine) {
    if (!groups.has(edge.type)) groups.set(edge.type, []);
    groups.get(edge.type).push(edge);
  }
  // Every relation is listed: all of them up to PANEL_ALL, otherwise each
  // type's first PANEL_FIRST and a "Show all" button for the rest (a hub's
  // thousands of quotes would take seconds to build, and a reader scans the
  // types first). Whatever is built, is built in slices of about SLICE_MS
  // between frames, so the page never stalls while the panel fills.
  const whole = mine.length <= PANEL_ALL;
  const queue = [];
  let next = 0;
  let filling = false;
  const shown = ++panelBuild;
  const fill = () => {
    if (shown !== panelBuild) return; // another actor was opened meanwhile
    const until = performance.now() + SLICE_MS;
    while (next < queue.length && performance.now() < until) {
      const [items, edge] = queue[next++];
      items.append(relationItem(id, edge));
    }
    filling = next < queue.length;
    if (filling) setTimeout(fill, 0);
    else details.dataset.complete = "true";
  };
  const add = (items, list) => {
    for (const edge of list) queue.push([items, edge]);
    details.dataset.complete = "false";
    if (!filling) fill();
  };
  const more = [];
  for (const [type, list] of [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const section = element("section", "relation-group");
    section.append(element("h3", "sign-" + list[0].sign, type + " (" + list[0].sign + ") · " + list.length));
    const items = element("ul", "relations");
    section.append(items);
    detailsBody.append(section);
    const first = whole ? list : list.slice(0, PANEL_FIRST);
    for (const edge of first) queue.push([items, edge]);
    if (first.length < list.length) {
      const rest = list.slice(first.length);
      const all = button("Show all " + list.length.toLocaleString("en"),
        "Show all " + list.length.toLocaleString("en") + " " + type + " relations", () => {
          all.remove();
          add(items, rest);
        });
      all.className = "show-all";
      section.append(all);
      more.push(all);
    }
  }
  if (more.length) {
    const every = button("Show all " + mine.length.toLocaleString("en"),
      "Show all " + mine.length.toLocaleString("en") + " relations", () => {
        every.remove();
        for (const all of more) if (all.isConnected) all.click();
      });
    every.className = "show-all";
    count.append(" ", every);
  }
  details.dataset.complete = "false";
  fill();
}
// An actor's relation in its panel: the other end, then the quote.
function relationItem(id, edge) {
  const item = element("li");
  item.dataset.edge = edge.id;
  const line = element("div", "ends");
  const out = edge.from === id;
  line.append(element("span", "arrow", edge.symmetric ? "↔ " : out ? "→ " : "← "));
  line.append(actorLink(out ? edge.to : edge.from));
  if (edge.offstage) line.append(element("span", "meta", " (not drawn)"));
  item.append(line, quoteBlock(edge));
  return item;
}
const SLICE_MS = 12;
const PANEL_ALL = 60;
const PANEL_FIRST = 5;
let panelBuild = 0;
function showRelation(id) {
  const edge = edgeById.get(id);
  openDetails(edge.type + " (" + edge.sign + ")");
  const line = element("p", "ends");
  line.append(actorLink(edge.from), element("span", "arrow", edge.symmetric ? " ↔ " : " → "), actorLink(edge.to));
  detailsBody.append(line, quoteBlock(edge));
}
// Every relation between two actors (one line on the WebGL page): a card each.
function showPair(ids) {
  const first = edgeById.get(ids[0]);
  openDetails(nameOf(first.from) + " and " + nameOf(first.to));
  detailsBody.append(element("p", "meta", plural(ids.length, "relation", "relations") + " between them:"));
  const items = element("ul", "relations");
  for (const id of ids) {
    const edge = edgeById.get(id);
    const item = element("li");
    item.dataset.edge = id;
    const line = element("div", "ends");
    line.append(actorLink(edge.from), element("span", "arrow", edge.symmetric ? " ↔ " : " → "), actorLink(edge.to));
    line.append(element("span", "meta", " " + edge.type + " (" + edge.sign + ")"));
    item.append(line, quoteBlock(edge));
    items.append(item);
  }
  detailsBody.append(items);
}
function closeDetails() {
  details.hidden = true;
  detailsBody.replaceChildren();
}
$("details-close").addEventListener("click", () => clearSelection());

// -- the selection --------------------------------------------------------------
// An actor's neighbourhood over the relations shown: [actor ids, relation ids].
function neighbourhood(id) {
  const near = new Set([id]);
  const around = [];
  for (const edge of touching.get(id)) {
    if (edge.offstage || edgeHidden.has(edge.id)) continue;
    around.push(edge.id);
    near.add(edge.from);
    near.add(edge.to);
  }
  return [near, around];
}
function select(id, move) {
  selected = id;
  selectedEdge = null;
  renderer.select(id);
  const [near, around] = neighbourhood(id);
  renderer.emphasise(near, around);
  showActor(id);
  if (move) {
    // Large pages keep their zoom: zoomed in on a hub, its hundreds of
    // dashed relations run thousands of pixels and one frame takes a second.
    renderer.focus(id, meta.physics ? 1.2 : 0, 300);
  }
  saveFragment();
}
function selectEdge(id) {
  selected = null;
  selectedEdge = id;
  const edge = edgeById.get(id);
  renderer.emphasise([edge.from, edge.to], [id]);
  showRelation(id);
  saveFragment();
}
function selectPair(ids) {
  if (ids.length === 1) {
    selectEdge(ids[0]);
    return;
  }
  selected = null;
  selectedEdge = ids[0];
  const edge = edgeById.get(ids[0]);
  renderer.emphasise([edge.from, edge.to], ids);
  showPair(ids);
  saveFragment();
}
function clearSelection() {
  selected = null;
  selectedEdge = null;
  renderer.unselect();
  renderer.emphasise(pathShown ? pathShown.nodes : null, pathShown ? pathShown.edges : null);
  closeDetails();
  saveFragment();
}
renderer.onClick((clicked) => {
  if (clicked.node !== null) select(clicked.node, false);
  else if (clicked.pair && clicked.pair.length > 1) selectPair(clicked.pair);
  else if (clicked.edge !== null) selectEdge(clicked.edge);
  else clearSelection();
});
