// Live pages (core/live.py, docs/agents.md "Live pages").
//
// Regions marked data-live="<topic>" (with data-live-version, written by the server when it
// rendered them, and optionally data-live-url) are re-fetched when the server says their
// topic changed. The page asks GET <body data-live-endpoint>?<topic>=<version>&… every
// <body data-live-poll> seconds while visible, less often while hidden; a 204 means nothing
// changed. A region is never replaced while the user is typing in it (it is retried on the
// next poll); ticked boxes, the selected row, the focus and the scroll position survive.
// A ticket page's #live-banners (data-live-presence="<topic>") shows who else is viewing it
// and who changed it since it was loaded. No inline script or style: the CSP forbids them.
(function () {
  "use strict";

  var body = document.body;
  var endpoint = body && body.getAttribute("data-live-endpoint");
  if (!endpoint || !window.fetch) {
    return;
  }
  var pollSeconds = Math.max(2, parseFloat(body.getAttribute("data-live-poll")) || 15);
  var HIDDEN_SECONDS = pollSeconds * 3;
  var MAX_SECONDS = 300;
  var failures = 0;
  var timer = null;
  var inFlight = false;
  var stopped = false;
  var viewers = "";

  function regions(topic) {
    return Array.prototype.filter.call(document.querySelectorAll("[data-live]"), function (el) {
      return topic === undefined || el.getAttribute("data-live") === topic;
    });
  }

  function presenceBox() {
    return document.querySelector("[data-live-presence]");
  }

  // topic -> the version the page shows (its first element's).
  function shownVersions() {
    var versions = {};
    regions().forEach(function (el) {
      var topic = el.getAttribute("data-live");
      if (!(topic in versions)) {
        versions[topic] = el.getAttribute("data-live-version") || "";
      }
    });
    var box = presenceBox();
    if (box) {
      var topic = box.getAttribute("data-live-presence");
      if (!(topic in versions)) {
        versions[topic] = box.getAttribute("data-live-version") || "";
      }
    }
    return versions;
  }

  function isTyping(region) {
    var active = document.activeElement;
    if (active && region.contains(active)) {
      var tag = active.tagName;
      if (tag === "TEXTAREA" || tag === "SELECT" || active.isContentEditable) {
        return true;
      }
      if (tag === "INPUT" && !/^(checkbox|radio|button|submit|reset|hidden|file)$/i.test(active.type)) {
        return true;
      }
    }
    // Something typed and left unsent (the focus moved elsewhere): keep it.
    var fields = region.querySelectorAll("textarea, input:not([type]), input[type=text], input[type=search]");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].value !== fields[i].defaultValue) {
        return true;
      }
    }
    // A choice made in a menu and not sent yet (the bulk bar's assignee…).
    var selects = region.querySelectorAll("select");
    for (var j = 0; j < selects.length; j++) {
      var options = Array.prototype.slice.call(selects[j].options);
      if (selects[j].multiple) {
        if (options.some(function (o) { return o.selected !== o.defaultSelected; })) {
          return true;
        }
      } else if (options.length) {
        var byDefault = options.findIndex(function (o) { return o.defaultSelected; });
        if (selects[j].selectedIndex !== Math.max(0, byDefault)) {
          return true;
        }
      }
    }
    return false;
  }

  // What the user set in a region that a fresh copy would lose.
  function keepState(region) {
    var ticked = {};
    region.querySelectorAll("input[type=checkbox][name], input[type=radio][name]").forEach(function (box) {
      ticked[box.name + "\u0000" + box.value] = box.checked;
    });
    var selected = region.querySelector("[data-row].is-selected [data-row-link]");
    var active = document.activeElement;
    return {
      ticked: ticked,
      selected: selected ? selected.getAttribute("href") : null,
      focusId: active && region.contains(active) && active.id ? active.id : null,
      scrollTop: region.scrollTop,
      x: window.scrollX,
      y: window.scrollY
    };
  }

  function restoreState(region, state) {
    region.querySelectorAll("input[type=checkbox][name], input[type=radio][name]").forEach(function (box) {
      var key = box.name + "\u0000" + box.value;
      if (key in state.ticked) {
        box.checked = state.ticked[key];
      }
    });
    if (state.selected) {
      region.querySelectorAll("[data-row]").forEach(function (row) {
        var link = row.querySelector("[data-row-link]");
        var on = !!link && link.getAttribute("href") === state.selected;
        row.classList.toggle("is-selected", on);
        if (on) {
          row.setAttribute("aria-selected", "true");
        }
      });
    }
    if (state.focusId) {
      var focus = document.getElementById(state.focusId);
      if (focus && region.contains(focus)) {
        focus.focus({preventScroll: true});
      }
    }
    region.scrollTop = state.scrollTop;
    window.scrollTo(state.x, state.y);
  }

  // The fresh copy of `region` in a fetched document: the element with its id, else the
  // element of its topic at the same place, else (a fragment) the document's first element.
  function freshCopy(doc, region, index) {
    if (region.id) {
      var byId = doc.getElementById(region.id);
      if (byId) {
        return byId;
      }
    }
    var same = doc.querySelectorAll("[data-live=\"" + region.getAttribute("data-live").replace(/"/g, "") + "\"]");
    if (same[index]) {
      return same[index];
    }
    return doc.body ? doc.body.firstElementChild : null;
  }

  function swap(region, fresh, version) {
    var state = keepState(region);
    var node = document.importNode(fresh, true);
    if (!node.getAttribute("data-live-version") || node.getAttribute("data-live") !== region.getAttribute("data-live")) {
      node.setAttribute("data-live", region.getAttribute("data-live"));
      node.setAttribute("data-live-version", version);
    }
    if (region.hasAttribute("data-live-url") && !node.hasAttribute("data-live-url")) {
      node.setAttribute("data-live-url", region.getAttribute("data-live-url"));
    }
    region.replaceWith(node);
    if (window.htmx) {
      window.htmx.process(node);
    }
    restoreState(node, state);
    node.dispatchEvent(new CustomEvent("live:refreshed", {bubbles: true}));
  }

  // Replace `inner`, an element of `region`, with its fresh copy; the region stays.
  function swapInside(region, inner, fresh, version) {
    var state = keepState(region);
    var node = document.importNode(fresh, true);
    inner.replaceWith(node);
    region.setAttribute("data-live-version", version);
    if (window.htmx) {
      window.htmx.process(node);
    }
    restoreState(region, state);
    node.dispatchEvent(new CustomEvent("live:refreshed", {bubbles: true}));
  }

  // Fetch each URL once for all the changed regions it serves, then swap them.
  function refresh(changed) {
    var byUrl = {};
    Object.keys(changed).forEach(function (topic) {
      regions(topic).forEach(function (region, index) {
        if (isTyping(region)) {
          return; // left with its old version: asked again on the next poll
        }
        var url = region.getAttribute("data-live-url") || window.location.href;
        var target = region.getAttribute("data-live-target") || "";
        var key = url + "\u0000" + target;
        (byUrl[key] = byUrl[key] || {url: url, target: target, items: []}).items.push(
          {region: region, index: index, version: changed[topic]});
      });
    });
    return Promise.all(Object.keys(byUrl).map(function (key) {
      var group = byUrl[key];
      // A list asks for its results alone (the list view's HTMX partial); others the page.
      var headers = group.target ? {"HX-Request": "true", "HX-Target": group.target} : {};
      return fetch(group.url, {credentials: "same-origin", headers: headers, redirect: "error"})
        .then(function (response) {
          if (!response.ok) {
            throw new Error("live: " + group.url + " answered " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          group.items.forEach(function (item) {
            if (!item.region.isConnected || isTyping(item.region)) {
              return;
            }
            if (group.target) {
              var inner = item.region.querySelector("#" + CSS.escape(group.target));
              var fresher = doc.getElementById(group.target);
              if (inner && fresher) {
                swapInside(item.region, inner, fresher, item.version);
              }
              return;
            }
            var fresh = freshCopy(doc, item.region, item.index);
            if (fresh) {
              swap(item.region, fresh, item.version);
            }
          });
        });
    }));
  }

  function showBanners(data) {
    var box = presenceBox();
    if (!box) {
      return;
    }
    var topic = box.getAttribute("data-live-presence");
    if (topic in data.changed) {
      box.setAttribute("data-live-version", data.changed[topic]);
    }
    viewers = data.viewers || "";
    var doc = new DOMParser().parseFromString(
      (data.changed_by || "") + (data.viewing || ""), "text/html");
    var changedBy = doc.querySelector(".live-changed");
    if (changedBy) { // stays until the page is reloaded
      var old = box.querySelector(".live-changed");
      if (old) {
        old.replaceWith(document.importNode(changedBy, true));
      } else {
        box.prepend(document.importNode(changedBy, true));
      }
    }
    box.querySelectorAll(".live-viewing").forEach(function (el) { el.remove(); });
    var viewing = doc.querySelector(".live-viewing");
    if (viewing) {
      box.append(document.importNode(viewing, true));
    }
  }

  function query() {
    var params = new URLSearchParams();
    var versions = shownVersions();
    Object.keys(versions).forEach(function (topic) {
      params.append(topic, versions[topic]);
    });
    var box = presenceBox();
    if (box) {
      params.append("presence", box.getAttribute("data-live-presence"));
      params.append("viewers", viewers);
    }
    return params;
  }

  function poll() {
    timer = null;
    if (stopped || inFlight) {
      return;
    }
    var params = query();
    if (!Array.from(params.keys()).length) {
      return schedule();
    }
    inFlight = true;
    fetch(endpoint + "?" + params.toString(), {credentials: "same-origin", redirect: "manual",
                                               headers: {"Accept": "application/json"}})
      .then(function (response) {
        if (response.status === 204) {
          return null;
        }
        if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
          stopped = true; // signed out: the next page load starts again
          return null;
        }
        if (!response.ok) {
          throw new Error("live: " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (!data) {
          return null;
        }
        showBanners(data);
        var changed = {};
        Object.keys(data.changed).forEach(function (topic) {
          if (regions(topic).length) {
            changed[topic] = data.changed[topic];
          }
        });
        return Object.keys(changed).length ? refresh(changed) : null;
      })
      .then(function () {
        failures = 0;
      }, function () {
        failures += 1;
      })
      .then(function () {
        inFlight = false;
        schedule();
      });
  }

  function schedule() {
    if (stopped) {
      return;
    }
    if (timer) {
      clearTimeout(timer);
    }
    var seconds = document.visibilityState === "hidden" ? HIDDEN_SECONDS : pollSeconds;
    seconds = Math.min(MAX_SECONDS, seconds * Math.pow(2, Math.min(failures, 5)));
    timer = setTimeout(poll, seconds * 1000);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && !inFlight) {
      poll(); // back on the tab: look at once
    } else {
      schedule();
    }
  });

  // Someone else's change: the banner's "Reload" reloads (a link to the page itself).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-live-reload]");
    if (link) {
      event.preventDefault();
      window.location.reload();
    }
  });

  if (regions().length || presenceBox()) {
    // The first look soon (presence shows without waiting a whole period), then every period.
    timer = setTimeout(poll, Math.min(1000, pollSeconds * 1000));
  }
  window.liveNow = function () { // tests and impatient people: poll now
    if (!inFlight) {
      poll();
    }
  };
})();
