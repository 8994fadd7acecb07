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
            case EXCELLENT -> PageTemplate.fill("excellent.css", "accent", palette[0], "accent2", palette[1]);
            case GOOD, BUGGY -> PageTemplate.fill("good.css", "accent", palette[0]);
            default -> "";
        };
    }

    private static String[] animation(boolean rich, SplittableRandom random) {
        int count = rich ? 90 + random.nextInt(40) : 25 + random.nextInt(15);
        String body = "<div class=\"card\"><canvas id=\"scene\" width=\"800\" height=\"480\"></canvas>"
                + (rich ? "<div class=\"row\"><button id=\"toggle\">Pause</button><label>Speed "
                + "<input id=\"speed\" type=\"range\" min=\"0.2\" max=\"3\" step=\"0.1\" value=\"1\"></label>"
                + "<span id=\"fps\"></span></div>" : "") + "</div>";
        String script = PageTemplate.fill("animation.js", "rich", rich, "count", count);
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
        String script = PageTemplate.fill("chart.js", "rich", rich, "data", data);
        return new String[]{body, script};
    }

    private static String[] game(boolean rich) {
        String body = "<div class=\"card\"><p id=\"status\">Your turn (X)</p><div id=\"board\" role=\"grid\"></div>"
                + "<div class=\"row\"><button id=\"reset\">New game</button>" + (rich ? "<span id=\"score\"></span>" : "")
                + "</div></div><style>#board{display:grid;grid-template-columns:repeat(3,84px);gap:6px}"
                + "#board button{width:84px;height:84px;font-size:40px;padding:0}#board .win{outline:4px solid gold}</style>";
        String script = PageTemplate.fill("game.js", "rich", rich);
        return new String[]{body, script};
    }

    private static String[] textTool(boolean rich) {
        String body = "<div class=\"card\"><textarea id=\"input\" rows=\"8\" style=\"width:100%\" "
                + "placeholder=\"Type or paste text here\">The quick brown fox jumps over the lazy dog. The dog sleeps.</textarea>"
                + "<div class=\"row\"><button id=\"upper\">UPPER</button><button id=\"lower\">lower</button>"
                + "<button id=\"title\">Title Case</button></div><p id=\"stats\"></p>"
                + (rich ? "<h3>Top words</h3><ol id=\"top\"></ol>" : "") + "</div>";
        String script = PageTemplate.fill("text-tool.js", "rich", rich);
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
        String script = PageTemplate.fill("widget.js", "rich", rich, "items", items);
        return new String[]{body, script};
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
