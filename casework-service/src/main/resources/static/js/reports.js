// Draws each report chart from the HTML table beside it, so that the chart, the table a screen
// reader or a printer reads, and the CSV can never disagree. A chart container names its table
// (data-table) and its kind (data-chart: stacked, bar, line, pie); the table's first column holds
// the categories, every other column not marked "nochart" is a series, "—" is no value.
// No inline script or style is allowed by the page's CSP: everything is here and in staff.css,
// and tooltips draw on the canvas (renderMode richText) instead of writing styled HTML.
(function () {
  'use strict';

  var COLOURS = ['#1d4ed8', '#c2410c', '#166534', '#a16207', '#7c3aed', '#0e7490', '#a4161a', '#475569'];

  function number(text) {
    var value = text.trim();
    return value === '' || value === '—' ? null : Number(value);
  }

  function readTable(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var columns = [];
    headers.forEach(function (th, index) {
      if (index > 0 && !th.classList.contains('nochart')) {
        columns.push({ index: index, name: th.textContent.trim() });
      }
    });
    var categories = [];
    var series = columns.map(function (column) { return { name: column.name, data: [] }; });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var cells = row.children;
      categories.push(cells[0].textContent.trim());
      columns.forEach(function (column, i) {
        series[i].data.push(number(cells[column.index].textContent));
      });
    });
    return { categories: categories, series: series };
  }

  function options(kind, data, max) {
    var base = {
      animation: false,
      color: COLOURS,
      tooltip: { trigger: kind === 'pie' ? 'item' : 'axis', renderMode: 'richText' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 32 }
    };
    if (kind === 'pie') {
      base.series = [{
        type: 'pie', radius: ['35%', '65%'], top: 24,
        data: data.categories.map(function (name, i) { return { name: name, value: data.series[0].data[i] }; })
      }];
      return base;
    }
    base.xAxis = { type: 'category', data: data.categories };
    base.yAxis = { type: 'value', min: 0, max: max };
    base.series = data.series.map(function (s) {
      return {
        name: s.name,
        type: kind === 'line' ? 'line' : 'bar',
        stack: kind === 'stacked' ? 'all' : undefined,
        connectNulls: false,
        data: s.data
      };
    });
    return base;
  }

  function draw(container) {
    var table = document.getElementById(container.dataset.table);
    if (!table || !window.echarts) {
      return;
    }
    var data = readTable(table);
    if (data.categories.length === 0) {
      container.classList.add('empty');
      return;
    }
    var max = container.dataset.max ? Number(container.dataset.max) : undefined;
    var chart = window.echarts.init(container, null, { renderer: 'canvas' });
    chart.setOption(options(container.dataset.chart, data, max));
    container.dataset.rendered = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.querySelectorAll('.chart[data-chart]').forEach(draw);
}());
