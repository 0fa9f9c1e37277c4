/* The picker (core/widgets.py PickerWidget): a typeahead over a plain text input.
 *
 * Without this script the server's text input is the field (an e-mail, a phone number,
 * #id...). With it, the input becomes hidden (same id and name) and keeps the value
 * submitted; a visible box with role=combobox (id "<id>-picker", the label moves to it) asks the
 * suggestions endpoint (data-picker-url?q=..., JSON {results: [{value, label, detail}],
 * empty}) as the user types. Arrow keys move through the listbox, Enter picks, Escape
 * closes. Typed text that is not picked is submitted as typed: the server accepts what it
 * always did. No inline code or style (CSP); loaded once however many pickers a page has.
 */
(function () {
  "use strict";
  if (window.servicedeskPicker) return;
  window.servicedeskPicker = true;

  var DELAY = 180;
  var counter = 0;

  function setup(root) {
    if (root.hasAttribute("data-picker-ready")) return;
    var input = root.querySelector("input");
    if (!input) return;
    root.setAttribute("data-picker-ready", "");
    counter += 1;
    if (!input.id) input.id = "picker-" + counter;
    var id = input.id + "-picker";
    var listId = id + "-listbox";

    var box = document.createElement("input");
    box.type = "text";
    box.id = id;
    box.name = "";
    box.setAttribute("data-testid", "picker-box");
    box.className = input.className;
    box.setAttribute("role", "combobox");
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-expanded", "false");
    box.setAttribute("aria-controls", listId);
    box.setAttribute("autocomplete", "off");
    box.setAttribute("dir", "auto");
    ["aria-describedby", "aria-invalid", "placeholder", "required", "data-shortcut", "data-shortcut-label"]
      .forEach(function (name) {
        if (input.hasAttribute(name)) box.setAttribute(name, input.getAttribute(name));
      });
    box.value = root.getAttribute("data-picker-label") || input.value;

    // The input keeps its id and name (what the server and the page's other scripts read);
    // the label now names the box people type in.
    input.type = "hidden";
    input.removeAttribute("required");
    Array.prototype.forEach.call(document.querySelectorAll("label[for='" + input.id + "']"), function (label) {
      label.htmlFor = id;
    });

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("span");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");

    root.appendChild(box);
    root.appendChild(list);
    root.appendChild(status);

    var options = [];
    var active = -1;
    var timer = null;
    var sent = 0;
    var shownQuery = null;

    function close() {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
    }

    function highlight(index) {
      var items = list.querySelectorAll("[role=option]:not([aria-disabled=true])");
      if (!items.length) return;
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(items, function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
        item.classList.toggle("is-active", i === active);
      });
      box.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({block: "nearest"});
    }

    function pick(index) {
      var choice = options[index];
      if (!choice) return;
      input.value = choice.value;
      box.value = choice.label;
      close();
      status.textContent = choice.label;
      input.dispatchEvent(new Event("change", {bubbles: true}));
      root.dispatchEvent(new CustomEvent("picker:picked", {bubbles: true, detail: choice}));
    }

    function message(text) {
      list.textContent = "";
      var item = document.createElement("li");
      item.className = "picker-empty";
      item.setAttribute("role", "option");
      item.setAttribute("aria-disabled", "true");
      item.id = listId + "-empty";
      item.textContent = text;
      list.appendChild(item);
      status.textContent = text;
      open();
    }

    function render(data, query) {
      options = (data && data.results) || [];
      list.textContent = "";
      active = -1;
      shownQuery = query;
      if (!options.length) {
        message((data && data.empty) || "");
        return;
      }
      options.forEach(function (choice, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-value", choice.value);
        var label = document.createElement("bdi");
        label.className = "picker-label";
        label.textContent = choice.label;
        item.appendChild(label);
        if (choice.detail) {
          var detail = document.createElement("span");
          detail.className = "picker-detail";
          detail.setAttribute("dir", "auto");
          detail.textContent = choice.detail;
          item.appendChild(detail);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();  // keep the focus in the box
          pick(i);
        });
        list.appendChild(item);
      });
      status.textContent = options.length + " ↓";
      open();
    }

    function ask() {
      var query = box.value.trim();
      if (query.length < 2) {
        close();
        return;
      }
      var ticket = ++sent;
      var url = root.getAttribute("data-picker-url");
      url += (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          if (ticket === sent && document.activeElement === box) render(data, query);
        })
        .catch(function () {
          if (ticket === sent) message(root.getAttribute("data-picker-error") || "");
        });
    }

    box.addEventListener("input", function () {
      input.value = box.value;  // typed, not picked: submitted as typed
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });

    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          if (shownQuery === box.value.trim() && options.length) open();
          else { ask(); return; }
        }
        highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          pick(active);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }
    });

    box.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  function scan(scope) {
    Array.prototype.forEach.call((scope || document).querySelectorAll("[data-picker]"), setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { scan(); });
  else scan();
  // Forms that htmx swaps into the page.
  document.addEventListener("htmx:load", function (event) { scan(event.target); });
})();
