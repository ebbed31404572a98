// Partways' one small browser component: the tab's own sessionStorage, orientation after a
// screen change, links from the error summary to their fields, each question's control
// described by its error, hint and "why we ask", the message-box guard for downloads, and
// the quick exit. Everything it is given arrives as JSON data; no value from
// the server or the user is ever written into HTML or script source (textContent only).
const KEY = "partways:answers";
// Each question's text as it is typed, keystroke by keystroke: a text box sends its text
// to the server only after a pause or on leaving it, and the copy in KEY follows the
// server, so a reload at once would lose the last words. Sent back with KEY on a restore.
const TYPED = "partways:typed";

function shared() {
  if (!window.__partways) {
    window.__partways = { seen: null, restoreSent: false, message: null, pending: null };
  }
  return window.__partways;
}

function main() {
  return document.querySelector('[data-testid="stMain"]') || document.body;
}

function toTop() {
  window.scrollTo(0, 0);
  const selectors = ['[data-testid="stMain"]', '[data-testid="stAppViewContainer"]',
    '[data-testid="stAppScrollToBottomContainer"]', '[data-testid="stMainBlockContainer"]'];
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    if (el) el.scrollTop = 0;
  }
}

function liveRegion() {
  let live = document.getElementById("partways-live");
  if (!live) {
    live = document.createElement("div");
    live.id = "partways-live";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.className = "partways-visually-hidden";
    document.body.appendChild(live);
  }
  return live;
}

// Retry until the new screen's element is in the page (the frontend draws it in its own time).
function when(find, act) {
  let tries = 0;
  const tick = () => {
    const el = find();
    if (el) return act(el);
    if (++tries < 60) setTimeout(tick, 50);
  };
  tick();
}

function heading(text) {
  for (const h of main().querySelectorAll("h1")) {
    if (h.textContent.trim() === text) return h;
  }
  return null;
}

function focusFirstControl(box) {
  const control = box.querySelector(
    'input:not([type="hidden"]), textarea, [role="radio"], [role="combobox"], button');
  if (control) {
    control.focus();
    control.scrollIntoView({ block: "center" });
  }
}

// Question boxes: each control is described by its error, its hint (such as a character
// count) and its "why we ask" disclosure, in that order; checkbox groups are named. Any other
// description a control already has is kept. Safe to run again and again: it writes an
// attribute only when its value changes.
function describedBy(box, qid, copies) {
  const ids = [];
  for (const part of ["err", "hint"]) {
    const el = box.querySelector(`[class*="st-key-${part}_${qid}"]`);
    if (el) {
      setAttr(el, "id", `partways-${part}-${qid}`);
      ids.push(el.id);
    }
  }
  // A closed disclosure's text is inert, and a browser reads no description from it: the
  // control is described by a hidden copy of it instead (text only), kept current here.
  const more = box.querySelector('[data-testid="stExpander"] [data-testid="stExpanderDetails"]');
  if (more) {
    setAttr(more, "id", `partways-disclosure-${qid}`);
    const blocks = [...more.querySelectorAll("p, li")].map((el) => el.textContent.trim());
    const text = blocks.length ? blocks.join(" ") : more.textContent.trim();
    const copy = copies.get(qid) || document.createElement("span");
    copy.id = `partways-more-${qid}`;
    if (copy.textContent !== text) copy.textContent = text;
    copies.set(qid, copy);
    ids.push(copy.id);
  }
  return ids;
}

// The hidden copies of the disclosures on screen, in one hidden element outside the
// frontend's own tree.
function descriptions() {
  let holder = document.getElementById("partways-descriptions");
  if (!holder) {
    holder = document.createElement("div");
    holder.id = "partways-descriptions";
    holder.hidden = true;
    document.body.appendChild(holder);
  }
  return holder;
}

// Set our ids in an element's aria-describedby, keeping any other description it has.
function describe(el, ours) {
  const before = (el.getAttribute("aria-describedby") || "").split(/\s+/);
  const others = before.filter((t) => t && !t.startsWith("partways-"));
  const value = [...ours, ...others].join(" ");
  if (value) setAttr(el, "aria-describedby", value);
  else if (el.hasAttribute("aria-describedby")) el.removeAttribute("aria-describedby");
}

function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function linkQuestions() {
  const holder = descriptions();
  const copies = new Map([...holder.children].map((el) => [el.id.slice("partways-more-".length), el]));
  const shown = new Map();
  for (const box of main().querySelectorAll('[class*="st-key-q_"]')) {
    const id = [...box.classList].find((c) => c.startsWith("st-key-q_"));
    if (!id) continue;
    const qid = id.slice("st-key-q_".length);
    const ours = describedBy(box, qid, copies);
    if (copies.has(qid)) shown.set(qid, copies.get(qid));
    const label = box.querySelector(`[class*="st-key-label_${qid}"]`);
    if (label) {
      setAttr(label, "id", `partways-label-${qid}`);
      setAttr(box, "role", "group");
      setAttr(box, "aria-labelledby", label.id);
    }
    // The control: a group of radios or of checkboxes as a whole (its options are not each
    // described again), else each field (a text, number, date or select box).
    const radios = box.querySelector("[role='radiogroup']");
    const checkboxes = box.querySelector("input[type='checkbox']");
    const fields = box.querySelectorAll("input, textarea, [role='radiogroup']");
    const controls = radios ? [radios] : checkboxes ? [box] : [...fields];
    for (const el of new Set([box, ...fields])) {
      describe(el, controls.includes(el) ? ours : []);
    }
  }
  for (const [qid, copy] of copies) {
    if (!shown.has(qid)) copy.remove();
    else if (copy.parentNode !== holder) holder.appendChild(copy);
  }
}

// Streamlit redraws a question's elements in its own time (a rerun, or only a fragment of
// the page, which does not run this component again): link them again whenever the main
// area changes, at most once a frame.
function watchQuestions(state) {
  if (state.watching) return;
  state.watching = true;
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      linkQuestions();
      announceOver(state);
    });
  });
  observer.observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-describedby"],
  });
}

// A text box gone over its limit (typed or pasted): say so once, politely, as it appears.
// The message stays under the box and describes it.
function announceOver(state) {
  const now = new Set();
  for (const el of main().querySelectorAll('[class*="st-key-over_"]')) {
    const key = [...el.classList].find((c) => c.startsWith("st-key-over_"));
    if (!key) continue;
    now.add(key);
    if (state.over && state.over.has(key)) continue;
    const text = el.textContent.trim();
    const live = liveRegion();
    live.textContent = "";
    setTimeout(() => { live.textContent = text; }, 150);
  }
  state.over = now;
}

function readTyped() {
  try {
    const typed = JSON.parse(window.sessionStorage.getItem(TYPED) || "{}");
    return typed && typeof typed === "object" && !Array.isArray(typed) ? typed : {};
  } catch (e) {
    return {};
  }
}

function writeTyped(typed) {
  try {
    if (Object.keys(typed).length) window.sessionStorage.setItem(TYPED, JSON.stringify(typed));
    else window.sessionStorage.removeItem(TYPED);
  } catch (e) {
    // Storage refused: only the last words before a reload are at risk, as before.
  }
}

function questionOf(el) {
  const box = el.closest && el.closest('[class*="st-key-q_"]');
  const key = box && [...box.classList].find((c) => c.startsWith("st-key-q_"));
  return key ? key.slice("st-key-q_".length) : null;
}

// The server has the answers now (the copy in KEY was just written): a text typed is kept
// apart only while its box still has focus, since leaving a box sends its text.
function pruneTyped() {
  const typed = readTyped();
  const focused = document.activeElement ? questionOf(document.activeElement) : null;
  const kept = focused && focused in typed ? { [focused]: typed[focused] } : {};
  if (Object.keys(typed).length !== Object.keys(kept).length) writeTyped(kept);
}

function installListeners(state) {
  if (state.listening) return;
  state.listening = true;
  state.pruneTyped = pruneTyped;  // store.js calls it after its own write
  // A question's text box or area (not a list's search box): keep its text as typed.
  document.addEventListener("input", (ev) => {
    const field = ev.target;
    const text = field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && field.type === "text");
    if (!text || field.getAttribute("role") === "combobox") return;
    const qid = questionOf(field);
    if (!qid) return;
    const typed = readTyped();
    typed[qid] = field.value;
    writeTyped(typed);
  }, true);
  document.addEventListener("click", (ev) => {
    const link = ev.target.closest && ev.target.closest('a[href^="#q-"]');
    if (!link) return;
    ev.preventDefault();
    const qid = link.getAttribute("href").slice(3);
    const box = main().querySelector(`.st-key-q_${CSS.escape(qid)}`);
    if (box) focusFirstControl(box);
  });
  // A download while the message box holds text the server has not received yet: hold the
  // click, let the box commit (it does on blur), and click again once the server has it.
  window.addEventListener("click", (ev) => {
    if (state.message === null) return;
    const button = ev.target.closest && ev.target.closest('[class*="st-key-download_"] button, [class*="st-key-save_answers"] button');
    if (!button) return;
    const box = document.querySelector('[class*="st-key-message_box"] textarea');
    if (!box || box.value === state.message) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    const wrapper = button.closest('[class*="st-key-"]');
    state.pending = { key: [...wrapper.classList].find((c) => c.startsWith("st-key-")), text: box.value };
    box.blur();
  }, true);
}

// A request the server never received (sent while the connection was down) is given up
// after this long, so the entries follow the screens again.
const ANSWER_WAIT_MS = 10000;

// Ask the server for a history entry's screen. Each request is numbered, and the server
// says in every screen it draws which request it last took (data.answered).
function askFor(state, screen) {
  state.asks = (state.asks || 0) + 1;
  state.asking = state.asks;
  state.askedAt = Date.now();
  state.goTo("screen", { screen, ask: state.asks });
}

// Browser history: one entry per screen, so Back and Forward move between the wizard's
// screens instead of leaving it. A new screen adds an entry (or names the first one); Back
// or Forward asks the server for that entry's screen, which it shows if the user may be
// there now (else the entry is renamed to the screen it shows). Once the user has said they
// feel unsafe (new_entries false), a new screen takes the place of the last entry instead.
function followHistory(state, data, setTriggerValue) {
  state.goTo = setTriggerValue;
  if (!state.historyListening) {
    state.historyListening = true;
    window.addEventListener("popstate", (ev) => {
      const screen = ev.state && ev.state.partways;
      if (typeof screen !== "string" || !state.goTo) return;
      // A text still in its box is sent first: leaving the box sends it.
      const field = document.activeElement;
      if (field && (field.tagName === "INPUT" || field.tagName === "TEXTAREA")) field.blur();
      askFor(state, screen);
    });
    // Back to this page from the browser's back-forward cache (after leaving the site): its
    // connection closed as it entered the cache, and a click before it is open again is
    // lost. Once it is open, ask for the entry's screen: a session still alive is there
    // already and nothing changes; one the server forgot meanwhile starts afresh and restores
    // from the tab now, before the user's next click (which it would take as its first).
    window.addEventListener("pageshow", (ev) => {
      const app = document.querySelector('[data-testid="stApp"]');
      if (!ev.persisted || !app) return;
      const open = new MutationObserver(() => {
        if (app.getAttribute("data-test-connection-state") !== "CONNECTED") return;
        open.disconnect();
        const screen = window.history.state && window.history.state.partways;
        if (typeof screen !== "string" || !state.goTo) return;
        askFor(state, screen);
      });
      open.observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
    });
  }
  // Until the tab has answered whether it kept answers (after a reload), the screen shown
  // is not yet the user's: the entry keeps the screen it had.
  if (data.offer_restore) return;
  // While a Back or Forward waits for its answer, a screen drawn before the server took it
  // (a rerun already under way, an earlier Back answered late) is not the entry's screen:
  // naming the entry after it, or adding an entry for it, would cut off the entries ahead.
  // The answer names the entry, with the screen the server chose (it may refuse a step).
  if (state.asking) {
    const late = Date.now() - state.askedAt > ANSWER_WAIT_MS;
    if (data.answered !== state.asking && !late) return;
    state.asking = null;
    state.popped = true;
  }
  const entry = window.history.state && window.history.state.partways;
  if (entry === data.screen) {
    state.popped = false;
    return;
  }
  // Each entry's address ends in a fragment naming its screen ("#step-2"): Streamlit's own
  // Back/Forward handler leaves an address with a fragment alone (it would otherwise rerun
  // the page as a page change, racing the screen asked for here).
  const url = `${window.location.pathname}${window.location.search}#${data.screen.replace(":", "-")}`;
  const named = { ...(window.history.state || {}), partways: data.screen };
  const replace = typeof entry !== "string" || state.popped || !data.new_entries;
  if (replace) window.history.replaceState(named, "", url);
  else window.history.pushState({ partways: data.screen }, "", url);
  state.popped = false;
}

export default function (component) {
  // The payload arrives wrapped in a one-item list (see tab.py: mount).
  const { data: wrapped, setTriggerValue } = component;
  const data = Array.isArray(wrapped) ? wrapped[0] : null;
  if (!data) return;
  const state = shared();
  installListeners(state);
  watchQuestions(state);
  try {
    if (data.clear) {
      window.sessionStorage.removeItem(KEY);
      window.sessionStorage.removeItem(TYPED);
    }
    if (data.store) {
      window.sessionStorage.setItem(KEY, JSON.stringify(data.store));
      pruneTyped();
    }
  } catch (e) {
    // Storage refused (private mode, quota): the wizard still works without it.
  }
  if (data.exit_url) {
    window.location.replace(data.exit_url);
    return;
  }
  if (data.offer_restore) {
    if (!state.restoreSent) {
      state.restoreSent = true;
      let saved = null;
      try {
        saved = window.sessionStorage.getItem(KEY);
        // With the texts typed since, and the screen of the history entry the tab is on.
        const entry = window.history.state && window.history.state.partways;
        if (saved) {
          saved = JSON.stringify({ ...JSON.parse(saved), typed: readTyped(),
            screen: typeof entry === "string" ? entry : null });
        }
      } catch (e) {
        saved = null;
      }
      // The screen shown after the answer takes this entry's place: a reload adds none.
      state.popped = true;
      setTriggerValue("restore", saved || "");
    }
  } else {
    state.restoreSent = false;
  }

  state.message = typeof data.message === "string" ? data.message : null;
  if (state.pending && state.message === state.pending.text) {
    const key = state.pending.key;
    state.pending = null;
    when(() => document.querySelector(`.${key} button`), (b) => setTimeout(() => b.click(), 0));
  }

  // The safety panel just opened under the question (reveal counts each opening): bring it
  // into view, focus staying on the answer given.
  const revealed = state.reveal;
  state.reveal = data.reveal;
  if (revealed !== undefined && data.reveal > revealed) {
    when(() => main().querySelector(".st-key-safety_panel"),
      (panel) => panel.scrollIntoView({ block: "nearest" }));
  }

  if (data.title) document.title = data.title;
  followHistory(state, data, setTriggerValue);
  when(() => (heading(data.heading) ? true : null), () => linkQuestions());
  const seen = `${data.screen}|${data.token}|${data.refocus}`;
  if (state.seen === seen) return;
  const before = state.seen === null ? [] : state.seen.split("|");
  const sameScreen = before[0] === data.screen;
  // Asked for on the same screen: the control pressed is gone (the restored notice, a
  // "Start over" question asked or answered).
  const refocus = sameScreen && before[2] !== String(data.refocus);
  state.seen = seen;
  // The last error on this screen was put right (an answer changed, perhaps while typing):
  // the user is at work in a field, so focus stays there.
  if (sameScreen && data.focus !== "errors" && !refocus) return;
  if (refocus && data.focus_on) {
    // A keyed element in place of the one pressed: its button, else the element itself
    // (read out whole), where it is on the page: no scrolling to the top.
    when(() => document.querySelector(`.st-key-${CSS.escape(data.focus_on)}`), (box) => {
      const target = box.querySelector("button") && !box.querySelector('[data-testid="stAlert"]')
        ? box.querySelector("button") : box;
      if (target === box) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    });
    return;
  }
  const find = data.focus === "errors"
    ? () => main().querySelector('[class*="st-key-error_summary"]')
    : () => heading(data.heading);
  when(find, (target) => {
    toTop();
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    toTop();
    const live = liveRegion();
    live.textContent = "";
    setTimeout(() => { live.textContent = data.announce; }, 150);
  });
}
