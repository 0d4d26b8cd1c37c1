/**
 * The script each report page runs after the vega runtime: it draws every chart of the
 * `#report-specs` JSON as SVG in its `[data-chart]` container, with a tooltip div on hover.
 * Text reaches the DOM only through textContent, never innerHTML. When all charts are drawn the
 * body gets `data-charts="done"` (or "failed"), which the browser tests wait for.
 */
export const BOOTSTRAP_JS = `(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('report-specs').textContent);
  var tip = document.createElement('div');
  tip.className = 'report-tooltip';
  tip.hidden = true;
  document.body.appendChild(tip);
  function text(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(Math.round(v * 1000) / 1000);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }
  function showTooltip(handler, event, item, value) {
    if (value === null || value === undefined || value === '') { tip.hidden = true; return; }
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    if (typeof value === 'object' && !Array.isArray(value)) {
      var table = document.createElement('table');
      Object.keys(value).forEach(function (key) {
        var row = table.insertRow();
        row.insertCell().textContent = key;
        row.insertCell().textContent = text(value[key]);
      });
      tip.appendChild(table);
    } else {
      tip.textContent = text(value);
    }
    tip.hidden = false;
    var x = event.clientX + 14, y = event.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, event.clientX - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, event.clientY - h - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  window.addEventListener('scroll', function () { tip.hidden = true; }, { passive: true });
  // Charts are drawn for a 1200 px page. In a narrower window each plot is narrowed until the
  // whole chart (axes, legends, labels past the plot) fits its container, rather than being cut
  // by the container's edge; a wider window gets the width the chart was drawn for.
  var MIN_PLOT = 240;
  function fitter(view, el) {
    var drawn = view.width();
    return function fit() {
      var round = 0;
      function step() {
        var svg = el.querySelector('svg');
        if (!svg || !(drawn > 0)) return undefined;
        var extra = svg.getBoundingClientRect().width - view.width();
        var want = Math.max(MIN_PLOT, Math.min(drawn, Math.floor(el.clientWidth - extra)));
        if (want === view.width() || round >= 3) return undefined;
        round += 1;
        return view.width(want).runAsync().then(step);
      }
      return Promise.resolve(step());
    };
  }
  var views = [];
  var resizing;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { views.forEach(function (fit) { fit(); }); }, 150);
  });
  var names = Object.keys(specs);
  var pending = names.length, failed = 0;
  function settle() {
    pending -= 1;
    if (pending === 0) document.body.setAttribute('data-charts', failed > 0 ? 'failed' : 'done');
  }
  if (pending === 0) document.body.setAttribute('data-charts', 'done');
  names.forEach(function (name) {
    var el = document.querySelector('[data-chart="' + name + '"]');
    function fail(err) {
      failed += 1;
      console.error('Chart "' + name + '" failed to draw: ' + (err && err.message ? err.message : err));
      if (el) { el.textContent = 'This chart failed to draw: ' + (err && err.message ? err.message : err); el.className += ' failed'; }
      settle();
    }
    try {
      if (!el) throw new Error('no container');
      var view = new vega.View(vega.parse(specs[name]), { renderer: 'svg', container: el, hover: true });
      view.tooltip(showTooltip);
      var fitted = fitter(view, el);
      views.push(fitted);
      view.runAsync().then(fitted).then(function () { el.setAttribute('data-drawn', 'true'); settle(); }, fail);
    } catch (err) {
      fail(err);
    }
  });
})();
`;
