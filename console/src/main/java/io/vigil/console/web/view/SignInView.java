package io.vigil.console.web.view;

/**
 * The sign-in form; {@code error} and {@code username} are null on first display. {@code codeAsked} puts the
 * focus on the authenticator-code field once the password was right but a code is needed.
 */
public record SignInView(String error, String username, boolean codeAsked) {
}
