(function () {
  "use strict";
  var tip = document.getElementById("tip");
  function line(cls, text) {
    var d = document.createElement("div");
    d.className = cls;
    d.textContent = text;
    return d;
  }
  function show(mark) {
    tip.replaceChildren();
    tip.appendChild(line("t-msg", (mark.dataset.sev || "") + ": " + (mark.dataset.msg || "")));
    if (mark.dataset.sugg) { tip.appendChild(line("t-sugg", "\u2192 " + mark.dataset.sugg)); }
    tip.appendChild(line("t-rule", mark.dataset.rule || ""));
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    tip.style.left = Math.max(4, window.scrollX + r.left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    activate(mark.dataset.fid, true);
  }
  function hide(mark) {
    tip.hidden = true;
    if (mark) { activate(mark.dataset.fid, false); }
  }
  function activate(fid, on) {
    document.querySelectorAll('[data-fid="' + fid + '"], [data-for="' + fid + '"]').forEach(function (el) {
      el.classList.toggle("active", on);
    });
  }
  document.querySelectorAll("mark.f").forEach(function (mark) {
    mark.addEventListener("mouseenter", function () { if (!mark.classList.contains("off")) { show(mark); } });
    mark.addEventListener("mouseleave", function () { hide(mark); });
    mark.addEventListener("focus", function () { show(mark); });
    mark.addEventListener("blur", function () { hide(mark); });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { hide(document.activeElement && document.activeElement.dataset ? document.activeElement : null); }
  });
  // Jumping from the side list focuses the finding in the text.
  document.querySelectorAll(".findings a.jump").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      if (target) { ev.preventDefault(); target.scrollIntoView({block: "center"}); target.focus({preventScroll: true}); }
    });
  });
  // Filters by category and severity.
  var boxes = document.querySelectorAll("input[data-filter]");
  function apply() {
    var off = {cat: {}, sev: {}};
    boxes.forEach(function (b) { if (!b.checked) { off[b.dataset.filter][b.value] = true; } });
    document.querySelectorAll("mark.f").forEach(function (m) {
      var hidden = off.cat[m.dataset.cat] || off.sev[m.dataset.sev];
      m.classList.toggle("off", !!hidden);
      if (m.id) { m.tabIndex = hidden ? -1 : 0; }
    });
    document.querySelectorAll(".findings .item").forEach(function (li) {
      li.classList.toggle("hidden", !!(off.cat[li.dataset.cat] || off.sev[li.dataset.sev]));
    });
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  apply();
}());
