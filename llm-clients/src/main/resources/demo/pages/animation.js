const canvas = document.getElementById('scene');
const ctx = canvas.getContext('2d');
const RICH = {{rich}};
let speed = 1, running = true;
const balls = Array.from({length: {{count}}}, (_, i) => ({
  x: Math.random() * canvas.width, y: Math.random() * canvas.height,
  vx: (Math.random() - .5) * 4, vy: (Math.random() - .5) * 4,
  r: 3 + Math.random() * 9, c: COLORS[i % COLORS.length]
}));
if (RICH) {
  document.getElementById('toggle').onclick = e => { running = !running; e.target.textContent = running ? 'Pause' : 'Play'; };
  document.getElementById('speed').oninput = e => speed = +e.target.value;
  document.addEventListener('keydown', e => { if (e.code === 'Space') { e.preventDefault(); document.getElementById('toggle').click(); } });
}
let last = performance.now(), frames = 0, acc = 0;
function frame(now) {
  const dt = Math.min(50, now - last) / 16.7; last = now;
  if (running) {
    ctx.fillStyle = RICH ? 'rgba(2,6,23,0.25)' : '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    for (const b of balls) {
      b.x += b.vx * dt * speed; b.y += b.vy * dt * speed;
      if (b.x < b.r || b.x > canvas.width - b.r) b.vx *= -1;
      if (b.y < b.r || b.y > canvas.height - b.r) b.vy *= -1;
      ctx.beginPath(); ctx.arc(b.x, b.y, b.r, 0, Math.PI * 2); ctx.fillStyle = b.c; ctx.fill();
    }
    if (RICH) {
      ctx.lineWidth = 0.6;
      for (let i = 0; i < balls.length; i++) for (let j = i + 1; j < balls.length; j++) {
        const a = balls[i], b = balls[j], d = Math.hypot(a.x - b.x, a.y - b.y);
        if (d < 70) { ctx.strokeStyle = 'rgba(148,163,184,' + (1 - d / 70) + ')'; ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke(); }
      }
      frames++; acc += dt * 16.7;
      if (acc > 1000) { document.getElementById('fps').textContent = frames + ' fps'; frames = 0; acc = 0; }
    }
  }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
