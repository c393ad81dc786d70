// The public page's scripts: the ranking chart and the subscription form. No inline script (CSP).
(function () {
  const box = document.getElementById('ranking-chart');
  if (!box || typeof echarts === 'undefined') { return; }
  fetch('/api/public/rankings?period=' + encodeURIComponent(box.dataset.period)).then(r => r.json()).then(ranking => {
    const rows = ranking.rows.filter(r => r.compositeIndex !== null);
    const chart = echarts.init(box);
    chart.setOption({
      // containLabel: the grid makes room for the longest unit name (延边朝鲜族自治州) instead of cutting it.
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: '综合指数 composite', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', inverse: true, data: rows.map(r => r.nameZh), axisLabel: { interval: 0 } },
      series: [{ type: 'bar', data: rows.map(r => r.compositeIndex), itemStyle: { color: '#0b5cad' } }]
    });
    window.addEventListener('resize', () => chart.resize());
  });
})();

(function () {
  const subscribe = document.getElementById('subscribe-form');
  const confirm = document.getElementById('confirm-form');
  const result = document.getElementById('subscribe-result');
  if (!subscribe) { return; }
  let pending = null;

  async function post(url, body) {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const json = await response.json().catch(() => ({}));
    return { ok: response.ok, json };
  }

  function show(text, ok) {
    result.textContent = text;
    result.className = ok ? 'notice' : 'notice error';
  }

  subscribe.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(subscribe);
    pending = { phone: data.get('phone').trim(), unit: data.get('unit'), language: data.get('language') };
    const r = await post('/api/subscriptions', pending);
    if (r.ok) {
      confirm.hidden = false;
      show('验证码已发送，请输入短信中的验证码。A code was sent by SMS: enter it to confirm.', true);
    } else {
      show(r.json.message || '订阅失败 Subscription failed', false);
    }
  });

  confirm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = new FormData(confirm).get('code').trim();
    const r = await post('/api/subscriptions/confirm', Object.assign({ code }, pending));
    show(r.ok ? '订阅成功。Subscribed.' : (r.json.message || '验证失败 Confirmation failed'), r.ok);
    if (r.ok) { confirm.hidden = true; }
  });
})();
