package dev.autobench.renderer;

/**
 * Hand-made pages for one small task, "a counter with a + button, an arrow-key cursor on a canvas, a text box that
 * echoes what is typed, and a spinning square", and its checks: the page that does it, and pages that do not.
 */
final class CheckPages {

    static final String CHECKS = """
            [
              {"id": "button", "kind": "element", "description": "a + button", "selector": "button#plus"},
              {"id": "canvas", "kind": "element", "description": "a canvas", "selector": "canvas"},
              {"id": "title", "kind": "text", "description": "the page says Counter", "text": "counter"},
              {"id": "click", "kind": "click", "description": "clicking + counts up", "selector": "button#plus"},
              {"id": "keys", "kind": "keys", "description": "arrow keys move the cursor", "keys": ["ArrowRight", "ArrowRight"]},
              {"id": "type", "kind": "type", "description": "typing is echoed", "selector": "input", "text": "hello"},
              {"id": "drag", "kind": "drag", "description": "dragging on the canvas draws", "selector": "canvas"},
              {"id": "responsive", "kind": "responsive", "description": "the page stays responsive"},
              {"id": "errors", "kind": "no_errors", "description": "no uncaught error"}
            ]""";

    /** The same without the canvas drawing checks, plus "it animates". */
    static final String ANIMATION_CHECKS = """
            [
              {"id": "moves", "kind": "animates", "description": "the square spins"},
              {"id": "keys", "kind": "keys", "description": "arrow keys steer", "keys": ["ArrowLeft", "ArrowLeft", "ArrowLeft"]},
              {"id": "errors", "kind": "no_errors", "description": "no uncaught error"}
            ]""";

    static final String WORKING = """
            <!DOCTYPE html>
            <html><head><title>Counter</title><style>body{margin:0;font:16px sans-serif}</style></head>
            <body><h1>Counter</h1>
            <button id="plus">+</button> <span id="n">0</span>
            <p><input id="in" placeholder="type"> <span id="echo"></span></p>
            <canvas id="c" width="400" height="200" style="border:1px solid #000"></canvas>
            <script>
              let n = 0, x = 20, drawing = false;
              const ctx = document.getElementById('c').getContext('2d');
              function draw() { ctx.clearRect(0, 0, 400, 200); ctx.fillStyle = '#c00'; ctx.fillRect(x, 80, 30, 30); }
              draw();
              document.getElementById('plus').addEventListener('click', () => {
                document.getElementById('n').textContent = String(++n);
              });
              document.addEventListener('keydown', e => {
                if (e.key === 'ArrowRight') { x += 20; draw(); }
                if (e.key === 'ArrowLeft') { x -= 20; draw(); }
              });
              document.getElementById('in').addEventListener('input', e => {
                document.getElementById('echo').textContent = e.target.value;
              });
              const c = document.getElementById('c');
              c.addEventListener('mousedown', () => { drawing = true; });
              c.addEventListener('mouseup', () => { drawing = false; });
              c.addEventListener('mousemove', e => {
                if (drawing) { ctx.fillStyle = '#00c'; ctx.fillRect(e.offsetX, e.offsetY, 4, 4); }
              });
            </script></body></html>
            """;

    /** What the working page looks like, as a picture with nothing behind it. */
    static final String SCREENSHOT_LIKE = """
            <!DOCTYPE html>
            <html><head><title>Counter</title><style>body{margin:0;font:16px sans-serif}</style></head>
            <body><h1>Counter</h1>
            <button id="plus">+</button> <span id="n">0</span>
            <p><input id="in" placeholder="type"> <span id="echo"></span></p>
            <canvas id="c" width="400" height="200" style="border:1px solid #000"></canvas>
            <script>
              const ctx = document.getElementById('c').getContext('2d');
              ctx.fillStyle = '#c00'; ctx.fillRect(20, 80, 30, 30);
            </script></body></html>
            """;

    /** Works, then throws on a click. */
    static final String THROWS_ON_CLICK = WORKING.replace("document.getElementById('n').textContent = String(++n);",
            "document.getElementById('n').textContent = String(++n); null.boom();");

    /** Renders fine; the first click never returns. */
    static final String LOOPS_ON_CLICK = WORKING.replace("document.getElementById('n').textContent = String(++n);",
            "while (true) { n++; }");

    /** A spinning square the arrow keys steer. */
    static final String ANIMATED_STEERED = animated(true);

    /** The same spinning square, deaf to the keys: it moves, but not because of them. */
    static final String ANIMATED_DEAF = animated(false);

    private static String animated(boolean listens) {
        return """
                <!DOCTYPE html>
                <html><head><title>Spin</title><style>body{margin:0}</style></head>
                <body><canvas id="c" width="600" height="400"></canvas>
                <script>
                  const ctx = document.getElementById('c').getContext('2d');
                  let a = 0, x = 300;
                  %s
                  function frame() {
                    a += 0.05;
                    ctx.clearRect(0, 0, 600, 400);
                    ctx.save(); ctx.translate(x, 200); ctx.rotate(a); ctx.fillStyle = '#084'; ctx.fillRect(-40, -40, 80, 80);
                    ctx.restore();
                    requestAnimationFrame(frame);
                  }
                  frame();
                </script></body></html>
                """.formatted(listens
                ? "document.addEventListener('keydown', e => { if (e.key === 'ArrowLeft') x -= 30; });" : "");
    }

    private CheckPages() {
    }
}
