package io.vigil.agent.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads a properties file as strict UTF-8. {@link Properties#load(java.io.InputStream)} would read ISO-8859-1
 * and silently mangle a school name or a notice text written in UTF-8; a malformed byte is refused instead.
 */
final class Utf8Properties {

    private Utf8Properties() {
    }

    /**
     * @param what how errors name the file, e.g. "config" or "enrolment file"
     * @param whenMissing appended to "file not found", e.g. a hint at the command that writes it; may be empty
     */
    static Properties read(Path file, String what, String whenMissing) throws ConfigException {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (NoSuchFileException e) {
            throw new ConfigException(what + " " + file + ": file not found" + whenMissing);
        } catch (CharacterCodingException e) {
            throw new ConfigException(what + " " + file + ": not valid UTF-8");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + " " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(what + " " + file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
