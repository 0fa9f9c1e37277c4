/* A destructive action asks first: a submit button with data-confirm="question" submits
 * its form only when the person answers OK (core.pages.Action's ``confirm``). One listener
 * on the document, so forms swapped in by HTMX are covered too. A static file, not an inline
 * script: the Content-Security-Policy allows only scripts from our own origin. */
(function () {
  "use strict";
  if (window.confirmInstalled) { return; }
  window.confirmInstalled = true;
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
