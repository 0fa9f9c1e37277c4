/* SLA clocks: running badges (see sla/templates/sla/_clocks.html) tick down once a minute.
 *
 * The server renders each badge with the business time left (data-remaining, seconds) at
 * the moment it rendered the page (data-now on the container, epoch seconds), the instant
 * the target is reached (data-due) and the working windows until then (data-windows,
 * "start-end" pairs of epoch seconds, reaching at most a day ahead). Business time passes
 * only inside those windows, so a clock counts down during working hours and stands still
 * at lunch, at night and on holidays.
 *
 * This is an approximation: time is measured with the browser's clock from when the badge
 * arrived, and a page left open longer than the windows reach stops counting. The server's
 * value is authoritative; reloading the page shows it.
 */
(function () {
  "use strict";
  if (window.slaClock) { return; }  // the script may be included more than once
  var WARNING_SHARE = 0.25;

  function parseWindows(text) {
    return (text || "").split(/\s+/).filter(Boolean).map(function (pair) {
      var parts = pair.split("-");
      return [Number(parts[0]), Number(parts[1])];
    });
  }

  /* Business seconds inside [from, to) according to the windows. */
  function businessSeconds(windows, from, to) {
    var total = 0;
    windows.forEach(function (w) {
      var begin = Math.max(w[0], from), end = Math.min(w[1], to);
      if (end > begin) { total += end - begin; }
    });
    return total;
  }

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  function format(box, seconds) {
    var minutes = Math.floor(Math.max(seconds, 0) / 60), hours = Math.floor(minutes / 60);
    minutes -= hours * 60;
    if (hours) {
      return box.dataset.fmtHours.replace("%(hours)d", hours).replace("%(minutes)02d", pad(minutes));
    }
    return box.dataset.fmtMinutes.replace("%(minutes)d", minutes);
  }

  function setState(badge, state) {
    badge.classList.remove("sla-clock-" + badge.dataset.state);
    badge.classList.add("sla-clock-" + state);
    badge.dataset.state = state;
  }

  /* Note when each group of badges arrived: elapsed time is measured from then, so a
     browser clock that is off does not matter. */
  function stamp(root) {
    (root || document).querySelectorAll(".sla-clocks:not([data-seen])").forEach(function (box) {
      box.dataset.seen = String(Date.now() / 1000);
    });
  }

  function tick() {
    stamp();
    var clientNow = Date.now() / 1000;
    document.querySelectorAll(".sla-clocks").forEach(function (box) {
      var rendered = Number(box.dataset.now);
      var now = rendered + (clientNow - Number(box.dataset.seen));
      box.querySelectorAll(".sla-clock[data-running]").forEach(function (badge) {
        var value = badge.querySelector(".sla-clock-value");
        var due = Date.parse(badge.dataset.due) / 1000;
        if (now >= due) {
          setState(badge, "breached");
          badge.removeAttribute("data-running");
          value.textContent = box.dataset.textBreached;
          return;
        }
        var elapsed = businessSeconds(parseWindows(badge.dataset.windows), rendered, now);
        var left = Math.max(0, Number(badge.dataset.remaining) - elapsed);
        if (left <= Number(badge.dataset.target) * WARNING_SHARE && badge.dataset.state === "ok") {
          setState(badge, "warning");
          var note = document.createElement("span");
          note.className = "visually-hidden";
          note.textContent = " " + box.dataset.textAtRisk;
          value.appendChild(note);
        }
        var time = badge.querySelector(".sla-clock-time");
        if (time) { time.textContent = format(box, left); }
      });
    });
  }

  window.slaClock = {tick: tick, businessSeconds: businessSeconds};
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { stamp(); });
  } else {
    stamp();
  }
  document.addEventListener("htmx:afterSettle", function (event) { stamp(event.target); });
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { tick(); } });
  window.setInterval(tick, 60 * 1000);
})();
