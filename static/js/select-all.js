/* "Select all" (core/list.html loads it for every staff list): a checkbox with
 * data-select-all ticks every row (input[name=bulk-ids]) of its form, the page shown
 * (the table may be swapped by HTMX, hence one listener on the document). A static
 * file, not an inline script: the Content-Security-Policy allows only scripts from our
 * own origin. */
(function () {
  "use strict";
  if (window.selectAllInstalled) { return; }
  window.selectAllInstalled = true;
  document.addEventListener("change", function (event) {
    if (!event.target.matches("[data-select-all]")) { return; }
    event.target.closest("form").querySelectorAll("input[name='bulk-ids']").forEach(function (box) {
      box.checked = event.target.checked;
    });
  });
})();
