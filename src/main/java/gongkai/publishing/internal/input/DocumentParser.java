package gongkai.publishing.internal.input;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads uploaded documents (type detection and text) in child JVMs running {@link ParsingWorker}, each with its own
 * heap limit, and kills a child that takes longer than the time limit.
 *
 * <p>Why a child process: a parser's memory cannot be bounded inside the platform's JVM. A 2.7 MB PDF whose one
 * content stream inflates to 800 MB made PDFBox exhaust the platform's heap, and every request slowed to a crawl
 * while the collector thrashed; a thread cannot be stopped safely either, and PDFBox and POI ignore interruption.
 * Library limits (POI's inflate ratio, Tika's write limit) each close one door; a child with {@code -Xmx} and
 * {@code -XX:+ExitOnOutOfMemoryError}, killed on a timer, closes them all, whatever the format. The cost is a JVM
 * start (a second or two) for the first upload; children are then kept and reused until one fails.
 *
 * <p>The child runs the platform's own classes: from the class path in development and tests, and from the same
 * executable jar in production, through Spring Boot's {@code PropertiesLauncher} with {@code loader.main}.
 */
final class DocumentParser implements AutoCloseable {

    /** Why a file could not be read. */
    enum Failure {
        /** The child did not answer within the time limit and was killed. */
        TIMEOUT,
        /** The child died, in practice of {@code OutOfMemoryError} under its heap limit. */
        TOO_LARGE,
        /** The parser's own limits refused the file as unpacking to too much (an Office "zip bomb"). */
        TOO_LARGE_PARTS,
        /** The text is longer than the limit. */
        TOO_MUCH_TEXT,
        /** The parser refused the file: damaged, encrypted, or not what its first bytes claim. */
        UNREADABLE,
        /** Every child is busy with other uploads for longer than the time limit. */
        BUSY
    }

    /** A file the parser could not read; {@link #failure()} says why. */
    static final class ParseFailedException extends Exception {

        private final Failure failure;

        ParseFailedException(Failure failure, String detail) {
            super(failure + ": " + detail);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DocumentParser.class);
    private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    /** A child's start (JVM, Tika's configuration) is not the file's fault: it gets its own, generous limit. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Duration timeout;
    private final long maxMemoryBytes;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Worker> idle = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    DocumentParser(Duration timeout, long maxMemoryBytes, int workers) {
        this.timeout = timeout;
        this.maxMemoryBytes = maxMemoryBytes;
        this.permits = new Semaphore(workers, true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "document-parser-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** The media type of the file read from its content, e.g. {@code application/pdf}. */
    String detect(Path file) throws ParseFailedException {
        return call(file, ParsingWorker.DETECT, 0);
    }

    /** The plain text of the document, at most {@code maxChars} characters, or a failure. */
    String extractText(Path file, int maxChars) throws ParseFailedException {
        return call(file, ParsingWorker.EXTRACT, maxChars);
    }

    private String call(Path file, int command, int maxChars) throws ParseFailedException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseFailedException(Failure.BUSY, "interrupted while waiting");
        }
        if (!acquired) {
            throw new ParseFailedException(Failure.BUSY, "no parser free within " + timeout);
        }
        Worker worker = null;
        boolean reusable = false;
        try {
            worker = idle.poll();
            if (worker == null || !worker.process.isAlive()) {
                worker = start();
            }
            try {
                String answer = worker.call(file, command, maxChars);
                reusable = true;
                return answer;
            } catch (ParseFailedException e) {
                // A file the parser refused leaves the child healthy; a timeout or a death does not.
                reusable = e.failure() == Failure.UNREADABLE || e.failure() == Failure.TOO_MUCH_TEXT
                        || e.failure() == Failure.TOO_LARGE_PARTS;
                throw e;
            }
        } finally {
            if (worker != null) {
                if (reusable && !closed && worker.process.isAlive()) {
                    idle.add(worker);
                } else {
                    worker.kill();
                }
            }
            permits.release();
        }
    }

    private Worker start() {
        List<String> command = command();
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            Worker worker = new Worker(process);
            worker.awaitReady();
            log.info("Started document parser process {} (heap {} MB, time limit {} s)", process.pid(),
                    maxMemoryBytes / (1024 * 1024), timeout.toSeconds());
            return worker;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the document parser process: " + String.join(" ", command), e);
        }
    }

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + Math.max(16, maxMemoryBytes / (1024 * 1024)) + "m",
                "-Xss1m",
                // An OutOfMemoryError must end the process, not leave it half alive in a catch block.
                "-XX:+ExitOnOutOfMemoryError",
                // The JVM's own last words ("Terminating due to ...") must not land in the answer channel.
                "-XX:+DisplayVMOutputToStderr",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path")));
        if (runsFromExecutableJar()) {
            command.add("-Dloader.main=" + ParsingWorker.class.getName());
            command.add(SPRING_BOOT_LAUNCHER);
        } else {
            command.add(ParsingWorker.class.getName());
        }
        return command;
    }

    /**
     * Whether the platform runs from its Spring Boot executable jar: then the class path is the jar alone and the
     * platform's classes are nested in it, readable only through Spring Boot's launcher.
     */
    private static boolean runsFromExecutableJar() {
        ClassLoader loader = DocumentParser.class.getClassLoader();
        return loader != null && loader.getClass().getName().startsWith("org.springframework.boot.loader.");
    }

    @Override
    public void close() {
        closed = true;
        Worker worker;
        while ((worker = idle.poll()) != null) {
            worker.kill();
        }
        watchdog.shutdownNow();
    }

    /** One child process and its pipes; used by one caller at a time. */
    private final class Worker {

        private final Process process;
        private final DataOutputStream requests;
        private final DataInputStream answers;

        Worker(Process process) {
            this.process = process;
            this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        void awaitReady() throws IOException {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                timedOut.set(true);
                process.destroyForcibly();
            }, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                int ready = answers.read();
                if (ready != ParsingWorker.READY) {
                    kill();
                    throw new IOException("The document parser process did not start (answered " + ready
                            + (timedOut.get() ? ", timed out" : "") + ")");
                }
            } finally {
                alarm.cancel(false);
            }
        }

        String call(Path file, int command, int maxChars) throws ParseFailedException {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> alarm = watchdog.schedule(() -> {
                timedOut.set(true);
                process.destroyForcibly();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                requests.writeByte(command);
                requests.writeUTF(file.toAbsolutePath().toString());
                if (command == ParsingWorker.EXTRACT) {
                    requests.writeInt(maxChars);
                }
                requests.flush();
                int status = answers.readUnsignedByte();
                int length = answers.readInt();
                // UTF-8 takes at most three bytes for a Java char; anything else is not an answer of the worker.
                if (length < 0 || length > 3L * Math.max(maxChars, 64 * 1024) || status > ParsingWorker.TOO_LARGE) {
                    throw new IOException("Garbled answer from the document parser process: status " + status
                            + ", length " + length);
                }
                byte[] text = new byte[length];
                answers.readFully(text);
                String answer = new String(text, StandardCharsets.UTF_8);
                return switch (status) {
                    case ParsingWorker.OK -> answer;
                    case ParsingWorker.TOO_MUCH_TEXT -> throw new ParseFailedException(Failure.TOO_MUCH_TEXT,
                            "more than " + maxChars + " characters");
                    case ParsingWorker.TOO_LARGE -> throw new ParseFailedException(Failure.TOO_LARGE_PARTS, answer);
                    default -> throw new ParseFailedException(Failure.UNREADABLE, answer);
                };
            } catch (IOException e) {
                // The child is gone: killed by the alarm, or ended by its heap limit.
                kill();
                if (timedOut.get()) {
                    throw new ParseFailedException(Failure.TIMEOUT, "killed after " + timeout);
                }
                throw new ParseFailedException(Failure.TOO_LARGE, exitDescription());
            } finally {
                alarm.cancel(false);
            }
        }

        private String exitDescription() {
            try {
                if (process.waitFor(5, TimeUnit.SECONDS)) {
                    return "the parser process ended with exit code " + process.exitValue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "the parser process stopped answering";
        }

        void kill() {
            process.destroyForcibly();
        }
    }
}
