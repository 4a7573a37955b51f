package io.vigil.console.web;

/** HTML escaping for the hand-written templates: every value from data goes through {@link #esc}. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The shared page frame: language, skip link, stylesheet, one main landmark. */
    static String page(String title, String header, String main, String script) {
        return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Vigil</title>
                <link rel="stylesheet" href="/static/vigil.css">
                %s
                </head>
                <body>
                <a class="skip-link" href="#main">Skip to main content</a>
                <header class="site-header"><span class="brand">Vigil</span>%s</header>
                <main id="main" tabindex="-1">
                %s
                </main>
                </body>
                </html>
                """.formatted(esc(title), script == null ? "" : "<script src=\"" + esc(script) + "\" defer></script>",
                header, main);
    }
}
