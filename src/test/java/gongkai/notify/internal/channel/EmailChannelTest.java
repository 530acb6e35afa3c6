package gongkai.notify.internal.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import gongkai.notify.ChannelKind;
import gongkai.notify.internal.channel.SendOutcome.Status;

/**
 * What a subscriber's mailbox receives from the e-mail channel, through a real SMTP server in the test JVM (GreenMail),
 * and what the channel makes of an SMTP server that refuses the recipient for good or for now.
 */
class EmailChannelTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String SUBJECT = "【政务公开】宜春市2026年第四季度城乡低保对象名单公示";
    private static final String TEXT = "宜春市民政局发布了新的公开信息：城乡低保对象名单公示。\n"
            + "查看：https://gongkai.yichun.example/r/YC-2026-0001234\n退订：https://gongkai.yichun.example/u/abc";
    private static final String UNSUBSCRIBE = "https://gongkai.yichun.example/unsubscribe/9f8e7d";

    @Test
    void aSubscribedMessageArrivesInChineseWithItsMessageIdAndOneClickUnsubscribe() throws Exception {
        EmailChannel channel = channel(greenMail.getSmtp().getPort(), "noreply@gongkai.example");

        SendOutcome outcome = channel.send(message("d42:record.published", "zhang.san@example.org", UNSUBSCRIBE));

        assertThat(outcome).isEqualTo(SendOutcome.sent());
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(SUBJECT);
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo(TEXT);
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("noreply@gongkai.example");
        assertThat(from.getPersonal()).isEqualTo("宜春市政府信息公开");
        assertThat(mail.getAllRecipients()).extracting(Address::toString).containsExactly("zhang.san@example.org");
        assertThat(mail.getMessageID()).isEqualTo("<d42=3Arecord=2Epublished@gongkai>");
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + UNSUBSCRIBE + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void aRepeatCarriesTheSameMessageIdSoTheReceiverCanDropIt() throws Exception {
        EmailChannel channel = channel(greenMail.getSmtp().getPort(), "noreply@gongkai.example");

        channel.send(message("d7:digest", "li.si@example.org", UNSUBSCRIBE));
        channel.send(message("d7:digest", "li.si@example.org", UNSUBSCRIBE));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID()).isEqualTo("<d7=3Adigest@gongkai>");
    }

    @Test
    void aMessageNoOneSubscribedToHasNoUnsubscribeHeaders() throws Exception {
        EmailChannel channel = channel(greenMail.getSmtp().getPort(), "noreply@gongkai.example");

        assertThat(channel.send(message("c1:subscription.confirm", "wang.wu@example.org", null)).status())
                .isEqualTo(Status.SENT);

        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.getHeader("List-Unsubscribe-Post")).isNull();
    }

    @Test
    void withoutAnSmtpServerOrASenderAddressTheChannelIsNotConfiguredAndSendsNothing() {
        EmailChannel noServer = new EmailChannel(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new NotifyMailProperties("noreply@gongkai.example", "宜春市政府信息公开"));
        EmailChannel noSender = channel(greenMail.getSmtp().getPort(), "");

        assertThat(noServer.kind()).isEqualTo(ChannelKind.EMAIL);
        assertThat(noServer.configured()).isFalse();
        assertThat(noSender.configured()).isFalse();
        assertThat(noServer.send(message("k", "a@example.org", null)).status()).isEqualTo(Status.RETRY);
        assertThat(noSender.send(message("k", "a@example.org", null)).status()).isEqualTo(Status.RETRY);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(channel(greenMail.getSmtp().getPort(), "noreply@gongkai.example").configured()).isTrue();
    }

    @Test
    void aRecipientRefusedWith5xxIsPermanent() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp("550 5.1.1 <nobody@example.org>: Recipient address rejected")) {
            SendOutcome outcome = channel(smtp.port(), "noreply@gongkai.example")
                    .send(message("k1", "nobody@example.org", null));

            assertThat(outcome.status()).isEqualTo(Status.PERMANENT);
            assertThat(outcome.detail()).contains("550").contains("nob***rg").doesNotContain("nobody@example.org");
            assertThat(smtp.commands()).anyMatch(c -> c.startsWith("RCPT TO:<nobody@example.org>"));
        }
    }

    @Test
    void aRecipientDeferredWith4xxIsRetried() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp("451 4.7.1 Greylisted, please try again later")) {
            SendOutcome outcome = channel(smtp.port(), "noreply@gongkai.example")
                    .send(message("k2", "busy@example.org", null));

            assertThat(outcome.status()).isEqualTo(Status.RETRY);
            assertThat(outcome.detail()).startsWith("451 4.7.1");
            assertThat(smtp.commands()).anyMatch(c -> c.startsWith("RCPT TO:<busy@example.org>"));
        }
    }

    @Test
    void anUnreachableServerIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        SendOutcome outcome = channel(closedPort, "noreply@gongkai.example").send(message("k3", "a@example.org", null));

        assertThat(outcome.status()).isEqualTo(Status.RETRY);
    }

    @Test
    void aMalformedAddressIsPermanent() {
        SendOutcome outcome = channel(greenMail.getSmtp().getPort(), "noreply@gongkai.example")
                .send(message("k4", "zhang san@@example", null));

        assertThat(outcome.status()).isEqualTo(Status.PERMANENT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theMessageIdKeepsLettersDigitsDashAndUnderscoreAndEncodesTheRest() {
        assertThat(EmailChannel.messageId("123_ab-C")).isEqualTo("<123_ab-C@gongkai>");
        assertThat(EmailChannel.messageId("a b<>@\"=")).isEqualTo("<a=20b=3C=3E=40=22=3D@gongkai>");
        assertThat(EmailChannel.messageId("公")).isEqualTo("<=E5=85=AC@gongkai>");
    }

    private static EmailChannel channel(int port, String from) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        Properties p = new Properties();
        p.setProperty("mail.smtp.connectiontimeout", "5000");
        p.setProperty("mail.smtp.timeout", "5000");
        sender.setJavaMailProperties(p);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        return new EmailChannel(beans.getBeanProvider(JavaMailSender.class),
                new NotifyMailProperties(from, "宜春市政府信息公开"));
    }

    private static Outgoing message(String key, String address, String unsubscribeUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "城乡低保对象名单公示");
        fields.put("url", "https://gongkai.yichun.example/r/YC-2026-0001234");
        return new Outgoing(key, ChannelKind.EMAIL, address, null, "record.published", SUBJECT, TEXT,
                "https://gongkai.yichun.example/r/YC-2026-0001234", unsubscribeUrl, fields);
    }

    /** An SMTP server that accepts everything but answers RCPT TO with the reply it is given. */
    private static final class ScriptedSmtp implements AutoCloseable {

        private final ServerSocket server;
        private final List<String> commands = new CopyOnWriteArrayList<>();
        private final Thread thread;

        ScriptedSmtp(String rcptReply) throws IOException {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(rcptReply), "scripted-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> commands() {
            return commands;
        }

        private void serve(String rcptReply) {
            while (!server.isClosed()) {
                try (Socket s = server.accept();
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII)) {
                    reply(out, "220 scripted.example ESMTP");
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        commands.add(line);
                        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                        if (verb.equals("QUIT")) {
                            reply(out, "221 bye");
                            break;
                        }
                        reply(out, verb.equals("RCPT") ? rcptReply : "250 OK");
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            }
        }

        private static void reply(Writer out, String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
