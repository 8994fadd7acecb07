const RICH = {{rich}};
let items = {{items}}, filter = 'all';
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
