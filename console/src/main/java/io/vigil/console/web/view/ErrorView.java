package io.vigil.console.web.view;

/** A refused or failed page request, said plainly. */
public record ErrorView(String title, String message) {
}
