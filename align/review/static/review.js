// align review: the page over one run. Every text from the run goes into the page through
// textContent (never innerHTML), so a segment holding markup or script shows as text.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = {
  overview: null,   // /api/state
  view: null,       // null: all pairs; else "src\u0000tgt" of one pair
  views: new Map(), // pair key -> pair view (beads with texts)
  rows: [],         // beads in page order: {key, pair, bead, index}
  current: 0,       // index into rows
  mode: null,       // null | {kind: "edit"} | {kind: "split", cutSrc, cutTgt}
  pending: 0,
  chain: Promise.resolve(),
};

const MAX_ROWS = 300;  // rows on the page at once; j/k move the window with the cursor
const pairKey = (pair) => pair[0] + "\u0000" + pair[1];

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function scoreColour(score) {
  const s = Math.max(0, Math.min(1, score));
  return `hsl(${Math.round(120 * s * s)}, 70%, 82%)`;  // red (0) .. green (1), steeper near 1
}

async function getJSON(url) {
  const response = await fetch(url, {cache: "no-store"});
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function load() {
  state.overview = await getJSON("/api/state");
  if (state.view === null) {
    const all = await getJSON("/api/pairs");
    state.views = new Map(all.pairs.map((v) => [pairKey(v.pair), v]));
  } else {
    const [src, tgt] = state.view.split("\u0000");
    const view = await getJSON(`/api/pair?src=${encodeURIComponent(src)}&tgt=${encodeURIComponent(tgt)}`);
    state.views = new Map([[state.view, view]]);
  }
  buildRows();
  renderSide();
  renderBeads();
  showCounts(state.overview.counts);
  $("#beads").dataset.view = state.view === null ? "all" : state.view.replace("\u0000", " / ");
  if (!state.pending) setSaved(`saved ✓ ${state.overview.counts.decisions} decisions`);
}

function buildRows(keep) {
  state.rows = [];
  for (const [key, view] of state.views) {
    if (view.status === "unpaired") continue;
    view.beads.forEach((bead, index) => state.rows.push({key, pair: view.pair, bead, index}));
  }
  if (keep) {  // the bead that holds the remembered sentence (after a merge or split)
    const found = state.rows.findIndex((r) => r.key === keep.key && r.bead[keep.side].includes(keep.sentence));
    if (found >= 0) state.current = found;
  }
  state.current = Math.max(0, Math.min(state.current, state.rows.length - 1));
}

function below() {
  const value = parseFloat($("#below").value);
  return Number.isFinite(value) ? value : Infinity;  // empty: every bead
}

function visible() {
  const limit = below();
  return state.rows.map((r, i) => i).filter((i) => state.rows[i].bead.score < limit);
}

function showCounts(c) {
  $("#counts").textContent = `reviewed ${c.reviewed} of ${c.beads} beads · changed ${c.changed} · rejected ${c.rejected}` +
    ` · pairs ${c.pairs} (${c.by_hand} by hand, ${c.unpaired} unpaired) · ${c.decisions} decisions`;
}

function setSaved(text, error) {
  const node = $("#saved");
  node.textContent = text;
  node.classList.toggle("error", Boolean(error));
  node.dataset.pending = String(state.pending);
}

// -- side panel -----------------------------------------------------------------------------
function renderSide() {
  const o = state.overview;
  $("#folder").textContent = "\u200e" + o.folder;  // the mark keeps a leading "/" in place (the box is rtl, for its ellipsis)
  $("#src-lang").textContent = o.langs.src;
  $("#tgt-lang").textContent = o.langs.tgt;
  $("#src-head").textContent = `source (${o.langs.src})`;
  $("#tgt-head").textContent = `target (${o.langs.tgt})`;
  const list = $("#pairs");
  list.replaceChildren();
  const all = el("li", `All pairs, document order (${o.counts.beads} beads)`);
  all.classList.toggle("current", state.view === null);
  all.addEventListener("click", () => openView(null));
  list.append(all);
  for (const p of o.pairs) {
    const key = pairKey(p.pair);
    const item = el("li");
    item.dataset.src = p.pair[0];
    item.dataset.tgt = p.pair[1];
    item.classList.toggle("current", state.view === key);
    item.classList.toggle("unpaired", p.status === "unpaired");
    const button = el("button", p.status === "unpaired" ? "pair again" : "unpair");
    button.type = "button";
    button.className = "unpair";
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      send({verdict: p.status === "unpaired" ? "pair" : "unpair", pair: p.pair}, true);
    });
    item.append(button);
    item.append(el("div", p.titles.src));
    item.append(el("div", p.titles.tgt));
    const score = p.status === "hand" ? "paired by hand" : `pair score ${p.score.toFixed(3)}`;
    const lowest = p.lowest === null ? "" : ` · lowest bead ${p.lowest.toFixed(3)}`;
    item.append(el("div", `${score} · ${p.reviewed}/${p.beads} beads reviewed${lowest}`, "meta"));
    const details = el("details");
    details.append(el("summary", "evidence"));
    details.append(el("div", Object.entries(p.evidence).map(([k, v]) => `${k}: ${v}`).join(" · ")));
    details.addEventListener("click", (event) => event.stopPropagation());
    item.append(details);
    if (p.status !== "unpaired") item.addEventListener("click", () => openView(key));
    list.append(item);
  }
  for (const side of ["src", "tgt"]) {
    const select = $(`#unpaired-${side}`);
    select.replaceChildren();
    for (const a of o.unpaired[side]) {
      const option = el("option", `${a.title || a.id} (${a.file}, ${a.sentences} sentences)`);
      option.value = a.id;
      select.append(option);
    }
  }
  $("#pair-button").disabled = !(o.unpaired.src.length && o.unpaired.tgt.length);
  const stale = $("#stale");
  stale.hidden = !o.stale.length;
  stale.textContent = o.stale.length ? `${o.counts.stale} decision(s) in review.jsonl no longer fit the run: ${o.stale.join("; ")}` : "";
}

function openView(key) {
  state.view = key;
  state.current = 0;
  state.mode = null;
  $("#beads").dataset.view = "";
  $("#pair-title").textContent = key === null ? "All pairs" : key.replace("\u0000", " / ");
  load();
}

// -- bead table -----------------------------------------------------------------------------
function renderBeads() {
  const body = $("#beads tbody");
  body.replaceChildren();
  const shown = visible();
  if (shown.length && !shown.includes(state.current)) state.current = shown[0];
  const at = shown.indexOf(state.current);
  const first = Math.max(0, Math.min(at - MAX_ROWS / 4, shown.length - MAX_ROWS));  // a window that follows the cursor
  let lastKey = null;
  for (const i of shown.slice(first, first + MAX_ROWS)) {
    const row = state.rows[i];
    if (state.view === null && row.key !== lastKey) {
      const view = state.views.get(row.key);
      const head = el("tr", null, "pair-head");
      const cell = el("td", `${view.titles.src} / ${view.titles.tgt}`);
      cell.colSpan = 6;
      head.append(cell);
      body.append(head);
      lastKey = row.key;
    }
    body.append(beadRow(row, i));
  }
  const range = shown.length > MAX_ROWS ? ` (${first + 1}–${Math.min(shown.length, first + MAX_ROWS)} on the page)` : "";
  $("#shown").textContent = `${shown.length} of ${state.rows.length} beads shown${range}`;
  const current = body.querySelector("tr.current");
  if (current) current.scrollIntoView({block: "nearest"});
}

function beadRow(row, i) {
  const bead = row.bead;
  const tr = el("tr", null, "bead");
  tr.dataset.row = String(i);
  tr.dataset.src = bead.src.join(",");
  tr.dataset.tgt = bead.tgt.join(",");
  if (bead.verdict) tr.classList.add(bead.verdict);
  const isCurrent = i === state.current;
  tr.classList.toggle("current", isCurrent);
  tr.append(el("td", row.index + 1));
  const score = el("td", bead.score.toFixed(3), "score");
  score.style.background = scoreColour(bead.score);
  tr.append(score);
  for (const side of ["src", "tgt"]) tr.append(textCell(bead, side, isCurrent ? state.mode : null));
  const hint = isCurrent && state.mode ? {split: "split at the dashed lines? Enter / Esc",
                                          edit: "Ctrl+Enter saves, Esc cancels"}[state.mode.kind] : null;
  tr.append(el("td", hint || bead.review || (bead.origin === "pair" ? "aligned by hand pairing" : ""), "review"));
  const actions = el("td", null, "actions");
  for (const [label, act] of [["accept", "a"], ["reject", "r"], ["merge ↓", "m"], ["split", "s"], ["edit", "e"]]) {
    const button = el("button", label);
    button.type = "button";
    button.addEventListener("click", (event) => { event.stopPropagation(); state.current = i; command(act); });
    actions.append(button);
  }
  tr.append(actions);
  tr.addEventListener("click", () => { if (state.current !== i) { state.current = i; state.mode = null; renderBeads(); } });
  return tr;
}

function textCell(bead, side, mode) {
  const td = el("td", null, "text");
  td.dataset.side = side;
  td.lang = state.overview.langs[side];
  if (mode && mode.kind === "edit" && bead[side].length) {
    const area = el("textarea");
    area.value = bead.text[side];
    area.dataset.side = side;
    td.append(area);
  } else if (mode && mode.kind === "split") {
    const list = el("ol");
    const cut = side === "src" ? mode.cutSrc : mode.cutTgt;
    bead.sentences[side].forEach((sentence, k) => {
      const item = el("li", sentence, k === cut ? "cut" : "");
      item.addEventListener("click", () => { mode[side === "src" ? "cutSrc" : "cutTgt"] = k; renderBeads(); });
      list.append(item);
    });
    if (cut === bead.sentences[side].length) list.append(el("li", "", "cut"));
    td.append(list);
  } else {
    td.append(el("span", bead.text[side], bead.edited.includes(side) ? "edited" : ""));
  }
  return td;
}

// -- commands -------------------------------------------------------------------------------
function move(step) {
  const shown = visible();
  if (!shown.length) return;
  const at = shown.indexOf(state.current);
  const previous = state.current;
  state.current = shown[Math.max(0, Math.min(shown.length - 1, at < 0 ? 0 : at + step))];
  const from = document.querySelector(`tr.bead[data-row="${previous}"]`);
  const to = document.querySelector(`tr.bead[data-row="${state.current}"]`);
  if (state.mode || !from || !to) {  // leaving an editor, or off the rows on the page: draw again
    state.mode = null;
    renderBeads();
    return;
  }
  from.classList.remove("current");
  to.classList.add("current");
  to.scrollIntoView({block: "nearest"});
}

function beadDecision(row, verdict, extra) {
  return {verdict, pair: row.pair, src: row.bead.src, tgt: row.bead.tgt, ...extra};
}

function remembered(row) {
  const side = row.bead.src.length ? "src" : "tgt";
  return {key: row.key, side, sentence: row.bead[side][0]};
}

function command(key) {
  const row = state.rows[state.current];
  if (!row) return;
  if (key === "a" || key === "r") {
    send(beadDecision(row, key === "a" ? "accept" : "reject"));
    move(1);
  } else if (key === "m") {
    const next = state.views.get(row.key).beads[row.index + 1];
    if (!next) { setSaved("the last bead of a pair has no next bead", true); return; }
    send(beadDecision(row, "merge", {next: {src: next.src, tgt: next.tgt}}), false, remembered(row));
  } else if (key === "s") {
    const n = row.bead.src.length, m = row.bead.tgt.length;
    if (n + m < 2) { setSaved("a bead of one sentence cannot be split", true); return; }
    let cutSrc = Math.ceil(n / 2), cutTgt = Math.ceil(m / 2);
    if (n === 1 && m === 1) cutTgt = 0;
    state.mode = {kind: "split", cutSrc, cutTgt};
    renderBeads();
  } else if (key === "e") {
    state.mode = {kind: "edit"};
    renderBeads();
    const area = document.querySelector("tr.current textarea");
    if (area) area.focus();
  }
}

function finishSplit() {
  const row = state.rows[state.current];
  const {cutSrc, cutTgt} = state.mode;
  const parts = [{src: row.bead.src.slice(0, cutSrc), tgt: row.bead.tgt.slice(0, cutTgt)},
                 {src: row.bead.src.slice(cutSrc), tgt: row.bead.tgt.slice(cutTgt)}];
  if (parts.some((p) => !p.src.length && !p.tgt.length)) { setSaved("both parts of a split need a sentence", true); return; }
  state.mode = null;
  send(beadDecision(row, "split", {into: parts}), false, remembered(row));
}

function finishEdit() {
  const row = state.rows[state.current];
  state.mode = null;
  for (const area of document.querySelectorAll("tr.current textarea")) {
    const side = area.dataset.side;
    if (area.value.trim() && area.value !== row.bead.text[side]) {
      send(beadDecision(row, "edit", {side, text: area.value}), false, remembered(row));
    }
  }
  renderBeads();
}

function send(decision, reloadAll, keep) {
  state.pending += 1;
  setSaved("saving…");
  state.chain = state.chain.then(async () => {
    let ok = false;
    try {
      const response = await fetch("/api/decision", {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(decision),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || response.status);
      ok = true;
      state.pending -= 1;
      if (reloadAll || state.view === null && !state.views.has(pairKey(decision.pair))) {
        await load();
      } else {
        const key = pairKey(decision.pair);
        const currentRow = state.rows[state.current];
        state.views.set(key, data.pair);
        const index = state.overview.pairs.findIndex((p) => pairKey(p.pair) === key);
        if (index >= 0) state.overview.pairs[index] = {...data.pair, beads: data.pair.beads.length};
        buildRows(keep || (currentRow && remembered(currentRow)));
        state.overview.counts = data.counts;
        showCounts(data.counts);
        renderSide();
        renderBeads();
      }
      setSaved(state.pending ? "saving…" : `saved ✓ ${data.counts.decisions} decisions`);
    } catch (error) {
      if (!ok) state.pending -= 1;
      setSaved(`not saved: ${error.message}`, true);
      if (!state.pending) load().then(() => setSaved(`not saved: ${error.message}`, true), () => {});
    }
  });
  return state.chain;
}

function onKey(event) {
  const typing = event.target.closest && event.target.closest("textarea, input, select");
  if (state.mode && state.mode.kind === "edit") {
    if (event.key === "Escape") { state.mode = null; renderBeads(); event.preventDefault(); }
    else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { finishEdit(); event.preventDefault(); }
    return;
  }
  if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
  if (state.mode && state.mode.kind === "split") {
    const row = state.rows[state.current];
    const limits = {cutSrc: row.bead.src.length, cutTgt: row.bead.tgt.length};
    const step = {ArrowLeft: ["cutSrc", -1], ArrowRight: ["cutSrc", 1], ArrowUp: ["cutTgt", -1], ArrowDown: ["cutTgt", 1]}[event.key];
    if (step) {
      state.mode[step[0]] = Math.max(0, Math.min(limits[step[0]], state.mode[step[0]] + step[1]));
      renderBeads();
    } else if (event.key === "Enter") finishSplit();
    else if (event.key === "Escape") { state.mode = null; renderBeads(); }
    event.preventDefault();
    return;
  }
  if (event.key === "j") move(1);
  else if (event.key === "k") move(-1);
  else if ("armse".includes(event.key) && event.key.length === 1) command(event.key);
  else return;
  event.preventDefault();
}

document.addEventListener("DOMContentLoaded", () => {
  document.addEventListener("keydown", onKey);
  $("#below").addEventListener("input", () => renderBeads());
  $("#pair-button").addEventListener("click", () => {
    const src = $("#unpaired-src").value, tgt = $("#unpaired-tgt").value;
    if (src && tgt) {
      setSaved("aligning the new pair…");
      send({verdict: "pair", pair: [src, tgt]}, true);
    }
  });
  load().catch((error) => setSaved(`cannot load the run: ${error.message}`, true));
});
