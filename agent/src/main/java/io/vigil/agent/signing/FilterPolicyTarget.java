package io.vigil.agent.signing;

/**
 * Where a verified filter policy goes: the device's web filter. It may still refuse a document it cannot parse;
 * then the previous policy stays in force and the refusal is reported to the console.
 */
public interface FilterPolicyTarget extends PolicyTarget {
}
