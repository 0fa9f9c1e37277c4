/* The staff lists (core/list.html): "Save this view" saves the list as the address shows it
 * now (filters, sort, columns, page size), which HTMX may have changed since the page was
 * drawn. A static file: the Content-Security-Policy allows only scripts from our own origin. */
(function () {
  "use strict";
  if (window.listsInstalled) { return; }
  window.listsInstalled = true;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-save-view]")) { return; }
    var params = new URLSearchParams(window.location.search);
    params.delete("page");
    params.delete("view");
    form.querySelector("input[name='query']").value = params.toString();
  }, true);
})();
