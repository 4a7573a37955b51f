package io.vigil.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (Deque's accessibility engine, from its Maven webjar) run inside the page the browser shows. It is
 * injected through WebDriver rather than served by the console, so the console's CSP stays script-'self' only.
 */
final class Axe {

    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js";
    private static final String SOURCE = load();

    private Axe() {
    }

    /**
     * The WCAG 2.x A and AA violations on the current page, one line each ("rule: help (selector)"); empty when
     * there are none. A run that passed no rule at all (axe not really running) is reported, never taken as clean.
     */
    static String violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                        'wcag22aa']}}).then(r => done(r.passes.length === 0 ? 'axe checked nothing'
                        : r.violations.map(v => v.id + ': ' + v.help + ' ('
                        + v.nodes.map(n => n.target.join(' ')).join(', ') + ')').join('\\n')),
                        e => done('axe failed: ' + e));""");
        return String.valueOf(result);
    }

    private static String version() {
        return System.getProperty("axe.version", "4.6.3");
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
