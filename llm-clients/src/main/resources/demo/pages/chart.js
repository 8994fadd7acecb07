const RICH = {{rich}};
let data = {{data}};
const svg = document.getElementById('chart');
const NS = 'http://www.w3.org/2000/svg';
function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  svg.appendChild(e); return e;
}
function draw() {
  svg.innerHTML = '';
  const max = Math.max(...data.map(d => d.value)), w = 560 / data.length, base = 320;
  if (RICH) for (let g = 0; g <= 4; g++) {
    const y = base - g * 70;
    el('line', {x1: 50, x2: 620, y1: y, y2: y, stroke: '#334155', 'stroke-dasharray': '4 4'});
    el('text', {x: 44, y: y + 4, 'text-anchor': 'end', fill: '#94a3b8', 'font-size': 11}, Math.round(max * g / 4));
  }
  data.forEach((d, i) => {
    const h = d.value / max * 280, x = 60 + i * w;
    const bar = el('rect', {x: x, y: base - h, width: w * 0.7, height: h, fill: COLORS[i % COLORS.length], rx: RICH ? 6 : 0});
    el('text', {x: x + w * 0.35, y: base + 18, 'text-anchor': 'middle', fill: RICH ? '#e5e7eb' : '#333', 'font-size': 12}, d.label);
    if (RICH) {
      bar.style.transition = 'opacity .2s';
      bar.addEventListener('mouseenter', () => { bar.style.opacity = .7; document.getElementById('tip').textContent = d.label + ': ' + d.value; });
      bar.addEventListener('mouseleave', () => { bar.style.opacity = 1; });
    } else {
      el('text', {x: x + w * 0.35, y: base - h - 4, 'text-anchor': 'middle', 'font-size': 11}, d.value);
    }
  });
}
if (RICH) {
  document.getElementById('sort').onclick = () => { data.sort((a, b) => b.value - a.value); draw(); };
  document.getElementById('shuffle').onclick = () => { data = data.map(d => ({label: d.label, value: 10 + Math.round(Math.random() * 90)})); draw(); };
}
draw();
