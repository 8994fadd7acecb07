package dev.autobench.llm.demo;

import java.util.SplittableRandom;

/**
 * The demo's page generators. Each one is a real, working single-file page about the task; quality
 * changes styling and features, and the buggy level adds an uncaught error after loading.
 */
final class DemoPages {

    private static final String[][] PALETTES = {
            {"#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6"},
            {"#0ea5e9", "#f97316", "#22c55e", "#e11d48", "#a855f7"},
            {"#1d4ed8", "#eab308", "#14b8a6", "#dc2626", "#7c3aed"},
            {"#0f766e", "#f43f5e", "#6366f1", "#facc15", "#fb923c"},
    };

    private DemoPages() {
    }

    static String page(DemoTask task, DemoQuality quality, SplittableRandom random) {
        String[] palette = PALETTES[random.nextInt(PALETTES.length)];
        boolean rich = quality == DemoQuality.EXCELLENT;
        String[] parts = switch (task.kind()) {
            case ANIMATION -> animation(rich, random);
            case CHART -> chart(rich, random);
            case GAME -> game(rich);
            case TEXT -> textTool(rich);
            case WIDGET -> widget(rich, random);
        };
        String body = parts[0];
        String script = parts[1];
        String colors = "['" + String.join("','", palette) + "']";
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(task.title())).append("</title>\n");
        String css = css(quality, palette);
        if (!css.isEmpty()) {
            html.append("<style>\n").append(css).append("</style>\n");
        }
        html.append("</head>\n<body>\n<header><h1>").append(escape(task.title())).append("</h1>");
        if (rich) {
            html.append("<p class=\"sub\">Self-contained, responsive, keyboard friendly.</p>");
        }
        html.append("</header>\n<main>\n").append(body).append("\n</main>\n");
        if (quality == DemoQuality.EXCELLENT) {
            html.append("<footer>Made for AutoBench (offline demo model)</footer>\n");
        }
        html.append("<script>\nconst COLORS = ").append(colors).append(";\n").append(script).append("\n</script>\n");
        if (quality == DemoQuality.BUGGY) {
            // the page works, then a stray reference to an element that does not exist throws
            html.append("<script>\nsetTimeout(function () {\n  document.getElementById('details-panel').classList.add('open');\n}, 250);\n</script>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String css(DemoQuality quality, String[] palette) {
        return switch (quality) {
            case EXCELLENT -> """
                    :root { --accent: %s; --accent2: %s; --bg: #0b1020; --fg: #e5e7eb; --card: #151b2e; }
                    * { box-sizing: border-box; }
                    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, Segoe UI, Roboto, sans-serif;
                           color: var(--fg); background: radial-gradient(circle at top, #1e293b, var(--bg)); min-height: 100vh; }
                    header { padding: 24px 16px 8px; text-align: center; }
                    h1 { margin: 0; font-size: clamp(1.4rem, 4vw, 2.2rem); color: #fff; }
                    .sub { margin: 4px 0 0; opacity: .7; }
                    main { max-width: 960px; margin: 0 auto; padding: 16px; }
                    .card { background: var(--card); border-radius: 14px; padding: 16px; box-shadow: 0 10px 30px #0006; }
                    button, input, select, textarea { font: inherit; border-radius: 8px; border: 1px solid #334155;
                           background: #0f172a; color: var(--fg); padding: 8px 12px; }
                    button { background: var(--accent); border: none; color: #fff; cursor: pointer; }
                    button:hover { filter: brightness(1.1); } button:focus-visible { outline: 3px solid var(--accent2); }
                    .row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin: 12px 0; }
                    canvas, svg { width: 100%%; height: auto; display: block; border-radius: 12px; background: #020617; }
                    footer { text-align: center; opacity: .5; padding: 16px; font-size: .85rem; }
                    """.formatted(palette[0], palette[1]);
            case GOOD, BUGGY -> """
                    body { font-family: Arial, sans-serif; margin: 20px; background: #f7f7f9; color: #222; }
                    h1 { color: %s; }
                    .card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px; }
                    .row { margin: 10px 0; } button { padding: 6px 12px; margin-right: 6px; }
                    canvas, svg { max-width: 100%%; border: 1px solid #ccc; background: #fff; }
                    """.formatted(palette[0]);
            default -> "";
        };
    }

    private static String[] animation(boolean rich, SplittableRandom random) {
        int count = rich ? 90 + random.nextInt(40) : 25 + random.nextInt(15);
        String body = "<div class=\"card\"><canvas id=\"scene\" width=\"800\" height=\"480\"></canvas>"
                + (rich ? "<div class=\"row\"><button id=\"toggle\">Pause</button><label>Speed "
                + "<input id=\"speed\" type=\"range\" min=\"0.2\" max=\"3\" step=\"0.1\" value=\"1\"></label>"
                + "<span id=\"fps\"></span></div>" : "") + "</div>";
        String script = """
                const canvas = document.getElementById('scene');
                const ctx = canvas.getContext('2d');
                const RICH = %s;
                let speed = 1, running = true;
                const balls = Array.from({length: %d}, (_, i) => ({
                  x: Math.random() * canvas.width, y: Math.random() * canvas.height,
                  vx: (Math.random() - .5) * 4, vy: (Math.random() - .5) * 4,
                  r: 3 + Math.random() * 9, c: COLORS[i %% COLORS.length]
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
                """.formatted(rich, count);
        return new String[]{body, script};
    }

    private static String[] chart(boolean rich, SplittableRandom random) {
        StringBuilder data = new StringBuilder("[");
        String[] labels = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int i = 0; i < labels.length; i++) {
            data.append(i == 0 ? "" : ",").append("{label:'").append(labels[i]).append("',value:")
                    .append(10 + random.nextInt(90)).append('}');
        }
        data.append(']');
        String body = "<div class=\"card\">" + (rich ? "<div class=\"row\"><button id=\"sort\">Sort</button>"
                + "<button id=\"shuffle\">New data</button><span id=\"tip\" aria-live=\"polite\"></span></div>" : "")
                + "<svg id=\"chart\" viewBox=\"0 0 640 360\" role=\"img\" aria-label=\"bar chart\"></svg></div>";
        String script = """
                const RICH = %s;
                let data = %s;
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
                    const bar = el('rect', {x: x, y: base - h, width: w * 0.7, height: h, fill: COLORS[i %% COLORS.length], rx: RICH ? 6 : 0});
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
                """.formatted(rich, data);
        return new String[]{body, script};
    }

    private static String[] game(boolean rich) {
        String body = "<div class=\"card\"><p id=\"status\">Your turn (X)</p><div id=\"board\" role=\"grid\"></div>"
                + "<div class=\"row\"><button id=\"reset\">New game</button>" + (rich ? "<span id=\"score\"></span>" : "")
                + "</div></div><style>#board{display:grid;grid-template-columns:repeat(3,84px);gap:6px}"
                + "#board button{width:84px;height:84px;font-size:40px;padding:0}#board .win{outline:4px solid gold}</style>";
        String script = """
                const RICH = %s;
                const LINES = [[0,1,2],[3,4,5],[6,7,8],[0,3,6],[1,4,7],[2,5,8],[0,4,8],[2,4,6]];
                const boardEl = document.getElementById('board'), statusEl = document.getElementById('status');
                let cells, over, score = {X: 0, O: 0, draw: 0};
                function winner(b) {
                  for (const l of LINES) if (b[l[0]] && b[l[0]] === b[l[1]] && b[l[1]] === b[l[2]]) return {who: b[l[0]], line: l};
                  return b.every(Boolean) ? {who: 'draw', line: []} : null;
                }
                function bestMove() {
                  for (const who of ['O', 'X']) for (const l of LINES) {
                    const v = l.map(i => cells[i]);
                    if (v.filter(c => c === who).length === 2 && v.includes('')) return l[v.indexOf('')];
                  }
                  if (!cells[4]) return 4;
                  const free = cells.map((c, i) => c ? -1 : i).filter(i => i >= 0);
                  return free[Math.floor(Math.random() * free.length)];
                }
                function render(win) {
                  boardEl.innerHTML = '';
                  cells.forEach((c, i) => {
                    const b = document.createElement('button');
                    b.textContent = c; b.setAttribute('aria-label', 'cell ' + (i + 1));
                    if (win && win.line.includes(i)) b.className = 'win';
                    b.onclick = () => play(i);
                    boardEl.appendChild(b);
                  });
                  if (RICH) document.getElementById('score').textContent = 'You ' + score.X + ' - ' + score.O + ' Computer (draws ' + score.draw + ')';
                }
                function finish(win) {
                  over = true; score[win.who]++;
                  statusEl.textContent = win.who === 'draw' ? 'Draw!' : (win.who === 'X' ? 'You win!' : 'Computer wins!');
                  render(win);
                }
                function play(i) {
                  if (over || cells[i]) return;
                  cells[i] = 'X';
                  let win = winner(cells);
                  if (win) return finish(win);
                  cells[bestMove()] = 'O';
                  win = winner(cells);
                  if (win) return finish(win);
                  render(null);
                }
                function reset() { cells = Array(9).fill(''); over = false; statusEl.textContent = 'Your turn (X)'; render(null); }
                document.getElementById('reset').onclick = reset;
                reset();
                """.formatted(rich);
        return new String[]{body, script};
    }

    private static String[] textTool(boolean rich) {
        String body = "<div class=\"card\"><textarea id=\"input\" rows=\"8\" style=\"width:100%\" "
                + "placeholder=\"Type or paste text here\">The quick brown fox jumps over the lazy dog. The dog sleeps.</textarea>"
                + "<div class=\"row\"><button id=\"upper\">UPPER</button><button id=\"lower\">lower</button>"
                + "<button id=\"title\">Title Case</button></div><p id=\"stats\"></p>"
                + (rich ? "<h3>Top words</h3><ol id=\"top\"></ol>" : "") + "</div>";
        String script = """
                const RICH = %s;
                const input = document.getElementById('input');
                function update() {
                  const text = input.value, words = text.toLowerCase().match(/[a-z0-9']+/g) || [];
                  const sentences = (text.match(/[.!?]+/g) || []).length;
                  document.getElementById('stats').textContent = words.length + ' words, ' + text.length + ' characters, '
                    + sentences + ' sentences, ~' + Math.max(1, Math.round(words.length / 200)) + ' min read';
                  if (RICH) {
                    const freq = {};
                    words.forEach(w => freq[w] = (freq[w] || 0) + 1);
                    const top = Object.entries(freq).sort((a, b) => b[1] - a[1]).slice(0, 5);
                    document.getElementById('top').innerHTML = top.map(([w, n]) => '<li>' + w + ' <small>(' + n + ')</small></li>').join('');
                  }
                }
                document.getElementById('upper').onclick = () => { input.value = input.value.toUpperCase(); update(); };
                document.getElementById('lower').onclick = () => { input.value = input.value.toLowerCase(); update(); };
                document.getElementById('title').onclick = () => { input.value = input.value.toLowerCase().replace(/\\b\\w/g, c => c.toUpperCase()); update(); };
                input.addEventListener('input', update);
                update();
                """.formatted(rich);
        return new String[]{body, script};
    }

    private static String[] widget(boolean rich, SplittableRandom random) {
        String[] starters = {"Sketch the layout", "Write the script", "Test on a phone", "Polish the colours", "Ship it"};
        int n = 2 + random.nextInt(3);
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            items.append(i == 0 ? "" : ",").append("{text:'").append(starters[i]).append("',done:").append(i == 0).append('}');
        }
        items.append(']');
        String body = "<div class=\"card\"><form id=\"add\" class=\"row\"><input id=\"text\" placeholder=\"New item\" "
                + "aria-label=\"New item\" required><button>Add</button></form>"
                + (rich ? "<div class=\"row\"><button data-f=\"all\">All</button><button data-f=\"open\">Open</button>"
                + "<button data-f=\"done\">Done</button></div>" : "")
                + "<ul id=\"list\"></ul><p id=\"count\"></p></div>";
        String script = """
                const RICH = %s;
                let items = %s, filter = 'all';
                const list = document.getElementById('list');
                function render() {
                  list.innerHTML = '';
                  items.filter(it => filter === 'all' || (filter === 'done') === it.done).forEach(it => {
                    const li = document.createElement('li');
                    const box = document.createElement('input'); box.type = 'checkbox'; box.checked = it.done;
                    box.onchange = () => { it.done = box.checked; render(); };
                    const label = document.createElement('span'); label.textContent = ' ' + it.text + ' ';
                    if (it.done) label.style.textDecoration = 'line-through';
                    li.append(box, label);
                    if (RICH) {
                      const del = document.createElement('button'); del.textContent = 'x'; del.setAttribute('aria-label', 'remove');
                      del.onclick = () => { items = items.filter(x => x !== it); render(); };
                      li.append(del);
                    }
                    list.appendChild(li);
                  });
                  const open = items.filter(it => !it.done).length;
                  document.getElementById('count').textContent = open + ' open of ' + items.length;
                }
                document.getElementById('add').onsubmit = e => {
                  e.preventDefault();
                  const input = document.getElementById('text');
                  if (input.value.trim()) items.push({text: input.value.trim(), done: false});
                  input.value = ''; render();
                };
                if (RICH) document.querySelectorAll('[data-f]').forEach(b => b.onclick = () => { filter = b.dataset.f; render(); });
                render();
                """.formatted(rich, items);
        return new String[]{body, script};
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
