package gongkai.publishing.internal.input;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program a {@link DocumentParser} runs in a child JVM: it reads uploaded files with Apache Tika, so that a file
 * that makes a parser exhaust memory or spin kills only this process. It answers requests on standard input in
 * order; standard output carries only the answers (anything a library prints goes to standard error). It ends when
 * its input ends, i.e. when the platform closes the pipe or dies.
 *
 * <p>Protocol (big-endian, {@link DataInputStream} encodings): the worker first writes {@link #READY}. A request is
 * a command byte and the file's path ({@code writeUTF}); {@link #EXTRACT} adds the most characters wanted
 * ({@code int}). An answer is a status byte and a UTF-8 text ({@code int} length, bytes): the media type for
 * {@link #DETECT}, the text for {@link #EXTRACT}, the reason for {@link #UNREADABLE}.
 */
public final class ParsingWorker {

    static final int READY = 0x47;
    static final int DETECT = 1;
    static final int EXTRACT = 2;

    static final int OK = 0;
    static final int TOO_MUCH_TEXT = 1;
    static final int UNREADABLE = 2;
    static final int TOO_LARGE = 3;

    private ParsingWorker() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(System.err);
        quietLogging();
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        TikaConfig config = TikaConfig.getDefaultConfig();
        AutoDetectParser parser = new AutoDetectParser(config);
        out.writeByte(READY);
        out.flush();
        while (true) {
            int command;
            try {
                command = in.readUnsignedByte();
            } catch (EOFException e) {
                return;
            }
            Path file = Path.of(in.readUTF());
            switch (command) {
                case DETECT -> detect(config, file, out);
                case EXTRACT -> extract(parser, file, in.readInt(), out);
                default -> throw new IOException("Unknown command " + command);
            }
            out.flush();
        }
    }

    private static void detect(TikaConfig config, Path file, DataOutputStream out) throws IOException {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            answer(out, OK, config.getDetector().detect(in, new Metadata()).getBaseType().toString());
        } catch (IOException | RuntimeException e) {
            answer(out, UNREADABLE, e.toString());
        }
    }

    private static void extract(Parser parser, Path file, int maxChars, DataOutputStream out) throws IOException {
        StringWriter text = new StringWriter();
        ParseContext context = new ParseContext();
        // Embedded documents (a spreadsheet inside a Word file) are read too, as Tika.parseToString does.
        context.set(Parser.class, parser);
        try (TikaInputStream in = TikaInputStream.get(file)) {
            parser.parse(in, new BodyContentHandler(new WriteOutContentHandler(text, maxChars)), new Metadata(),
                    context);
            answer(out, OK, text.toString());
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                answer(out, TOO_MUCH_TEXT, "");
            } else if (isZipBomb(e)) {
                answer(out, TOO_LARGE, e.toString());
            } else {
                answer(out, UNREADABLE, e.toString());
            }
        }
    }

    /**
     * POI refuses an Office file whose parts inflate beyond its ratio or size limits with a plain IOException that
     * says "Zip bomb detected": that is a file too large to read, not a damaged one.
     */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private static void answer(DataOutputStream out, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeByte(status);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** PDFBox and POI warn about every odd construct of a file; the platform logs the outcome instead. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
