package io.vigil.console.web.view;

/** The sign-in form; {@code error} and {@code username} are null on first display. */
public record SignInView(String error, String username) {
}
