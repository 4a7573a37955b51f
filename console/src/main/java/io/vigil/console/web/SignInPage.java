package io.vigil.console.web;

/** The sign-in form. Posts to /login so it works without JavaScript. */
final class SignInPage {

    private SignInPage() {
    }

    static String render(String error, String username) {
        String message = error == null ? "" : "<p class=\"error\" role=\"alert\" id=\"signin-error\">" + Html.esc(error)
                + "</p>";
        String describedBy = error == null ? "" : " aria-describedby=\"signin-error\"";
        String main = """
                <section class="signin">
                <h1>Sign in</h1>
                <p>Vigil safeguarding console. Sign in with the account your school gave you.</p>
                %s
                <form method="post" action="/login"%s>
                <div class="field"><label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required value="%s"></div>
                <div class="field"><label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required></div>
                <button type="submit">Sign in</button>
                </form>
                </section>
                """.formatted(message, describedBy, Html.esc(username == null ? "" : username));
        return Html.page("Sign in", "", main, null);
    }
}
