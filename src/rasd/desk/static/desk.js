// rasd desk: marks the fact a link points at (the text pieces it covers) and keeps it in view.
(function () {
  "use strict";
  function mark() {
    var id = decodeURIComponent(location.hash.replace(/^#f-/, ""));
    document.querySelectorAll(".hl.current").forEach(function (el) { el.classList.remove("current"); });
    document.querySelectorAll(".fact.current").forEach(function (el) { el.classList.remove("current"); });
    if (!id || id === location.hash) { return; }
    var pieces = document.querySelectorAll(".hl[data-facts]");
    pieces.forEach(function (el) {
      if ((" " + el.getAttribute("data-facts") + " ").indexOf(" " + id + " ") >= 0) { el.classList.add("current"); }
    });
    document.querySelectorAll('.fact[data-fact="' + id.replace(/[^a-z0-9]/gi, "") + '"]').forEach(function (el) {
      el.classList.add("current");
    });
    var anchor = document.getElementById("f-" + id);
    if (anchor) { anchor.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", mark);
  document.addEventListener("DOMContentLoaded", mark);
})();
