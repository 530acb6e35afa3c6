package gongkai.notify.internal.channel;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import gongkai.notify.ChannelKind;

/**
 * 电子邮件: a plain-text UTF-8 message through the SMTP server of {@code spring.mail.*}. The Message-ID comes from the
 * delivery key so that a repeat after a lost acknowledgement can be recognised, and a subscribed message carries the
 * one-click unsubscribe headers of RFC 8058 that mail clients show as a button.
 */
@Component
class EmailChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final JavaMailSender mailSender;
    private final NotifyMailProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, NotifyMailProperties properties) {
        this.mailSender = mailSender.getIfAvailable();
        this.properties = properties;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    /** An SMTP server ({@code spring.mail.host}) and a sender address: a message without a sender is refused widely. */
    @Override
    public boolean configured() {
        return mailSender != null && !ChannelSupport.isBlank(properties.from());
    }

    @Override
    public SendOutcome send(Outgoing message) {
        if (!configured()) {
            return SendOutcome.retry("e-mail is not configured");
        }
        SendOutcome outcome;
        try {
            mailSender.send(mime(message));
            return SendOutcome.sent();
        } catch (AddressException e) {
            outcome = SendOutcome.permanent("invalid address: " + e.getMessage());
        } catch (MessagingException | UnsupportedEncodingException e) {
            outcome = SendOutcome.retry("cannot compose the message: " + e.getMessage());
        } catch (MailException e) {
            outcome = outcomeOf(e);
        } catch (RuntimeException e) {
            outcome = SendOutcome.retry("unexpected: " + e);
        }
        outcome = ChannelSupport.scrubbed(outcome, message.address());
        log.warn("E-mail {} to {} not sent ({}): {}", message.deliveryKey(), ChannelSupport.masked(message.address()),
                outcome.status(), outcome.detail());
        return outcome;
    }

    private MimeMessage mime(Outgoing message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from(), properties.fromName());
        helper.setTo(message.address());
        helper.setSubject(message.subject());
        helper.setText(message.text(), false);
        helper.setSentDate(new Date());
        // JavaMailSenderImpl keeps a Message-ID set before sending instead of generating one.
        mime.setHeader("Message-ID", messageId(message.deliveryKey()));
        if (message.unsubscribeUrl() != null) {
            mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }

    /**
     * {@code <key@gongkai>} with every character of the key other than letters, digits, {@code -} and {@code _}
     * written as {@code =XX} (its UTF-8 bytes in hex): always a valid Message-ID, and two keys never share one.
     */
    static String messageId(String deliveryKey) {
        StringBuilder id = new StringBuilder("<");
        for (byte b : deliveryKey.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                id.append(c);
            } else {
                id.append('=').append(String.format("%02X", b & 0xff));
            }
        }
        return id.append("@gongkai>").toString();
    }

    /**
     * Permanent when the server refused the recipient for good: JavaMail lists a recipient answered with 5xx as an
     * invalid address (a 4xx, such as a full mailbox or greylisting, as valid but unsent). Anything else (no
     * connection, a timeout, a refused login, a 4xx) is worth another try.
     */
    static SendOutcome outcomeOf(MailException e) {
        if (e instanceof MailPreparationException && e.getCause() instanceof AddressException) {
            return SendOutcome.permanent("invalid address: " + e.getCause().getMessage());
        }
        List<Throwable> causes = causes(e);
        for (Throwable t : causes) {
            if (t instanceof SendFailedException s && s.getInvalidAddresses() != null
                    && s.getInvalidAddresses().length > 0) {
                return SendOutcome.permanent("recipient refused: " + reply(t));
            }
        }
        return SendOutcome.retry(reply(causes.get(causes.size() - 1)));
    }

    /** The exception, what it wraps, and for a send the exception of each failed message and their chains. */
    private static List<Throwable> causes(MailException e) {
        List<Throwable> roots = new ArrayList<>();
        roots.add(e);
        if (e instanceof MailSendException s) {
            roots.addAll(s.getFailedMessages().values());
        }
        List<Throwable> all = new ArrayList<>();
        for (Throwable root : roots) {
            for (Throwable t = root; t != null && !all.contains(t) && all.size() < 32; t = next(t)) {
                all.add(t);
            }
        }
        return all;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }

    /** The innermost message, which for an SMTP refusal is the server's own reply line. */
    private static String reply(Throwable t) {
        Throwable last = t;
        for (Throwable n = next(t); n != null && n != last; n = next(n)) {
            last = n;
        }
        String text = last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage().strip();
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
