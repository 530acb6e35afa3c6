// Draws the environment pages' charts from the tables beside them (the tables stay the readable source; without
// JavaScript, or on a screen reader, the chart is simply absent). uPlot is served from the platform's own jar.
(function () {
  'use strict';
  function number(cell) {
    var v = parseFloat((cell && cell.textContent || '').replace(/,/g, ''));
    return isNaN(v) ? null : v;
  }
  function width(el) {
    return Math.max(280, Math.min(el.clientWidth || 600, 900));
  }
  var palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22',
    '#17becf', '#393b79', '#637939', '#843c39'];

  function bar(el, table) {
    var labels = [], values = [];
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var cells = tr.children;
      var v = number(cells[Number(el.dataset.valueColumn)]);
      if (v !== null) {
        labels.push(cells[Number(el.dataset.labelColumn)].textContent.trim());
        values.push(v);
      }
    });
    if (!values.length) { return; }
    var xs = labels.map(function (_, i) { return i; });
    new uPlot({
      width: width(el), height: 260, legend: { show: false }, cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: [0, Math.max.apply(null, values) * 1.1] } },
      axes: [
        { values: function (u, splits) { return splits.map(function (i) { return labels[i] || ''; }); },
          splits: function () { return xs; }, rotate: labels.length > 6 ? -45 : 0, size: labels.length > 6 ? 70 : 40 },
        { label: '综合指数' }
      ],
      series: [{}, { label: '综合指数', fill: '#2c7fb8', stroke: '#2c7fb8', paths: uPlot.paths.bars({ size: [0.6] }),
        points: { show: false } }]
    }, [xs, values], el);
  }

  function line(el, table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll('thead th')).slice(1).map(function (th) { return th.textContent.trim(); });
    var rows = table.querySelectorAll('tbody tr');
    var months = [], series = heads.map(function () { return []; });
    rows.forEach(function (tr, i) {
      months.push(i);
      heads.forEach(function (_, j) { series[j].push(number(tr.children[j + 1])); });
    });
    var labels = Array.prototype.map.call(rows, function (tr) { return tr.children[0].textContent.trim(); });
    if (!heads.length) { return; }
    new uPlot({
      width: width(el), height: 280, scales: { x: { time: false } },
      axes: [{ values: function (u, splits) { return splits.map(function (i) { return labels[i] ? labels[i].slice(2) : ''; }); } },
        { label: '综合指数' }],
      series: [{ label: '月份', value: function (u, i) { return i == null ? '' : labels[i]; } }].concat(heads.map(function (h, j) {
        return { label: h, stroke: palette[j % palette.length], width: 2, spanGaps: false };
      }))
    }, [months].concat(series), el);
  }

  function draw() {
    if (typeof uPlot === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var table = document.getElementById(el.dataset.table);
      if (!table) { return; }
      el.textContent = '';
      if (el.dataset.chart === 'bar') { bar(el, table); } else { line(el, table); }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
