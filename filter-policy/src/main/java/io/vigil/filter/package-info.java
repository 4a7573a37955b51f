/**
 * The web filter's policy, shared by the agent (which enforces it) and the console (which validates uploads).
 *
 * <p>Start at {@link io.vigil.filter.FilterPolicy}: {@code parse}/{@code load} turn a {@code .vfp} file and
 * the category lists it names into an immutable policy, or a {@link io.vigil.filter.PolicyException} listing
 * every problem as {@code file:line: problem}; {@code decide(domain, user, instant)} is the one pure question
 * the DNS filter asks per query. {@code format} holds the parser and list importers (hosts, domain-per-line,
 * squidGuard/UT1 folders), {@code match} the domain matcher and SafeSearch rewrites.
 *
 * <p>Pure JDK: no DNS library, no HTTP. Time comes in as an {@link java.time.Instant} so callers inject a
 * clock and tests can stand at any boundary; school time is the policy's zone (Europe/London by default).
 */
package io.vigil.filter;
