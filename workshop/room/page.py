"""The participant's page: one mobile HTML document, its CSS and script inline, nothing fetched.

No CDN, no web font, no external script or image: it works over a room's Wi-Fi with no internet.
It holds no session data; everything comes from ``/api`` once the room code is given.  Every
text from the session or from other people is put on the page with ``textContent`` (never
``innerHTML``), so a partner named ``<script>`` or ``[bold]`` shows as typed.  The Content
Security Policy allows exactly this script and this style (by hash) and requests to this
address only.

It survives a phone that sleeps or loses Wi-Fi: the token and an answer not yet sent are kept in
the phone's storage, the page polls again as soon as it can (and at once when shown again), and
it shows what the room has of this person's answers.
"""

from __future__ import annotations

import base64
import hashlib

CSS = r"""
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:18px;
 background:#0f1420;color:#f1f3f8;line-height:1.35}
main{max-width:560px;margin:0 auto;padding:12px 14px 90px}
h1{font-size:1.15rem;margin:4px 0 10px;color:#ffd34d}
h2{font-size:1.45rem;margin:8px 0 6px;word-wrap:break-word;overflow-wrap:anywhere}
p{margin:8px 0}
.muted{color:#a9b1c4;font-size:.95rem}
#bar{position:sticky;top:0;padding:6px 14px;font-size:.9rem;background:#1b2233;color:#a9b1c4;
 display:flex;justify-content:space-between;gap:8px;z-index:2}
#bar.off{background:#7a1f1f;color:#fff}
input[type=text],textarea{width:100%;font-size:1.3rem;padding:14px;border-radius:10px;border:2px solid #3a4663;
 background:#172036;color:#fff}
textarea{min-height:9em;font-size:1.1rem}
#code{text-transform:uppercase;letter-spacing:.25em;text-align:center;font-size:1.8rem}
button{font-size:1.2rem;padding:14px 18px;border-radius:12px;border:0;background:#2f6fed;color:#fff;
 min-height:54px;cursor:pointer}
button:disabled{opacity:.45}
button.big{width:100%;margin-top:12px}
button.alt{background:#2a3450}
button.name{display:block;width:100%;margin:8px 0;text-align:left;background:#243152}
.row{display:flex;gap:10px;align-items:center}
.row>*{flex:1}
.crit{margin:10px 0 4px}
.crit label{display:flex;justify-content:space-between;font-weight:600}
.crit output{font-size:1.4rem;color:#ffd34d;min-width:3ch;text-align:right}
input[type=range]{width:100%;height:44px;accent-color:#ffd34d}
.sent{background:#163a2a;border-left:5px solid #35c07a;padding:8px 10px;border-radius:8px;margin:10px 0}
.wait{background:#2b2f1a;border-left:5px solid #ffd34d;padding:8px 10px;border-radius:8px;margin:10px 0}
.err{background:#3a1616;border-left:5px solid #ff5a5a;padding:8px 10px;border-radius:8px;margin:10px 0}
.item{display:flex;align-items:center;gap:8px;padding:8px 0;border-bottom:1px solid #2a3450}
.item span{flex:1;overflow-wrap:anywhere}
.item b{font-size:1.4rem;min-width:2ch;text-align:center;color:#ffd34d}
.item button{min-width:54px;padding:10px}
table{border-collapse:collapse;width:100%;font-size:.95rem;margin:6px 0}
th,td{padding:5px 4px;text-align:right;border-bottom:1px solid #2a3450}
th:first-child,td:first-child{text-align:left;overflow-wrap:anywhere}
td.wide,span.wide{color:#ff8a5a;font-weight:700}
.person{margin:8px 0;line-height:1.6}
.person b{display:block;overflow-wrap:anywhere}
.person span{display:inline-block;margin-right:12px;white-space:nowrap}
tr.mean td{font-weight:700;color:#ffd34d}
.card{background:#172036;border-radius:12px;padding:10px 12px;margin:12px 0}
.card.disputed{border:2px solid #ff5a5a}
.hidden{display:none}
"""

SCRIPT = r"""
"use strict";
const $ = (id) => document.getElementById(id);
const KEY = "partner-workshop-room";
let saved = {};
try { saved = JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { saved = {}; }
let code = (location.hash || "").replace(/^#/, "").toUpperCase() || saved.code || "";
let token = saved.token || "";
let state = null, version = null, index = 0, poller = null, backoff = 500, shownTask = null;
let outbox = saved.outbox || null;   // an answer not confirmed yet: {task, body}
function keep() {
  try { localStorage.setItem(KEY, JSON.stringify({code: code, token: token, outbox: outbox})); } catch (e) {}
}
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function bar(text, off) { $("status").textContent = text; $("bar").className = off ? "off" : ""; }
function show(id) {
  for (const s of ["join", "names", "room"]) $(s).classList.toggle("hidden", s !== id);
}
function headers() {
  return {"Content-Type": "application/json", "X-Room-Code": code, "X-Room-Token": token};
}
let pollCtl = null, woken = false;
async function call(method, path, body, withToken, ctl) {
  const opts = {method: method, headers: withToken ? headers() : {"Content-Type": "application/json"},
                cache: "no-store"};
  if (body !== undefined) opts.body = JSON.stringify(body);
  ctl = ctl || new AbortController();
  const timer = setTimeout(() => ctl.abort(), 30000);
  opts.signal = ctl.signal;
  try {
    const response = await fetch(path, opts);
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return {status: response.status, data: data};
  } finally { clearTimeout(timer); }
}
function message(target, text, cls) { clear(target).appendChild(el("p", text, cls || "err")); }

// ---------------------------------------------------------------- joining
async function askNames() {
  code = $("code").value.replace(/[\s-]/g, "").toUpperCase();
  if (!code) return;
  $("codego").disabled = true;
  try {
    const r = await call("POST", "/api/names", {code: code});
    if (r.status !== 200) { message($("joinmsg"), r.data.error || ("refused (" + r.status + ")")); return; }
    keep();
    $("roomtitle").textContent = r.data.room || "Workshop room";
    const list = clear($("namelist"));
    for (const name of r.data.names) {
      const b = el("button", name, "name");
      b.addEventListener("click", () => join(name));
      list.appendChild(b);
    }
    clear($("joinmsg"));
    show("names");
  } catch (e) { message($("joinmsg"), "No connection to the room. Check the Wi-Fi and try again."); }
  finally { $("codego").disabled = false; }
}
async function join(name) {
  try {
    const r = await call("POST", "/api/join", {code: code, name: name});
    if (r.status !== 200) { message($("namemsg"), r.data.error || ("refused (" + r.status + ")")); return; }
    token = r.data.token; keep();
    version = null; show("room"); poll();
  } catch (e) { message($("namemsg"), "No connection to the room. Try again."); }
}

// ---------------------------------------------------------------- polling
function poll() {
  if (poller) return;
  poller = (async () => {
    while (token) {
      try {
        const q = version === null ? "" : ("?since=" + encodeURIComponent(version));
        pollCtl = new AbortController();
        const r = await call("GET", "/api/state" + q, undefined, true, pollCtl);
        if (r.status === 200) {
          backoff = 500; bar("Connected · " + (r.data.you || ""), false);
          const changed = version !== r.data.version || !state;
          version = r.data.version; state = r.data;
          if (outbox) await flush();
          if (changed) render();
          continue;
        }
        if (r.status === 401 || r.status === 403) {
          token = ""; keep(); show("join"); $("code").value = r.status === 403 ? "" : code;
          message($("joinmsg"), r.status === 403 ? "The room code has changed: type the new one from the screen."
                                                 : "You are no longer in the room: join again.");
          break;
        }
        bar((r.data && r.data.error) || ("The room answered " + r.status), true);
      } catch (e) {
        if (woken) { woken = false; version = null; continue; }  // the phone woke up: ask again now
        bar("Reconnecting… (your answers are kept on this phone)", true);
      } finally { pollCtl = null; }
      await new Promise((ok) => setTimeout(ok, backoff));
      backoff = Math.min(backoff * 2, 5000);
    }
  })().finally(() => { poller = null; });
}
function wake() {
  // A phone that slept (or found its Wi-Fi again) may hold a poll on a dead connection: drop it
  // and ask at once, rather than wait for it to time out.
  if (!token) return;
  version = null;
  if (pollCtl) { woken = true; pollCtl.abort(); } else poll();
}
document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") wake(); });
window.addEventListener("online", wake);

// ---------------------------------------------------------------- sending
async function send(body) {
  outbox = body; keep(); renderOutbox();
  await flush();
}
async function flush() {
  if (!outbox) return;
  const body = outbox;
  try {
    const r = await call("POST", "/api/answer", body, true);
    if (r.status === 200) {
      outbox = null; keep(); state = r.data.state; version = state.version;
      if (body.partner !== undefined) advance(body.partner);
      render(); flash("Sent ✓ — sending again replaces it.");
      return;
    }
    if (r.status === 429) { renderOutbox(); return; }
    outbox = null; keep();
    flash(r.data.error || ("Not accepted (" + r.status + ")"), "err");
    if (r.status === 409) { version = null; poll(); }
  } catch (e) {
    renderOutbox();
  }
}
function flash(text, cls) { message($("flash"), text, cls || "sent"); }
function renderOutbox() {
  if (outbox) message($("flash"), "Not sent yet — it will be sent when the phone is back online.", "wait");
}
function firstUnsent() {
  const sent = state.sent || {};
  const k = state.task.items.findIndex((p) => !(p.id in sent));
  index = k < 0 ? 0 : k;
}
function advance(partnerId) {
  const items = state.task.items;
  const sent = state.sent || {};
  for (let step = 1; step <= items.length; step++) {
    const k = (index + step) % items.length;
    if (!(items[k].id in sent)) { index = k; window.scrollTo(0, 0); return; }
  }
}

// ---------------------------------------------------------------- drawing
function render() {
  const box = clear($("task"));
  $("title").textContent = state.room || "Workshop room";
  if (!state.admitted) {
    box.appendChild(el("p", "Waiting for the facilitator to let you in as “" + state.you + "”.", "wait"));
    return;
  }
  const task = state.task;
  if (!task) {
    box.appendChild(el("h2", "You are in."));
    box.appendChild(el("p", "Waiting for the facilitator's next question.", "wait"));
    return;
  }
  if (shownTask !== task.number) { shownTask = task.number; index = 0; clear($("flash"));
    if (task.kind === "rate") firstUnsent(); }
  if (state.revealed) { renderResults(box, state.results); return; }
  box.appendChild(el("h1", task.title));
  if (task.kind === "rate") renderRate(box, task);
  else if (task.kind === "vote") renderVote(box, task);
  else renderIdeas(box, task);
}
function renderRate(box, task) {
  const items = task.items, sent = state.sent || {};
  if (index >= items.length) index = 0;
  const partner = items[index];
  const done = items.filter((p) => p.id in sent).length;
  box.appendChild(el("p", "Partner " + (index + 1) + " of " + items.length + " · " + done + " sent", "muted"));
  if (done === items.length && items.length > 1)
    box.appendChild(el("p", "All " + items.length + " sent ✓ — ◀ ▶ to change one until the reveal.", "sent"));
  box.appendChild(el("h2", partner.text, "partner"));
  const mine = sent[partner.id];
  if (mine) box.appendChild(el("p", "You sent ✓ " + task.criteria.map((c) => c.short + " " + mine[c.key]).join(" · "), "sent"));
  const values = {};
  const touched = new Set(mine ? task.criteria.map((c) => c.key) : []);
  const hint = el("p", "", "muted");
  const go = el("button", mine ? "Send again (replaces)" : "Send", "big");
  const ready = () => {
    const left = task.criteria.length - touched.size;
    go.disabled = left > 0;
    hint.textContent = left > 0 ? "Move each slider to your rating (" + left + " to go)." : "";
  };
  for (const c of task.criteria) {
    const wrap = el("div", null, "crit");
    const label = el("label"); const out = el("output");
    const start = mine ? mine[c.key] : 50;
    label.appendChild(el("span", c.label + " (" + c.weight + "%)")); label.appendChild(out);
    const range = document.createElement("input");
    range.type = "range"; range.min = "0"; range.max = "100"; range.step = "1"; range.value = String(start);
    range.setAttribute("aria-label", c.label); range.dataset.key = c.key;
    values[c.key] = Number(start); out.textContent = String(start);
    range.addEventListener("input", () => {
      values[c.key] = Number(range.value); out.textContent = range.value; touched.add(c.key); ready();
    });
    wrap.appendChild(label); wrap.appendChild(range); box.appendChild(wrap);
  }
  go.id = "send";
  go.addEventListener("click", () => send({task: task.number, partner: partner.id, ratings: Object.assign({}, values)}));
  ready();
  box.appendChild(hint);
  box.appendChild(go);
  if (items.length > 1) {
    const nav = el("div", null, "row");
    const prev = el("button", "◀ Previous", "alt"), next = el("button", "Next ▶", "alt");
    const go_to = (k) => { index = k; clear($("flash")); render(); window.scrollTo(0, 0); };
    prev.addEventListener("click", () => go_to((index + items.length - 1) % items.length));
    next.addEventListener("click", () => go_to((index + 1) % items.length));
    nav.appendChild(prev); nav.appendChild(next); nav.style.marginTop = "10px"; box.appendChild(nav);
  }
}
function renderVote(box, task) {
  const mine = Object.assign({}, state.sent || {});
  const left = el("p", "", "muted");
  const update = () => {
    const used = Object.values(mine).reduce((a, b) => a + b, 0);
    left.textContent = (task.dots - used) + " of " + task.dots + " dots left";
    return used;
  };
  box.appendChild(left);
  for (const item of task.items) {
    const row = el("div", null, "item");
    const minus = el("button", "−", "alt"), count = el("b", String(mine[item.id] || 0)), plus = el("button", "+");
    minus.setAttribute("aria-label", "one dot less"); plus.setAttribute("aria-label", "one dot more");
    minus.addEventListener("click", () => { if (mine[item.id]) { mine[item.id] -= 1; count.textContent = String(mine[item.id]); update(); } });
    plus.addEventListener("click", () => { if (update() < task.dots) { mine[item.id] = (mine[item.id] || 0) + 1; count.textContent = String(mine[item.id]); update(); } });
    row.appendChild(el("span", item.text)); row.appendChild(minus); row.appendChild(count); row.appendChild(plus);
    box.appendChild(row);
  }
  update();
  if (state.sent) box.appendChild(el("p", "Your dots are in. Sending again replaces them.", "sent"));
  const go = el("button", state.sent ? "Send again (replaces)" : "Send my dots", "big");
  go.id = "send";
  go.addEventListener("click", () => send({task: task.number, dots: mine}));
  box.appendChild(go);
}
function renderIdeas(box, task) {
  box.appendChild(el("p", "One idea per line, up to 5. They go to the parking lot when the facilitator accepts them.", "muted"));
  const area = document.createElement("textarea");
  area.maxLength = 2600; area.id = "ideas";
  if (state.sent) area.value = state.sent.join("\n");
  box.appendChild(area);
  if (state.sent) {
    box.appendChild(el("p", "You sent:", "muted"));
    const list = el("ul"); for (const idea of state.sent) list.appendChild(el("li", idea)); box.appendChild(list);
  }
  const go = el("button", state.sent ? "Send again (replaces)" : "Send", "big");
  go.id = "send";
  go.addEventListener("click", () => {
    const ideas = area.value.split("\n").map((s) => s.trim()).filter((s) => s);
    if (!ideas.length) { flash("Write an idea first.", "err"); return; }
    send({task: task.number, ideas: ideas.slice(0, 5)});
  });
  box.appendChild(go);
}
function renderResults(box, results) {
  box.appendChild(el("h1", "Revealed: " + state.task.title));
  if (results.kind === "rate") {
    const keys = Object.keys(results.criteria);
    for (const p of results.partners) {
      const card = el("div", null, "card" + (p.disputed ? " disputed" : ""));
      card.appendChild(el("h2", p.name));
      card.appendChild(el("p", "Team score " + (p.team_score || "—") +
        (p.score_spread ? " · scores " + p.score_spread + " apart" : "") + " · " + p.people.length + " rated", "muted"));
      const table = el("table"), head = el("tr");
      for (const h of ["", "Team mean", "Spread"]) head.appendChild(el("th", h));
      table.appendChild(head);
      for (const k of keys) {
        const tr = el("tr", null, p.wide[k] ? "far" : "");
        tr.appendChild(el("td", results.criteria[k], p.wide[k] ? "wide" : ""));
        tr.appendChild(el("td", p.mean[k] || "—"));
        tr.appendChild(el("td", p.spread[k] || "—", p.wide[k] ? "wide" : ""));
        table.appendChild(tr);
      }
      const total = el("tr", null, "mean");
      total.appendChild(el("td", "Score")); total.appendChild(el("td", p.team_score || "—"));
      total.appendChild(el("td", p.score_spread || "—")); table.appendChild(total);
      card.appendChild(table);
      for (const person of p.people) {
        const line = el("p", null, "person");
        line.appendChild(el("b", person.who + " " + person.score));
        for (const k of keys) {
          const v = person.ratings[k];
          line.appendChild(el("span", results.criteria[k] + " " + (v === null ? "—" : v), p.wide[k] ? "wide" : ""));
        }
        card.appendChild(line);
      }
      card.appendChild(el("p", p.sentence, p.disputed ? "err" : "muted"));
      box.appendChild(card);
    }
  } else if (results.kind === "vote") {
    for (const item of results.items) {
      const row = el("div", null, "item");
      row.appendChild(el("span", item.text)); row.appendChild(el("b", String(item.dots)));
      box.appendChild(row);
    }
  } else {
    const list = el("ul");
    for (const idea of results.ideas) list.appendChild(el("li", idea.who + ": " + idea.text));
    box.appendChild(list);
  }
  box.appendChild(el("p", state.accepted ? "The facilitator has accepted these into the session." :
                            "Waiting for the facilitator.", "muted"));
}

// ---------------------------------------------------------------- start
$("code").value = code;
$("codeform").addEventListener("submit", (e) => { e.preventDefault(); askNames(); });
$("otherform").addEventListener("submit", (e) => { e.preventDefault(); const n = $("other").value.trim(); if (n) join(n); });
$("back").addEventListener("click", () => show("join"));
if (token && code) { show("room"); poll(); } else { show("join"); if (code) askNames(); }
"""

BODY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="dark">
<title>Workshop room</title>
<style>{css}</style></head>
<body>
<div id="bar"><span id="status">Partner Workshop · room</span></div>
<main>
<section id="join" class="hidden">
  <h1>Join the room</h1>
  <p class="muted">Type the room code shown on the screen.</p>
  <form id="codeform" autocomplete="off">
    <input type="text" id="code" inputmode="text" autocapitalize="characters" autocomplete="off"
      spellcheck="false" maxlength="12" aria-label="Room code" placeholder="ROOM CODE">
    <button class="big" id="codego" type="submit">Next</button>
  </form>
  <div id="joinmsg"></div>
</section>
<section id="names" class="hidden">
  <h1 id="roomtitle"></h1>
  <p class="muted">Who are you?</p>
  <div id="namelist"></div>
  <form id="otherform" autocomplete="off">
    <p class="muted">Not in the list? Type your name; the facilitator lets you in.</p>
    <input type="text" id="other" maxlength="60" aria-label="Your name" placeholder="Your name">
    <button class="big alt" type="submit">Join with this name</button>
  </form>
  <button class="big alt" id="back" type="button">◀ Another code</button>
  <div id="namemsg"></div>
</section>
<section id="room" class="hidden">
  <p class="muted" id="title"></p>
  <div id="task"></div>
  <div id="flash"></div>
</section>
</main>
<script>{script}</script>
</body></html>
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


_HTML = BODY.replace("{css}", CSS).replace("{script}", SCRIPT)

CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src {_hash(SCRIPT)}; style-src {_hash(CSS)}; "
    "connect-src 'self'; img-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)

PAGE_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}


def page_html() -> str:
    return _HTML
