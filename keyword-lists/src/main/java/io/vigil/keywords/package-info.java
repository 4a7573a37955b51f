/**
 * Vigil's keyword engine: safeguarding lists (see keyword-lists/FORMAT.md) compiled into one matcher.
 *
 * <p>Start at {@link io.vigil.keywords.KeywordEngine}. A scan runs in four steps, one package each:
 * <ol>
 *   <li>{@code normalize}: the text is folded (NFKC, case, diacritics, per-script letter variants of
 *       {@code ScriptFolding}, look-alikes, invisible characters, URL escapes, leetspeak, letter spacing,
 *       stretched letters) into words separated by single
 *       spaces, every character keeping the offset of the original it came from;</li>
 *   <li>{@code match}: one Aho–Corasick pass over that text finds every pattern of every list, then
 *       word boundaries and multi-word forms are checked on the few raw hits;</li>
 *   <li>{@code score}: the text is split into sentences ({@code Sentences}); per category and per pair
 *       of adjacent sentences, exceptions cancel the matches they cover, {@code near} windows and
 *       {@code escalate} combinations of cues are found, weights are added up against the threshold,
 *       context cues cap severity at 2 unless first-person intent is present, identity words alone never
 *       alert; the best pair speaks for the category and the verdict picks the highest severity, then
 *       the highest score, with a snippet cut from the original text around the chosen sentences;</li>
 *   <li>{@code bundle}: the validated set's canonical form, hashed into the version that agents and
 *       console compare.</li>
 * </ol>
 * {@code format} reads and validates list files (every problem, with file and line), {@code model}
 * holds the validated rules, {@code cli} is the {@code vigil-lists} command. Only {@code cli} depends
 * on anything outside the JDK (picocli).
 */
package io.vigil.keywords;
