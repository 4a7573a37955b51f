package io.vigil.console.web.view;

/** One {@code <option>} of a filter. */
public record Option(String value, String label, boolean selected) {
}
