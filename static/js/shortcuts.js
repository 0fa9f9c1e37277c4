/* Keyboard shortcuts (issue 21; docs/agents.md has the table). Not while typing in a field:
 *  - any element with data-shortcut="<key>" answers that key: a field gets the focus, anything
 *    else is clicked (data-shortcut-label is what the help says);
 *  - j / k move through the list rows ([data-row]: class is-selected, aria-selected), Enter or o
 *    opens the selected row's [data-row-link];
 *  - a key of a bulk action marked data-row-action="<key>" (e.g. "a", assign to me) runs it on
 *    the selected row alone (its bulk-ids box ticked, the others unticked);
 *  - ? opens the help dialog (#shortcuts-help, core/_shortcuts_help.html), Escape closes it.
 * "/" (the search box) is search-box.js's. A static file: the Content-Security-Policy allows
 * only scripts from our own origin, no inline script or style. */
(function () {
  "use strict";
  if (window.shortcutsInstalled) { return; }
  window.shortcutsInstalled = true;

  function typingIn(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function visible(el) {
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  }

  function rows() {
    return Array.prototype.filter.call(document.querySelectorAll("[data-row]"), visible);
  }

  function selectedRow() {
    var row = document.querySelector("[data-row].is-selected");
    return row && document.contains(row) ? row : null;
  }

  function select(row) {
    rows().forEach(function (other) {
      other.classList.remove("is-selected");
      other.removeAttribute("aria-selected");
    });
    if (!row) { return; }
    row.classList.add("is-selected");
    row.setAttribute("aria-selected", "true");
    if (!row.hasAttribute("tabindex")) { row.setAttribute("tabindex", "-1"); }
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return false; }
    var index = all.indexOf(selectedRow());
    if (index < 0) {
      index = step > 0 ? 0 : all.length - 1;
    } else {
      index = Math.min(all.length - 1, Math.max(0, index + step));
    }
    select(all[index]);
    return true;
  }

  function openRow() {
    var row = selectedRow();
    var link = row && row.querySelector("[data-row-link]");
    if (!link) { return false; }
    link.click();
    return true;
  }

  function rowAction(key) {
    var row = selectedRow();
    var button = document.querySelector("[data-row-action='" + key + "']");
    var box = row && row.querySelector("input[name='bulk-ids']");
    if (!button || !box || !button.form) { return false; }
    button.form.querySelectorAll("input[name='bulk-ids']").forEach(function (other) { other.checked = false; });
    box.checked = true;
    button.click();
    return true;
  }

  function shortcutFor(key) {
    var all = document.querySelectorAll("[data-shortcut]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-shortcut") === key && visible(all[i])) { return all[i]; }
    }
    return null;
  }

  function activate(el) {
    var tag = el.tagName.toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable) {
      el.scrollIntoView({ block: "center" });
      el.focus();
    } else {
      el.click();
    }
  }

  function labelOf(el) {
    return (el.getAttribute("data-shortcut-label") || el.getAttribute("aria-label") || el.getAttribute("title")
            || el.textContent || "").replace(/\s+/g, " ").trim();
  }

  function helpDialog() {
    var dialog = document.getElementById("shortcuts-help");
    if (dialog) { return dialog; }
    // A page without the server-rendered dialog (an error page): build a plain one.
    dialog = document.createElement("dialog");
    dialog.id = "shortcuts-help";
    dialog.className = "kbd-help";
    var list = document.createElement("dl");
    list.setAttribute("data-shortcut-list", "");
    dialog.appendChild(list);
    document.body.appendChild(dialog);
    return dialog;
  }

  function addEntry(list, key, text) {
    var term = document.createElement("dt");
    var kbd = document.createElement("kbd");
    kbd.textContent = key;
    term.appendChild(kbd);
    var detail = document.createElement("dd");
    detail.textContent = text;
    term.className = detail.className = "is-page";
    list.appendChild(term);
    list.appendChild(detail);
  }

  function openHelp() {
    var dialog = helpDialog();
    var list = dialog.querySelector("[data-shortcut-list]");
    list.querySelectorAll(".is-page").forEach(function (old) { old.remove(); });
    var seen = {};
    document.querySelectorAll("[data-shortcut], [data-row-action]").forEach(function (el) {
      var key = el.getAttribute("data-shortcut") || el.getAttribute("data-row-action");
      if (seen[key] || !visible(el)) { return; }
      seen[key] = true;
      addEntry(list, key, labelOf(el));
    });
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) { dialog.showModal(); }
    } else {
      dialog.setAttribute("open", "");
    }
  }

  function closeHelp() {
    var dialog = document.getElementById("shortcuts-help");
    if (!dialog || !dialog.open) { return false; }
    if (typeof dialog.close === "function") { dialog.close(); } else { dialog.removeAttribute("open"); }
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var key = event.key;
    if (key === "Escape") {
      if (closeHelp()) { event.preventDefault(); }
      return;
    }
    if (typingIn(event.target)) { return; }
    var dialog = document.getElementById("shortcuts-help");
    if (dialog && dialog.open) { return; }
    var handled = false;
    if (key === "?") {
      openHelp();
      handled = true;
    } else if (key === "j") {
      handled = move(1);
    } else if (key === "k") {
      handled = move(-1);
    } else if (key === "Enter" || key === "o") {
      // Enter on a focused link or button is theirs; on the page or a selected row, ours.
      var focused = document.activeElement;
      if (key === "o" || !focused || focused === document.body || focused.hasAttribute("data-row")) {
        handled = openRow();
      }
    } else if (key.length === 1 && key !== "/") {
      if (selectedRow()) { handled = rowAction(key); }
      if (!handled) {
        var el = shortcutFor(key);
        if (el) {
          activate(el);
          handled = true;
        }
      }
    }
    if (handled) { event.preventDefault(); }
  });
})();
