package dev.autobench.renderer;

/** Answers a model might give, from fine to hostile. */
final class Pages {

    static final String CANVAS = """
            <!DOCTYPE html>
            <html><head><title>Canvas</title><style>body{margin:0;background:#fff}</style></head>
            <body><canvas id="c" width="1280" height="800"></canvas>
            <script>
              const ctx = document.getElementById('c').getContext('2d');
              ctx.fillStyle = '#1e3a8a';
              ctx.fillRect(100, 100, 400, 300);
              ctx.fillStyle = '#f59e0b';
              ctx.beginPath(); ctx.arc(800, 400, 150, 0, Math.PI * 2); ctx.fill();
            </script></body></html>
            """;

    static final String THROWS = """
            <!DOCTYPE html>
            <html><head><title>Broken</title></head>
            <body><h1>Half a page</h1>
            <script>
              console.error('about to fail');
              throw new TypeError('boom: renderer test');
            </script></body></html>
            """;

    static final String INFINITE_LOOP = """
            <!DOCTYPE html>
            <html><head><title>Hang</title></head>
            <body><h1>Never done</h1><script>while (true) {}</script></body></html>
            """;

    static final String BLANK = "<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>";

    static String text(String words) {
        return "<!DOCTYPE html><html><head><title>T</title></head><body><h1>" + words + "</h1></body></html>";
    }

    private Pages() {
    }
}
