const RICH = {{rich}};
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
