// Keeps the browser tab's copy of the answers current after one question's fragment reran
// (tab.js does the same, and everything else, when the whole page runs). Data only.
export default function (component) {
  const item = Array.isArray(component.data) ? component.data[0] : null;
  if (!item || typeof item.key !== "string" || !item.store) return;
  try {
    window.sessionStorage.setItem(item.key, JSON.stringify(item.store));
    const pw = window.__partways;
    if (pw && pw.pruneTyped) pw.pruneTyped();  // tab.js: texts the server now has
  } catch (e) {
    // Storage full or refused (private mode): the answers stay on the server for this visit.
  }
}
