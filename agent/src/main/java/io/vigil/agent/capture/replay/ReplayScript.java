package io.vigil.agent.capture.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted session for demos and tests, parsed completely before anything runs so a typo fails
 * fast instead of half-way through a demo.
 *
 * <p>Format: UTF-8, one step per line, {@code DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT}. Blank lines and
 * lines starting with {@code #} are comments. TEXT is the rest of the line and may be empty.
 */
public record ReplayScript(Path file, List<ReplayStep> steps) {

    /** An hour: a longer pause is almost certainly a typo (seconds written as milliseconds * 1000). */
    static final long MAX_DELAY_MS = 3_600_000;
    private static final String FORMAT = "expected DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT";

    public ReplayScript {
        steps = List.copyOf(steps);
    }

    public static ReplayScript load(Path file) throws ReplayScriptException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReplayScriptException("replay script " + file + ": file not found");
        } catch (IOException e) {
            throw new ReplayScriptException("replay script " + file + ": cannot read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReplayScriptException("replay script " + file + ": not valid UTF-8");
        }
        return parse(file, text);
    }

    static ReplayScript parse(Path file, String text) throws ReplayScriptException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // byte order mark left by some Windows editors
        }
        List<ReplayStep> steps = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            steps.add(parseLine(file, i + 1, line));
        }
        if (steps.isEmpty()) {
            throw new ReplayScriptException("replay script " + file + ": no steps (every line is blank or a comment)");
        }
        return new ReplayScript(file, steps);
    }

    private static ReplayStep parseLine(Path file, int number, String line) throws ReplayScriptException {
        String where = "replay script " + file + " line " + number + ": ";
        String[] fields = line.split("\t", 3);
        if (fields.length < 3) {
            throw new ReplayScriptException(where + FORMAT + " (found " + fields.length + " field"
                    + (fields.length == 1 ? "" : "s") + "; are the separators tabs?)");
        }
        String delay = fields[0].strip();
        if (delay.isEmpty() || !delay.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ReplayScriptException(where + "delay '" + fields[0] + "' is not a number");
        }
        long delayMs = delay.length() > 10 ? Long.MAX_VALUE : Long.parseLong(delay);
        if (delayMs > MAX_DELAY_MS) {
            throw new ReplayScriptException(where + "delay " + delay + " ms is more than " + MAX_DELAY_MS + " ms");
        }
        String title = fields[1].strip();
        if (title.isEmpty()) {
            throw new ReplayScriptException(where + "window title is empty");
        }
        return new ReplayStep(number, delayMs, title, fields[2]);
    }
}
