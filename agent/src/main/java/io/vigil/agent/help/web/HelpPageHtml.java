package io.vigil.agent.help.web;

import io.vigil.agent.help.HelpDesk;
import io.vigil.agent.policy.NoticeTexts;
import java.util.Optional;

/**
 * The help page's HTML. Calm and plain: short sentences, big targets, visible focus, labels on every field,
 * and the Childline and CEOP links on every page whatever else happens. No scripts at all, so the page
 * works with scripts blocked and its security policy can forbid them.
 */
final class HelpPageHtml {

    static final String CHILDLINE = "https://www.childline.org.uk";
    static final String CEOP = "https://www.ceop.police.uk/Safety-Centre/";

    private static final String STYLE = """
            body{font:1.125rem/1.6 system-ui,sans-serif;color:#1b1b1b;background:#f6f7f2;margin:0}
            main{max-width:40rem;margin:0 auto;padding:1.5rem}
            h1{font-size:1.75rem;color:#234;margin:.5rem 0 1rem}
            h2{font-size:1.25rem;color:#234}
            fieldset{border:0;padding:0;margin:0 0 1rem}
            legend{font-weight:600;margin-bottom:.5rem}
            label{display:block;margin:.4rem 0}
            textarea{width:100%;min-height:8rem;font:inherit;padding:.5rem;border:2px solid #555;border-radius:.3rem;box-sizing:border-box}
            button{font:inherit;font-weight:600;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#1d5c4d;color:#fff;cursor:pointer}
            a{color:#0b4f8a}
            :focus-visible{outline:3px solid #c25e00;outline-offset:3px}
            .card{background:#fff;border-radius:.6rem;padding:1rem 1.25rem;margin:1rem 0;box-shadow:0 1px 3px #0002}
            .note{color:#444}
            .problem{border-left:6px solid #b00020}
            """;

    private HelpPageHtml() {
    }

    /** The form, with the monitoring notice above it while the user has not accepted it. */
    static String page(String action, Optional<NoticeTexts.Notice> notice, String acceptAction) {
        StringBuilder body = new StringBuilder();
        notice.ifPresent(n -> body.append("""
                <section class="card" aria-labelledby="notice-title">
                <h2 id="notice-title">This device is monitored</h2>
                <p>%s</p>
                <form method="post" action="%s"><button type="submit">I understand</button></form>
                </section>
                """.formatted(escape(n.text()), escape(acceptAction))));
        body.append("""
                <section class="card" aria-labelledby="ask-title">
                <h2 id="ask-title">Tell a trusted adult at school</h2>
                <p>What you send goes to the person at school whose job is to keep pupils safe. You will not be in trouble for asking.</p>
                <form method="post" action="%s">
                <fieldset>
                <legend>What would you like to do?</legend>
                <label><input type="radio" name="kind" value="need_help" checked autofocus> I need help</label>
                <label><input type="radio" name="kind" value="report"> I want to report something I saw</label>
                </fieldset>
                <label for="words">Anything you want to tell us (you can leave this empty)</label>
                <textarea id="words" name="words" maxlength="%d" aria-describedby="words-hint"></textarea>
                <p id="words-hint" class="note">Up to %d characters.</p>
                <button type="submit">Send</button>
                </form>
                </section>
                """.formatted(escape(action), HelpDesk.MAX_WORDS, HelpDesk.MAX_WORDS));
        return document("Get help", body.toString());
    }

    static String sent() {
        return document("Message sent", """
                <section class="card" aria-labelledby="sent-title">
                <h2 id="sent-title" tabindex="-1" autofocus>Thank you. Your message has been sent.</h2>
                <p>The person at school who keeps pupils safe will see it and talk to you soon.</p>
                </section>
                """);
    }

    static String accepted() {
        return document("Thank you", """
                <section class="card"><h2 tabindex="-1" autofocus>Thank you. You can close this page.</h2></section>
                """);
    }

    static String problem(String message) {
        return document("Something went wrong", """
                <section class="card problem" role="alert"><h2>That did not work</h2><p>%s</p>
                <p>Please go back and try again, or talk to a teacher.</p></section>
                """.formatted(escape(message)));
    }

    private static String document(String title, String content) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s - Vigil</title><style>%s</style></head>
                <body><main>
                <h1>%s</h1>
                %s
                <section class="card" aria-labelledby="talk-title">
                <h2 id="talk-title">You can also talk to someone outside school</h2>
                <p><a href="%s" rel="noreferrer noopener" target="_blank">Childline</a>: call <a href="tel:08001111">0800 1111</a>, free and private, any time.</p>
                <p><a href="%s" rel="noreferrer noopener" target="_blank">CEOP Safety Centre</a>: report someone online who is making you feel unsafe.</p>
                <p>If you are in danger right now, call 999.</p>
                </section>
                </main></body></html>
                """.formatted(escape(title), STYLE, escape(title), content, CHILDLINE, CEOP);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
