const RICH = {{rich}};
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
document.getElementById('title').onclick = () => { input.value = input.value.toLowerCase().replace(/\b\w/g, c => c.toUpperCase()); update(); };
input.addEventListener('input', update);
update();
