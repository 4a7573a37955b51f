package io.vigil.console.domain;

/** A multi-academy trust: a group of schools that may share a console. */
public record Trust(long id, String name) {
}
