package io.vigil.agent.filter.web;

import io.vigil.filter.Decision;
import java.util.Optional;

/** The block page's HTML: calm, short, readable on an old laptop, no scripts. Every value is escaped. */
final class BlockPageHtml {

    private BlockPageHtml() {
    }

    static String blocked(String domain, Optional<Decision> decision) {
        String category = decision.map(Decision::category).map(c -> c.replace('_', ' ')).orElse("not known");
        String reason = decision.map(Decision::reason).orElse("The school's web filter blocked this site.");
        return page("This site is blocked", """
                <h1>This site is blocked</h1>
                <p><strong>%s</strong> is blocked on this device.</p>
                <dl><dt>Category</dt><dd>%s</dd><dt>Why</dt><dd>%s</dd></dl>
                <h2>Think this is a mistake?</h2>
                <form method="post" action="/vigil/review">
                  <input type="hidden" name="domain" value="%s">
                  <label for="comment">Tell your school why you need this site (optional)</label>
                  <textarea id="comment" name="comment" maxlength="500" rows="3"></textarea>
                  <button type="submit">Ask for a review</button>
                </form>
                """.formatted(escape(domain), escape(category), escape(reason), escape(domain)));
    }

    static String message(String title, String text) {
        return page(title, "<h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p>\n");
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en-GB"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:38rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
                dt{font-weight:600}dd{margin:0 0 .8rem}textarea{width:100%%;font:inherit}
                button{font:inherit;padding:.5rem 1rem;margin-top:.5rem}label{display:block;margin:.5rem 0}</style>
                </head><body><main>
                %s</main></body></html>
                """.formatted(escape(title), body);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
