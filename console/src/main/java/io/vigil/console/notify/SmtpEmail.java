package io.vigil.console.notify;

import io.vigil.console.config.NotifyConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Urgent-alert email through the school's mail server, with Jakarta Mail (Eclipse Angus). */
public final class SmtpEmail implements UrgentChannels.Email {

    /** A mail server that does not answer within this is treated as down, and the message retried later. */
    private static final String TIMEOUT_MS = "20000";

    private final Session session;
    private final NotifyConfig.Smtp smtp;

    public SmtpEmail(NotifyConfig.Smtp smtp) {
        this.smtp = smtp;
        Properties p = new Properties();
        boolean tls = smtp.security() == NotifyConfig.Security.TLS;
        String protocol = tls ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", smtp.host());
        p.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        p.put("mail." + protocol + ".auth", Boolean.toString(smtp.username().isPresent()));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (smtp.security() != NotifyConfig.Security.NONE) {
            // Never send a password or an alert link to a server whose certificate does not match its name.
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (smtp.security() == NotifyConfig.Security.STARTTLS) {
            // Required, not just enabled: a server (or attacker) that drops STARTTLS must not get plain text.
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = smtp.username().isEmpty() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.username().get(), smtp.password().orElseThrow());
            }
        };
        this.session = Session.getInstance(p, auth);
    }

    @Override
    public void send(String to, String subject, String body) throws UrgentChannels.DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setText(body, StandardCharsets.UTF_8.name());
            // High priority, so mail clients that sort or notify by it put this first.
            message.setHeader("X-Priority", "1");
            message.setHeader("Importance", "high");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new UrgentChannels.DeliveryException("mail server " + smtp.host() + ":" + smtp.port() + ": "
                    + e.getMessage(), e);
        }
    }
}
