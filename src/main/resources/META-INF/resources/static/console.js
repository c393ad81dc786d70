// Console charts (ECharts, bundled as a webjar; nothing loads from outside). Data come from AirWarn's open JSON API.
(function () {
  const box = document.getElementById('city-charts');
  if (!box || typeof echarts === 'undefined') { return; }
  const city = box.dataset.city;
  const from = box.dataset.from;
  const to = box.dataset.to;
  const bands = [
    { gt: 0, lte: 50, color: '#00E400' }, { gt: 50, lte: 100, color: '#FFFF00' }, { gt: 100, lte: 150, color: '#FF7E00' },
    { gt: 150, lte: 200, color: '#FF0000' }, { gt: 200, lte: 300, color: '#99004C' }, { gt: 300, color: '#7E0023' }];

  // An ISO-8601 time with its offset (2016-01-09T03:00+08:00, or any other offset) as people write Beijing time:
  // 2016-01-09 03:00. Text that is not a time is shown as it is, never as "undefined".
  function beijing(iso) {
    const t = Date.parse(iso || '');
    if (isNaN(t)) { return iso || ''; }
    return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }

  async function json(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    return r.ok ? r.json() : null;
  }

  function line(id, title, rows, x, y) {
    const chart = echarts.init(document.getElementById(id));
    chart.setOption({
      title: { text: title, textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' },
      grid: { left: 10, right: 20, containLabel: true },
      // Axis labels put the hour under the day (2016-01-09 / 03:00) so they fit; the tooltip shows the full time.
      xAxis: { type: 'category', data: rows.map(x), axisLabel: { formatter: v => String(v).replace(' ', '\n') } },
      yAxis: { type: 'value', name: 'AQI' },
      visualMap: { show: false, pieces: bands, dimension: 1 },
      series: [{ name: 'AQI', type: 'line', showSymbol: false, data: rows.map(y) }]
    });
  }

  json(`/api/cities/${city}/aqi/hourly?from=${from}&to=${to}`).then(rows => {
    // Hourly rows carry their time as ISO text with the offset: labels and tooltips read 2016-01-09 03:00.
    if (rows) { line('chart-hourly', '小时AQI Hourly AQI', rows.filter(r => r.aqi !== null), r => beijing(r.time), r => r.aqi); }
  });
  json(`/api/cities/${city}/aqi/daily?from=${from}&to=${to}`).then(rows => {
    if (rows) { line('chart-daily', '日AQI Daily AQI', rows.filter(r => r.aqi !== null), r => r.date, r => r.aqi); }
  });
  json(`/api/cities/${city}/forecast`).then(f => {
    if (!f) { document.getElementById('chart-forecast').textContent = '暂无预报 No forecast yet.'; return; }
    const chart = echarts.init(document.getElementById('chart-forecast'));
    const days = f.days.map(d => d.date);
    chart.setOption({
      title: { text: `${beijing(f.issuedAt)} · ${f.model.label}`, textStyle: { fontSize: 12 } }, tooltip: { trigger: 'axis' },
      legend: { top: 20, data: ['AQI', 'P(AQI>200)'] }, grid: { left: 45, right: 45, top: 55 },
      xAxis: { type: 'category', data: days },
      yAxis: [{ type: 'value', name: 'AQI' }, { type: 'value', name: 'P', min: 0, max: 1 }],
      series: [
        { name: 'low', type: 'line', stack: 'band', data: f.days.map(d => d.interval.low), lineStyle: { opacity: 0 }, symbol: 'none' },
        { name: '80%', type: 'line', stack: 'band', data: f.days.map(d => d.interval.high - d.interval.low), lineStyle: { opacity: 0 }, areaStyle: { color: '#9bb7d4', opacity: .5 }, symbol: 'none' },
        { name: 'AQI', type: 'line', data: f.days.map(d => d.aqi) },
        { name: 'P(AQI>200)', type: 'bar', yAxisIndex: 1, data: f.days.map(d => d.pAbove200), itemStyle: { color: '#99004C', opacity: .6 } }]
    });
    pollutantTable(f.days);
  });

  // Each pollutant's expected sub-index and P(sub-index > 200); the day's AQI is the highest of them.
  function pollutantTable(days) {
    const table = document.getElementById('forecast-pollutants');
    const body = table.querySelector('tbody');
    const cell = text => { const td = document.createElement('td'); td.textContent = text; return td; };
    days.forEach(d => {
      const tr = document.createElement('tr');
      tr.append(cell(d.date), cell(d.aqi), cell(d.primaryPollutantLabel));
      ['PM2_5', 'PM10', 'O3_8H'].forEach(name => {
        const p = (d.pollutants || []).find(x => x.pollutant === name);
        tr.append(cell(p ? `${Math.ceil(p.expectedSubIndex)} · ${Math.round(p.pAbove200 * 100)}%${p.saysAbove200 ? ' ▲' : ''}` : '–'));
      });
      body.append(tr);
    });
    table.hidden = false;
  }
  json(`/api/forecast/verification?city=${city}&lead=1`).then(v => {
    const p = document.getElementById('verification');
    if (!v || !v.n) { p.textContent = '暂无可检验的预报 No verified forecasts yet.'; return; }
    const f = x => (x === null || x === undefined) ? '–' : Number(x).toFixed(2);
    const pct = x => (x === null || x === undefined) ? '–' : Math.round(x * 100) + '%';
    p.textContent = `n=${v.n} · RMSE ${f(v.rmse)} · MAE ${f(v.mae)} · 偏差 bias ${f(v.bias)} · 等级准确率 level accuracy ${f(v.levelAccuracy)}` +
      ` · 80%区间覆盖 interval coverage ${pct(v.interval80Coverage)}` +
      ` · AQI>200 模型判断 model decision: POD ${f(v.above200.pod)} FAR ${f(v.above200.far)} CSI ${f(v.above200.csi)}` +
      ` · 按预报AQI by expected AQI: CSI ${f(v.above200Point.csi)} · Brier skill ${f(v.above200.brierSkill)}`;
    reliability(v.reliabilityAbove200);
  });

  // Reliability diagram: forecast probability against observed frequency per bin; calibrated points lie on the diagonal.
  function reliability(bins) {
    const used = bins.filter(b => b.n > 0);
    const chart = echarts.init(document.getElementById('chart-reliability'));
    chart.setOption({
      title: { text: 'P(AQI>200) 可靠性图 Reliability (lead 1)', textStyle: { fontSize: 13 } },
      tooltip: { formatter: x => x.seriesName === 'n' ? `n = ${x.value[1]}`
        : `预报 forecast ${Math.round(x.value[0] * 100)}% · 实况 observed ${Math.round(x.value[1] * 100)}% · n = ${x.value[2]}` },
      legend: { top: 20, data: ['观测频率 observed frequency', '完美校准 perfect', 'n'] }, grid: { left: 45, right: 45, top: 55 },
      xAxis: { type: 'value', min: 0, max: 1, name: '预报概率 forecast P' },
      yAxis: [{ type: 'value', min: 0, max: 1, name: '观测频率 observed' }, { type: 'value', name: 'n', minInterval: 1 }],
      series: [
        { name: '完美校准 perfect', type: 'line', data: [[0, 0], [1, 1]], symbol: 'none', lineStyle: { type: 'dashed', color: '#888' } },
        { name: '观测频率 observed frequency', type: 'line', data: used.map(b => [b.meanProbability, b.observedFrequency, b.n]), itemStyle: { color: '#99004C' } },
        { name: 'n', type: 'bar', yAxisIndex: 1, barWidth: 12, data: used.map(b => [(b.from + b.to) / 2, b.n]), itemStyle: { color: '#9bb7d4', opacity: .6 } }]
    });
  }
})();
