/* The top bar's menus (templates/base.html). The menus are <details> elements, so they open
 * and close with the keyboard and without any script; this file only adds what people expect
 * of menus: one open at a time, a click elsewhere or Escape closes it (Escape gives the focus
 * back to its button), and on phones the hamburger button that shows or hides the whole menu
 * (aria-expanded). Loaded in <head>, not deferred: the "js" class is set before the first
 * paint (without a script, the phone layout shows the menu unfolded). Listeners sit on the
 * document, so nothing waits for the page to load. A static file, not an inline script: the
 * Content-Security-Policy allows only scripts from our own origin. */
(function () {
  "use strict";
  if (window.sdNavInstalled) { return; }
  window.sdNavInstalled = true;
  document.documentElement.classList.add("js");

  function openMenus() {
    return document.querySelectorAll(".mainnav details.menu[open]");
  }

  function closeMenus(except) {
    openMenus().forEach(function (menu) {
      if (menu !== except) { menu.removeAttribute("open"); }
    });
  }

  function drawer(toggle) {
    return document.getElementById(toggle.getAttribute("aria-controls"));
  }

  function setDrawer(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    var menu = drawer(toggle);
    if (menu) { menu.classList.toggle("is-open", open); }
    if (!open) { closeMenus(null); }
  }

  // One menu open at a time ("toggle" does not bubble: listen while it goes down).
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (menu.matches && menu.matches(".mainnav details.menu") && menu.open) { closeMenus(menu); }
  }, true);

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest(".nav-toggle");
    if (toggle) {
      setDrawer(toggle, toggle.getAttribute("aria-expanded") !== "true");
      return;
    }
    // A click outside every open menu closes them (a click inside follows its link).
    var inside = event.target.closest(".mainnav details.menu");
    closeMenus(inside);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var menu = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest(".mainnav details.menu[open]") : null;
    if (menu) {
      menu.removeAttribute("open");
      menu.querySelector("summary").focus();
      return;
    }
    var toggle = document.querySelector(".nav-toggle[aria-expanded=true]");
    if (toggle && document.activeElement && document.activeElement.closest(".mainnav")) {
      setDrawer(toggle, false);
      toggle.focus();
    } else if (openMenus().length) {
      closeMenus(null);
    }
  });

  // Tabbing out of a menu closes it, as leaving a menu does in desktop applications.
  document.addEventListener("focusout", function (event) {
    var menu = event.target.closest && event.target.closest(".mainnav details.menu[open]");
    if (menu && event.relatedTarget && !menu.contains(event.relatedTarget)) { menu.removeAttribute("open"); }
  });
})();
