package io.vigil.agent.signing;

/**
 * Where a verified push goes (the web filter, the keyword matcher). It may still refuse a document it cannot
 * use; then what ran before stays in force and the refusal is reported to the console.
 */
public interface PolicyTarget {

    void apply(String version, byte[] document) throws PolicyRefusedException;
}
