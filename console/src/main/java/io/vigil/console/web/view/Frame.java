package io.vigil.console.web.view;

/**
 * The shared page frame.
 *
 * @param username who is signed in, or null on pages seen before signing in
 * @param script   a same-origin script to load, or null
 */
public record Frame(String title, String username, String script) {
}
