// The site's one stylesheet and one script, written beside the pages. The
// script reads only the pages' own attributes and never builds HTML from
// strings, so article text cannot become markup through it.
#include "review/review_internal.h"

namespace warta::review {

// Entity colours are the Okabe-Ito palette, which reads for the common
// colour-vision deficiencies; each type also has its own underline style, so
// types differ without colour too.
const char* const kSiteCss = R"CSS(
body { font: 15px/1.5 system-ui, sans-serif; margin: 1em auto; max-width: 70em; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-bottom: .2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
th[data-sort] { cursor: pointer; } th[data-sort]::after { content: " \2195"; color: #999; }
.null, .meta, .rule { color: #666; } .rule { font-size: .85em; }
.error { color: #a00; } .warnings { color: #8a4b00; }
article { border-top: 3px solid #444; margin-top: 2em; padding-top: .5em; }
.text { white-space: pre-wrap; border: 1px solid #ddd; padding: .7em; line-height: 1.9; }
mark.e { position: relative; background: none; color: inherit; padding: 0 1px; border-radius: 2px; }
.t-agency { background: rgba(86,180,233,.35) !important; border-bottom: 2px solid #0072B2; }
.t-award { background: rgba(230,159,0,.35) !important; border-bottom: 3px double #8c5e00; }
.t-date { background: rgba(0,158,115,.25) !important; border-bottom: 2px dashed #006b4e; }
.t-location { background: rgba(204,121,167,.3) !important; border-bottom: 2px dotted #8f3d6b; }
.t-count { background: rgba(240,228,66,.55) !important; border-bottom: 2px solid #6b6400; }
mark.e.fp, .legend mark.fp { outline: 2px dashed #D55E00; outline-offset: 1px; }
mark.e:focus { outline: 2px solid #000; }
mark.e[data-tip]:hover:not(:has(mark.e:hover))::after, mark.e:focus::after {
  content: attr(data-tip); position: absolute; left: 0; top: 1.6em; z-index: 10; white-space: pre;
  background: #222; color: #fff; font-size: 12px; line-height: 1.4; padding: 4px 6px; border-radius: 3px; }
.ev.on { background: rgba(0,114,178,.12); box-shadow: 0 2px 0 #0072B2; }
.rm { color: #999; text-decoration: line-through; }
.gap { color: #999; font-style: italic; }
tr.rec { cursor: pointer; } tr.rec:focus, tr.rec.sel { outline: 2px solid #0072B2; background: #eef6fb; }
tr.fp, li.fp { background: #fbe9df; } li.fn { background: #f3e6f7; } b.fp { color: #D55E00; }
.gold { border: 1px solid #ccc; padding: .3em .7em; margin: .5em 0; }
.draft textarea { width: 100%; font: 12px monospace; }
.legend { font-size: .9em; }
.filters label { margin-right: 1em; white-space: nowrap; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; } figure { margin: 0; } figcaption { font-weight: bold; }
svg text { font-size: 12px; fill: #222; } svg .bar { fill: #0072B2; }
.pager { margin: .5em 0; }
)CSS";

const char* const kSiteJs = R"JS(
(function () {
  'use strict';
  // Article pages: a record row shows its evidence; j/k or arrows move between records.
  var records = Array.prototype.slice.call(document.querySelectorAll('tr.rec'));
  function select(row, scroll) {
    document.querySelectorAll('.ev.on').forEach(function (e) { e.classList.remove('on'); });
    document.querySelectorAll('tr.rec.sel').forEach(function (e) { e.classList.remove('sel'); });
    row.classList.add('sel');
    var spans = Array.prototype.filter.call(document.querySelectorAll('.ev'),
      function (e) { return e.getAttribute('data-r') === row.getAttribute('data-r'); });
    spans.forEach(function (e) { e.classList.add('on'); });
    if (scroll && spans.length) spans[0].scrollIntoView({block: 'center'});
    document.body.setAttribute('data-selected', row.id);
  }
  function move(from, by) {
    var i = records.indexOf(from) + by;
    if (i < 0 || i >= records.length) return;
    records[i].focus();
    select(records[i], true);
  }
  records.forEach(function (row) {
    row.addEventListener('click', function () { select(row, true); });
    row.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') select(row, true);
      else if (ev.key === 'ArrowDown' || ev.key === 'j') move(row, 1);
      else if (ev.key === 'ArrowUp' || ev.key === 'k') move(row, -1);
      else return;
      ev.preventDefault();
    });
  });
  document.addEventListener('keydown', function (ev) {
    var t = ev.target;
    if (!records.length || (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.classList.contains('rec')))) return;
    if (ev.key !== 'j' && ev.key !== 'k') return;
    var current = document.querySelector('tr.rec.sel');
    if (current) move(current, ev.key === 'j' ? 1 : -1);
    else { records[0].focus(); select(records[0], true); }
  });
  // A link to a record (page.html#a12r0) shows its evidence.
  var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target && target.classList.contains('rec')) select(target, true);

  // Index pages: filters and sorting. The filter state lives in the
  // fragment (#awards=1&award=WBK), so a filtered view can be linked.
  var table = document.getElementById('articles');
  var form = document.getElementById('filters');
  if (!table || !form) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  function has(list, text) {
    return !text || list.toLowerCase().indexOf(text.toLowerCase()) >= 0;
  }
  function apply() {
    var f = form.elements, shown = 0, state = new URLSearchParams();
    ['awards', 'warnings', 'errors', 'misses'].forEach(function (n) { if (f[n].checked) state.set(n, '1'); });
    ['award', 'recipient', 'q'].forEach(function (n) { if (f[n].value) state.set(n, f[n].value); });
    rows.forEach(function (r) {
      var d = r.dataset;
      var ok = (!f.awards.checked || d.rec !== '0') && (!f.warnings.checked || d.w !== '0') &&
               (!f.errors.checked || d.err === '1') && (!f.misses.checked || d.miss !== '0') &&
               has(d.awards, f.award.value) && has(d.recipients, f.recipient.value) && has(r.textContent, f.q.value);
      r.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('shown').textContent = shown + ' of ' + rows.length + ' articles on this page';
    var hash = state.toString();
    history.replaceState(null, '', hash ? '#' + hash : location.pathname);
  }
  var initial = new URLSearchParams(location.hash.slice(1));
  initial.forEach(function (value, name) {
    var el = form.elements[name];
    if (!el) return;
    if (el.type === 'checkbox') el.checked = value === '1'; else el.value = value;
  });
  form.addEventListener('input', apply);
  form.addEventListener('submit', function (ev) { ev.preventDefault(); });
  apply();
  var order = {};
  table.tHead.addEventListener('click', function (ev) {
    var th = ev.target.closest('th[data-sort]');
    if (!th) return;
    var col = th.cellIndex, numeric = th.hasAttribute('data-num'), dir = order[col] = -(order[col] || -1);
    function key(r) { var c = r.cells[col]; return numeric ? Number(c.getAttribute('data-v')) : c.textContent; }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      return dir * (numeric ? x - y : x.localeCompare(y));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
})();
)JS";

}  // namespace warta::review
