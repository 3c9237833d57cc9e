// search.js: find an actor by name or alias (case and accents ignored,
// suggestions as you type): exact matches first, then names that start with
// the text, then names that contain it; within each, the more important
// actor, then the shorter name. Enter moves to the actor and opens its panel.
//
// Needs: data, $, element, nameOf, rankOf, compare, status (base.js);
// nodeHidden (state.js); select, clearSelection (panel.js).
// Gives: find(text) (an actor id or null), search (the input).

const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
// The folded names and the suggestions (one list for the three name boxes)
// are built on first use or once the page is stable, not before the first
// frame: 20,000 options and foldings cost the largest pages half a second.
let folded = null;
function searchList() {
  if (folded) return folded;
  folded = data.search.map(([text, id]) => [fold(text), id]);
  const names = $("actor-names");
  for (const [text, id] of data.search) {
    const option = element("option");
    option.value = text;
    if (text !== nameOf(id)) option.label = text + " (" + nameOf(id) + ")";
    names.appendChild(option);
  }
  return folded;
}
document.addEventListener("focusin", (event) => {
  if (event.target.getAttribute && event.target.getAttribute("list") === "actor-names") searchList();
});
document.addEventListener("graph-stable", () => setTimeout(searchList), { once: true });
function find(query) {
  const wanted = fold(query);
  if (!wanted) return null;
  let best = null;
  let bestKey = null;
  for (const [text, id] of searchList()) {
    const tier = text === wanted ? 0 : text.startsWith(wanted) ? 1 : text.includes(wanted) ? 2 : -1;
    if (tier < 0) continue;
    const key = [tier, rankOf(id), text.length, id];
    if (bestKey === null || compare(key, bestKey) < 0) {
      best = id;
      bestKey = key;
    }
  }
  return best;
}
const search = $("search");
function go() {
  const id = find(search.value);
  if (id === null) {
    // Nothing found: no earlier selection stays emphasised as if it were the answer.
    clearSelection();
    status.textContent = search.value.trim() ? "No actor matches “" + search.value.trim() + "”." : "";
    return;
  }
  status.textContent = nodeHidden.has(id) ? nameOf(id) + " is hidden by a filter." : "";
  select(id, true);
}
search.addEventListener("keydown", (event) => {
  if (event.key === "Enter") go();
});
search.addEventListener("input", (event) => {
  // Picking a suggestion from the list (no typing) searches at once.
  if (!event.inputType || event.inputType === "insertReplacementText") go();
});
