package dev.autobench.renderer.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckKind;
import dev.autobench.common.checks.CheckOutcome;
import dev.autobench.common.checks.CheckResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task's acceptance checks in the browser that just took the page's screenshot, over the same DevTools
 * session: DOM queries by {@code Runtime.evaluate}, real input through {@code Input.dispatch*}, screenshots to
 * compare pixels, and the exceptions the page threw. Nothing here calls a model, and every step has a deadline:
 * a page whose main thread stops answering is cut at the limit, marked, and the remaining checks are not run.
 *
 * <p>Order: the passive checks run first (elements, text, animation), then the interactions, then responsiveness
 * and errors, so that what the interactions cause counts; the results keep the task's order.
 */
final class PageChecker {

    /** Time a page gets between two screenshots to show whether it moves on its own. */
    private static final int BASELINE_MS = 300;
    private static final Set<String> CLICK_EVENTS =
            Set.of("click", "mousedown", "mouseup", "pointerdown", "pointerup", "touchstart", "touchend");
    private static final Set<String> KEY_EVENTS = Set.of("keydown", "keyup", "keypress");
    private static final Set<String> DRAG_EVENTS = Set.of("mousedown", "mousemove", "pointerdown", "pointermove",
            "touchstart", "touchmove", "dragstart");

    /** A hash of the page's markup, text and form values, leaving out the field being typed into. */
    private static final String FINGERPRINT = """
            ((typedInto) => {
              const b = document.body;
              if (!b) return '';
              let skip = null;
              try { skip = typedInto ? document.querySelector(typedInto) : null; } catch (e) { skip = null; }
              const fields = Array.from(document.querySelectorAll('input,textarea,select'))
                .filter(e => e !== skip)
                .map(e => (e.type === 'checkbox' || e.type === 'radio') ? String(e.checked) : String(e.value));
              const s = b.innerHTML + '\\u0001' + b.innerText + '\\u0001' + fields.join('\\u0002');
              let h = 0;
              for (let i = 0; i < s.length; i++) { h = (h * 31 + s.charCodeAt(i)) | 0; }
              return s.length + ':' + h;
            })(%s)""";

    /** Starts every interaction from the same state: nothing focused, so earlier checks leave no focus ring. */
    private static final String BLUR = """
            (() => { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); return true; })()""";

    private static final String LOCATE = """
            ((selector) => {
              let all;
              try { all = Array.from(document.querySelectorAll(selector)); }
              catch (e) { return { error: 'invalid selector: ' + e.message }; }
              const visible = all.filter(e => {
                const r = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
              });
              if (visible.length === 0) return { count: 0, total: all.length };
              const e = visible[0];
              e.scrollIntoView({ block: 'center', inline: 'center' });
              const r = e.getBoundingClientRect();
              return { count: visible.length, total: all.length, x: r.left, y: r.top, w: r.width, h: r.height,
                       tag: e.tagName.toLowerCase() };
            })(%s)""";

    private static final String FOCUS = """
            ((selector) => {
              let e;
              try { e = document.querySelector(selector); } catch (x) { return 'invalid selector: ' + x.message; }
              if (!e) return 'no element matches';
              e.scrollIntoView({ block: 'center' });
              e.focus();
              if ('value' in e && typeof e.select === 'function') { try { e.select(); } catch (x) { /* not selectable */ } }
              return document.activeElement === e || e.isContentEditable ? '' : 'the element cannot take the focus';
            })(%s)""";

    private static final String TEXT = """
            ((wanted) => {
              const seen = ((document.body && document.body.innerText) || '') + '\\n' + document.title;
              return seen.toLowerCase().includes(wanted.toLowerCase());
            })(%s)""";

    private final CdpConnection cdp;
    private final String session;
    private final PageEvents page;
    private final int width;
    private final int height;
    private final long stepNanos;
    private String hungIn;

    PageChecker(CdpConnection cdp, String session, PageEvents page, int width, int height, long stepNanos) {
        this.cdp = cdp;
        this.session = session;
        this.page = page;
        this.width = width;
        this.height = height;
        this.stepNanos = stepNanos;
    }

    /** Runs every check before {@code deadline}; one result per check, in the checks' order. */
    List<CheckResult> run(List<Check> checks, long deadline) throws InterruptedException {
        List<Check> order = new ArrayList<>(checks);
        order.sort(Comparator.comparingInt(PageChecker::phase));
        Map<Check, CheckResult> results = new LinkedHashMap<>();
        for (Check check : order) {
            results.put(check, runOne(check, deadline));
        }
        List<CheckResult> inOrder = new ArrayList<>(checks.size());
        for (Check check : checks) {
            inOrder.add(results.get(check));
        }
        return inOrder;
    }

    private static int phase(Check check) {
        return switch (check.kind()) {
            case ELEMENT, TEXT, ANIMATES -> 0;
            case CLICK, KEYS, TYPE, DRAG -> 1;
            case RESPONSIVE -> 2;
            case NO_ERRORS -> 3;
        };
    }

    private CheckResult runOne(Check check, long deadline) throws InterruptedException {
        long start = System.nanoTime();
        if (check.kind() == CheckKind.NO_ERRORS) {
            return noErrors(check, start);
        }
        if (hungIn != null) {
            if (check.kind() == CheckKind.RESPONSIVE) {
                return result(check, CheckOutcome.FAILED, "the page stopped answering during the check '" + hungIn + "'", start);
            }
            return result(check, CheckOutcome.NOT_RUN, "not run: the page stopped answering during the check '"
                    + hungIn + "'", start);
        }
        if (System.nanoTime() >= deadline) {
            return result(check, CheckOutcome.NOT_RUN, "not run: the time for the checks ran out", start);
        }
        long checkDeadline = Math.min(deadline, start + stepNanos + check.waitOrDefault() * 1_000_000L * 3);
        try {
            return switch (check.kind()) {
                case ELEMENT -> element(check, start, checkDeadline);
                case TEXT -> text(check, start, checkDeadline);
                case ANIMATES -> animates(check, start, checkDeadline);
                case CLICK, KEYS, TYPE, DRAG -> interaction(check, start, checkDeadline);
                case RESPONSIVE -> responsive(check, start, deadline);
                case NO_ERRORS -> throw new IllegalStateException("handled above");
            };
        } catch (TimeoutException e) {
            hungIn = check.id();
            return result(check, CheckOutcome.TIMED_OUT, "cut at the time limit after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms: the page did not answer (a busy or endless loop?)",
                    start);
        } catch (IOException e) {
            return result(check, CheckOutcome.FAILED, "the browser refused a step: " + e.getMessage(), start);
        }
    }

    private CheckResult noErrors(Check check, long start) throws InterruptedException {
        if (check.waitOrDefault() > 0 && hungIn == null) {
            Thread.sleep(check.waitOrDefault());
        }
        int count = page.exceptionCount();
        if (count == 0) {
            return result(check, CheckOutcome.PASSED, "no uncaught error", start);
        }
        List<dev.autobench.renderer.artifact.PageProblem> errors = page.jsErrors();
        String first = errors.isEmpty() ? "" : ": " + errors.get(0).text();
        return result(check, CheckOutcome.FAILED, count + " uncaught error" + (count == 1 ? "" : "s") + first, start);
    }

    private CheckResult element(Check check, long start, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        JsonNode found = evaluate(LOCATE.formatted(quote(check.selector())), deadline);
        if (found.has("error")) {
            return result(check, CheckOutcome.FAILED, found.path("error").asText(), start);
        }
        int count = found.path("count").asInt();
        int total = found.path("total").asInt();
        if (count >= check.minOrDefault()) {
            return result(check, CheckOutcome.PASSED, count + " visible element" + (count == 1 ? "" : "s")
                    + " match " + check.selector(), start);
        }
        return result(check, CheckOutcome.FAILED, count + " visible of " + total + " matching " + check.selector()
                + ", at least " + check.minOrDefault() + " wanted", start);
    }

    private CheckResult text(Check check, long start, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        boolean found = evaluate(TEXT.formatted(quote(check.text())), deadline).asBoolean();
        return result(check, found ? CheckOutcome.PASSED : CheckOutcome.FAILED,
                (found ? "the page shows \"" : "the page does not show \"") + check.text() + "\"", start);
    }

    private CheckResult animates(Check check, long start, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        String before = screenshot(deadline);
        Thread.sleep(check.waitOrDefault());
        String after = screenshot(deadline);
        boolean moved = !before.equals(after);
        return result(check, moved ? CheckOutcome.PASSED : CheckOutcome.FAILED, moved
                ? "two screenshots " + check.waitOrDefault() + " ms apart differ"
                : "two screenshots " + check.waitOrDefault() + " ms apart are identical", start);
    }

    private CheckResult responsive(Check check, long start, long deadline)
            throws InterruptedException, IOException, TimeoutException {
        long limit = Math.min(deadline, start + check.waitOrDefault() * 1_000_000L);
        try {
            evaluate("1", limit);
        } catch (TimeoutException e) {
            hungIn = check.id();
            return result(check, CheckOutcome.FAILED, "the main thread did not answer within "
                    + check.waitOrDefault() + " ms", start);
        }
        return result(check, CheckOutcome.PASSED, "the main thread answered in "
                + (System.nanoTime() - start) / 1_000_000 + " ms", start);
    }

    /**
     * Sends the input and looks for a reaction. A page that is still on its own (pixels and DOM unchanged over a
     * short baseline) passes when the input changes its pixels or its DOM. A page that moves on its own would
     * change anyway, so then it must also listen for that kind of input: a canvas game that animates but ignores
     * the keys fails.
     */
    private CheckResult interaction(Check check, long start, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        Target target = null;
        if (check.kind() != CheckKind.KEYS || check.selector() != null) {
            JsonNode found = evaluate(LOCATE.formatted(quote(check.selector())), deadline);
            if (found.has("error")) {
                return result(check, CheckOutcome.FAILED, found.path("error").asText(), start);
            }
            if (found.path("count").asInt() == 0) {
                return result(check, CheckOutcome.FAILED, "no visible element matches " + check.selector(), start);
            }
            target = new Target(found.path("x").asDouble(), found.path("y").asDouble(),
                    found.path("w").asDouble(), found.path("h").asDouble());
        }
        evaluate(BLUR, deadline);
        if (check.kind() == CheckKind.TYPE) {
            String focused = evaluate(FOCUS.formatted(quote(check.selector())), deadline).asText();
            if (!focused.isEmpty()) {
                return result(check, CheckOutcome.FAILED, focused, start);
            }
        }
        String typedInto = check.kind() == CheckKind.TYPE ? check.selector() : null;
        String dom0 = fingerprint(typedInto, deadline);
        String px0 = screenshot(deadline);
        Thread.sleep(BASELINE_MS);
        String dom1 = fingerprint(typedInto, deadline);
        String px1 = screenshot(deadline);
        boolean domStill = dom0.equals(dom1);
        boolean pixelsStill = px0.equals(px1);

        switch (check.kind()) {
            case CLICK -> click(target, deadline);
            case KEYS -> {
                if (target != null) {
                    click(target, deadline);
                }
                for (String key : check.keys()) {
                    press(key, deadline);
                }
            }
            case TYPE -> cdp.call(session, "Input.insertText", cdp.params().put("text", check.text()), deadline);
            case DRAG -> drag(target, deadline);
            default -> throw new IllegalStateException(check.kind().wire());
        }
        Thread.sleep(check.waitOrDefault());
        String dom2 = fingerprint(typedInto, deadline);
        String px2 = check.kind() == CheckKind.TYPE ? px1 : screenshot(deadline);
        boolean domChanged = !dom1.equals(dom2);
        boolean pixelsChanged = !px1.equals(px2);
        String what = inputWords(check);
        if (domStill && domChanged) {
            return result(check, CheckOutcome.PASSED, what + " changed the page's content", start);
        }
        if (pixelsStill && pixelsChanged) {
            return result(check, CheckOutcome.PASSED, what + " changed the pixels", start);
        }
        if (!domChanged && !pixelsChanged) {
            return result(check, CheckOutcome.FAILED, "nothing changed after " + what, start);
        }
        Set<String> listened = listenedEvents(deadline);
        Set<String> wanted = switch (check.kind()) {
            case KEYS -> KEY_EVENTS;
            case DRAG -> DRAG_EVENTS;
            case TYPE -> Set.of("input", "change", "keyup", "keydown");
            default -> CLICK_EVENTS;
        };
        Set<String> matching = new HashSet<>(listened);
        matching.retainAll(wanted);
        if (!matching.isEmpty()) {
            return result(check, CheckOutcome.PASSED, "the page moves on its own; it listens for "
                    + String.join(", ", matching.stream().sorted().toList()) + " and changed after " + what, start);
        }
        return result(check, CheckOutcome.FAILED, "the page moves on its own but listens for none of "
                + String.join(", ", wanted.stream().sorted().toList()) + ": " + what + " has no effect", start);
    }

    private static String inputWords(Check check) {
        return switch (check.kind()) {
            case CLICK -> "clicking " + check.selector();
            case KEYS -> "pressing " + String.join(" ", check.keys());
            case TYPE -> "typing into " + check.selector();
            case DRAG -> "dragging across " + check.selector();
            default -> check.kind().wire();
        };
    }

    private record Target(double x, double y, double w, double h) {
        double cx() {
            return x + w / 2;
        }

        double cy() {
            return y + h / 2;
        }
    }

    private void click(Target target, long deadline) throws IOException, InterruptedException, TimeoutException {
        mouse("mouseMoved", target.cx(), target.cy(), 0, deadline);
        mouse("mousePressed", target.cx(), target.cy(), 1, deadline);
        Thread.sleep(40);
        mouse("mouseReleased", target.cx(), target.cy(), 0, deadline);
    }

    private void drag(Target target, long deadline) throws IOException, InterruptedException, TimeoutException {
        double x0 = target.x() + target.w() * 0.3;
        double y0 = target.y() + target.h() * 0.3;
        double x1 = target.x() + target.w() * 0.7;
        double y1 = target.y() + target.h() * 0.7;
        mouse("mouseMoved", x0, y0, 0, deadline);
        mouse("mousePressed", x0, y0, 1, deadline);
        for (int i = 1; i <= 8; i++) {
            mouse("mouseMoved", x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8, 1, deadline);
            Thread.sleep(15);
        }
        mouse("mouseReleased", x1, y1, 0, deadline);
    }

    private void mouse(String type, double x, double y, int buttons, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        ObjectNode event = cdp.params().put("type", type).put("x", x).put("y", y);
        if (!type.equals("mouseMoved")) {
            event.put("button", "left").put("clickCount", 1);
        } else if (buttons != 0) {
            event.put("button", "left");
        }
        event.put("buttons", type.equals("mouseReleased") ? 0 : buttons);
        cdp.call(session, "Input.dispatchMouseEvent", event, deadline);
    }

    private void press(String key, long deadline) throws IOException, InterruptedException, TimeoutException {
        KeyStroke stroke = KeyStroke.of(key);
        ObjectNode down = cdp.params().put("type", "keyDown").put("key", stroke.key()).put("code", stroke.code())
                .put("windowsVirtualKeyCode", stroke.keyCode()).put("nativeVirtualKeyCode", stroke.keyCode());
        if (stroke.text() != null) {
            down.put("text", stroke.text()).put("unmodifiedText", stroke.text());
        }
        cdp.call(session, "Input.dispatchKeyEvent", down, deadline);
        // held long enough for a game that polls the pressed keys once a frame
        Thread.sleep(80);
        cdp.call(session, "Input.dispatchKeyEvent", cdp.params().put("type", "keyUp").put("key", stroke.key())
                .put("code", stroke.code()).put("windowsVirtualKeyCode", stroke.keyCode())
                .put("nativeVirtualKeyCode", stroke.keyCode()), deadline);
        Thread.sleep(40);
    }

    /** The event types any listener of the page waits for: on window, and on the document and every element. */
    private Set<String> listenedEvents(long deadline) throws IOException, InterruptedException, TimeoutException {
        Set<String> types = new HashSet<>();
        for (String root : List.of("window", "document")) {
            JsonNode handle = cdp.call(session, "Runtime.evaluate", cdp.params().put("expression", root), deadline);
            String objectId = handle.path("result").path("objectId").asText(null);
            if (objectId == null) {
                continue;
            }
            ObjectNode params = cdp.params().put("objectId", objectId);
            if (root.equals("document")) {
                params.put("depth", -1).put("pierce", true);
            }
            for (JsonNode listener : cdp.call(session, "DOMDebugger.getEventListeners", params, deadline).path("listeners")) {
                types.add(listener.path("type").asText());
            }
        }
        return types;
    }

    private String fingerprint(String typedInto, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        return evaluate(FINGERPRINT.formatted(typedInto == null ? "null" : quote(typedInto)), deadline).asText();
    }

    private String screenshot(long deadline) throws IOException, InterruptedException, TimeoutException {
        ObjectNode params = cdp.params().put("format", "png").put("captureBeyondViewport", false);
        params.putObject("clip").put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 0.5);
        return cdp.call(session, "Page.captureScreenshot", params, deadline).path("data").asText();
    }

    private JsonNode evaluate(String expression, long deadline)
            throws IOException, InterruptedException, TimeoutException {
        JsonNode reply = cdp.call(session, "Runtime.evaluate", cdp.params().put("expression", expression)
                .put("returnByValue", true).put("silent", true), deadline);
        if (reply.has("exceptionDetails")) {
            throw new IOException("check script failed: " + reply.path("exceptionDetails").path("exception")
                    .path("description").asText(reply.path("exceptionDetails").path("text").asText()));
        }
        return reply.path("result").path("value");
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static CheckResult result(Check check, CheckOutcome outcome, String detail, long start) {
        return CheckResult.of(check, outcome, detail, (System.nanoTime() - start) / 1_000_000);
    }
}
