// The regulators' charts: each element with data-chart holds its figures as JSON ({categories, axes: [unit, …],
// series: [{name, type, axis, data}]}); ECharts draws them. Without script the table next to each chart shows the
// same figures.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data = JSON.parse(el.dataset.chart);
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { top: 48, left: 64, right: data.axes.length > 1 ? 64 : 24, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: data.categories },
      yAxis: data.axes.map(function (unit, i) {
        return { type: 'value', name: unit, position: i === 0 ? 'left' : 'right' };
      }),
      series: data.series.map(function (s) {
        return { name: s.name, type: s.type, yAxisIndex: s.axis, data: s.data };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
