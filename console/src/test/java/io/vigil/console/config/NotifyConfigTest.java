package io.vigil.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {

    private static NotifyConfig parse(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return NotifyConfig.parse(p, "notify.properties");
    }

    @Test
    void aSchoolMailServerWithStartTlsAndAuthAndAWebhook() throws Exception {
        NotifyConfig c = parse("""
                smtp.host=smtp.office365.com
                smtp.username=vigil@oak.sch.uk
                smtp.password=s3cret
                smtp.from=vigil@oak.sch.uk
                webhook.url=https://oak.webhook.office.com/webhookb2/abc
                """);
        NotifyConfig.Smtp smtp = c.smtp().orElseThrow();
        assertEquals(NotifyConfig.Security.STARTTLS, smtp.security(), "STARTTLS unless told otherwise");
        assertEquals(587, smtp.port());
        assertEquals("oak.webhook.office.com", c.webhook().orElseThrow().getHost());
        assertFalse(smtp.toString().contains("s3cret"), "the password never reaches a log line");
    }

    @Test
    void implicitTlsDefaultsToPort465() throws Exception {
        assertEquals(465, parse("smtp.host=mail.oak.sch.uk\nsmtp.security=tls\nsmtp.from=v@oak.sch.uk\n").smtp()
                .orElseThrow().port());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "smtp.hots=x                                              | smtp.hots is not a setting",
        "smtp.port=587                                            | smtp.host is missing, but smtp.port is set",
        "console.url=https://vigil.oak.sch.uk                     | smtp.host is missing: set smtp.host (email) or webhook.url",
        "smtp.host=mail.oak.sch.uk\\nsmtp.from=v@oak.sch.uk\\nsmtp.security=none | smtp.security none is only allowed for a mail server on this machine",
        "smtp.host=mail.oak.sch.uk\\nsmtp.from=v@oak.sch.uk\\nsmtp.port=99999 | smtp.port '99999' is not a port number",
        "smtp.host=mail.oak.sch.uk\\nsmtp.from=v@oak.sch.uk\\nsmtp.username=v | smtp.password is missing",
        "smtp.host=mail.oak.sch.uk                                | smtp.from is missing",
        "webhook.url=http://teams.example.com/hook                | webhook.url must be an https:// address",
        "webhook.url=https://x.example/h\\nconsole.url=http://vigil | console.url must be the https:// address",
    })
    void everyProblemNamesItsKey(String file, String expected) {
        var e = assertThrows(ConsoleException.class, () -> parse(file.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith("--notify-config notify.properties: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void plainSmtpAndHttpWebhooksOnlyOnThisMachine() throws Exception {
        assertTrue(parse("smtp.host=127.0.0.1\nsmtp.security=none\nsmtp.from=v@oak.sch.uk\n").smtp().isPresent());
        assertTrue(parse("webhook.url=http://127.0.0.1:8080/hook\n").webhook().isPresent());
        assertFalse(NotifyConfig.isLoopback("localhost.evil.example"));
    }

    @Test
    void anUnreadableFileIsNamed() {
        var e = assertThrows(ConsoleException.class, () -> NotifyConfig.load(Path.of("/nonexistent/notify.properties")));
        assertTrue(e.getMessage().contains("cannot read /nonexistent/notify.properties"), e.getMessage());
    }
}
