package io.vigil.console.policy;

/** A stored version with its document: what an approver reviews. */
public record PolicyChange(PublishedPolicy version, String document) {
}
