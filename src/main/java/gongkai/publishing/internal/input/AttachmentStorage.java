package gongkai.publishing.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.tika.mime.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.publishing.internal.input.DocumentParser.ParseFailedException;
import gongkai.shared.NotFoundProblem;

/**
 * 附件: the files attached to records (PDF, Office documents, images). Files are kept by content address under
 * {@code <data dir>/files/<first two hex digits>/<sha256>}, so the same file uploaded twice is stored once and a
 * stored file never changes. The type is taken from the content, never from the name, and only an allow-list of
 * document and image types is accepted.
 *
 * <p>Every document is read (type, then text) in a separate process bounded in time, memory and characters (see
 * {@link DocumentParser}). A document that breaks a limit, or whose text cannot be read at all, is refused rather
 * than stored without text: the privacy guard scans the extracted text before publication, and a file it could
 * not read would otherwise be published unscanned.
 */
@Component
public class AttachmentStorage implements AutoCloseable {

    /** The longest original name kept, in characters. */
    public static final int MAX_NAME = 200;

    private static final Logger log = LoggerFactory.getLogger(AttachmentStorage.class);
    private static final String FIELD = "file";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String UNNAMED = "未命名文件";

    /** An accepted type: its label for messages, the extensions a name may have, whether it holds text. */
    private record Accepted(String mediaType, String label, Set<String> extensions, boolean hasText) {
    }

    private static final List<Accepted> ACCEPTED_LIST = List.of(
            new Accepted("application/pdf", "PDF 文档", Set.of("pdf"), true),
            // WPS 文字 writes the Word 97 binary format under its own extension.
            new Accepted("application/msword", "Word 文档（.doc）", Set.of("doc", "wps"), true),
            new Accepted("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "Word 文档（.docx）", Set.of("docx"), true),
            new Accepted("application/vnd.ms-excel", "Excel 表格（.xls）", Set.of("xls"), true),
            new Accepted("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "Excel 表格（.xlsx）", Set.of("xlsx"), true),
            new Accepted("application/vnd.oasis.opendocument.text", "OpenDocument 文档（.odt）", Set.of("odt"), true),
            new Accepted("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument 表格（.ods）", Set.of("ods"),
                    true),
            new Accepted("application/vnd.ms-works", "WPS 文档（.wps）", Set.of("wps"), true),
            new Accepted("image/jpeg", "JPEG 图片", Set.of("jpg", "jpeg"), false),
            new Accepted("image/png", "PNG 图片", Set.of("png"), false));

    private static final Map<String, Accepted> ACCEPTED = ACCEPTED_LIST.stream()
            .collect(Collectors.toUnmodifiableMap(Accepted::mediaType, Function.identity()));

    private static final String ACCEPTED_TEXT = "PDF、Word（DOC、DOCX）、Excel（XLS、XLSX）、OpenDocument（ODT、ODS）、WPS、JPEG、PNG";

    /** How common refused types are named to a clerk; others are named by their media type. */
    private static final Map<String, String> REFUSED_LABELS = Map.ofEntries(
            Map.entry("application/zip", "ZIP 压缩包"),
            Map.entry("application/x-rar-compressed", "RAR 压缩包"),
            Map.entry("application/x-7z-compressed", "7z 压缩包"),
            Map.entry("application/gzip", "压缩包"),
            Map.entry("text/html", "网页（HTML）"),
            Map.entry("application/xhtml+xml", "网页（HTML）"),
            Map.entry("text/plain", "纯文本"),
            Map.entry("application/x-msdownload", "可执行程序"),
            Map.entry("application/x-dosexec", "可执行程序"),
            Map.entry("application/x-executable", "可执行程序"),
            Map.entry("application/x-sh", "脚本程序"),
            Map.entry("application/x-tika-ooxml-protected", "加密的 Office 文档"),
            Map.entry("application/x-tika-ooxml", "无法识别的 Office 文档（可能已损坏）"),
            Map.entry("application/x-tika-msoffice", "无法识别的 Office 文档（可能已损坏）"),
            Map.entry("application/octet-stream", "无法识别的文件"));

    private final Path root;
    private final Path incoming;
    private final long maxSize;
    private final AttachmentProperties limits;
    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final DocumentParser parser;

    public AttachmentStorage(GongkaiProperties properties, AttachmentProperties attachments) {
        this.root = properties.dataDir().resolve("files");
        this.incoming = root.resolve("incoming");
        this.maxSize = attachments.maxSize().toBytes();
        this.limits = attachments;
        this.parser = new DocumentParser(attachments.parseTimeout(), attachments.parseMemory().toBytes(),
                attachments.parseProcesses());
    }

    /**
     * Checks and stores one uploaded file. The stream is read to its end or to the size limit; the caller closes it.
     *
     * @throws InvalidInputProblem on field {@code file} when the file is empty, too large, of a type not accepted,
     *                             named with an extension its content contradicts, or a document whose text cannot
     *                             be read within the parse limits; nothing is stored then
     */
    public StoredFile store(String originalName, InputStream content) {
        String name = sanitiseName(originalName);
        Path temp = null;
        try {
            Files.createDirectories(incoming);
            temp = Files.createTempFile(incoming, "upload-", ".part");
            Received received = receive(name, content, temp);
            Accepted accepted = accept(name, temp);
            Text text = accepted.hasText() ? extractText(name, temp, received.sha256()) : Text.NONE;
            Path target = pathOf(received.sha256());
            moveIntoPlace(temp, target);
            log.info("Stored attachment {} ({}, {} bytes)", received.sha256(), accepted.mediaType(), received.size());
            return new StoredFile(received.sha256(), name, accepted.mediaType(), received.size(), text.text(),
                    text.extracted());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + name, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The content of a stored file; the caller closes the stream. */
    public InputStream open(String sha256) {
        Path path = pathOf(checked(sha256));
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new NotFoundProblem("附件不存在。");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read attachment " + sha256, e);
        }
    }

    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(checked(sha256)));
    }

    /**
     * The name as it may be shown: the last path part, without control or formatting characters (a right-to-left
     * override can disguise an extension), at most {@link #MAX_NAME} characters with the extension kept.
     */
    public static String sanitiseName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            String extension = extensionOf(name);
            String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
            String base = name.substring(0, name.length() - suffix.length());
            int keep = MAX_NAME - suffix.length();
            name = base.substring(0, base.offsetByCodePoints(0, keep)).strip() + suffix;
        }
        return name.isEmpty() ? UNNAMED : name;
    }

    private record Received(String sha256, long size) {
    }

    private record Text(String text, boolean extracted) {
        static final Text NONE = new Text("", false);
    }

    private Received receive(String name, InputStream content, Path temp) throws IOException {
        MessageDigest digest = sha256Digest();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(temp)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                size += n;
                if (size > maxSize) {
                    throw new InvalidInputProblem(FIELD,
                            "文件“" + name + "”超过了 " + describeSize(maxSize) + " 的大小上限，未能上传。");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (size == 0) {
            throw new InvalidInputProblem(FIELD, "文件“" + name + "”是空文件，未能上传。");
        }
        return new Received(HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Detects the type from the content alone and checks it against the allow-list and the name's extension. */
    private Accepted accept(String name, Path file) throws IOException {
        String type;
        try {
            type = parser.detect(file);
        } catch (ParseFailedException e) {
            throw refused(name, e);
        }
        Accepted accepted = ACCEPTED.get(type);
        if (accepted == null) {
            throw new InvalidInputProblem(FIELD, "文件“" + name + "”的内容是" + describeRefused(type)
                    + "，不是允许上传的类型。允许的类型：" + ACCEPTED_TEXT + "。");
        }
        String extension = extensionOf(name).toLowerCase(Locale.ROOT);
        if (!extension.isEmpty() && !accepted.extensions().contains(extension) && namesAKnownType(name)) {
            throw new InvalidInputProblem(FIELD, "文件“" + name + "”的扩展名与内容不符：内容是" + accepted.label()
                    + "，扩展名应为 ." + accepted.extensions().stream().sorted().collect(Collectors.joining(" 或 ."))
                    + "。");
        }
        return accepted;
    }

    /** Whether the name's extension claims some type; an unknown one ("纪要.2024") claims nothing. */
    private boolean namesAKnownType(String name) {
        return !MimeTypes.OCTET_STREAM.equals(mimeTypes.getMimeType(name.toLowerCase(Locale.ROOT)).getName());
    }

    private Text extractText(String name, Path file, String sha256) {
        try {
            return new Text(parser.extractText(file, limits.maxTextChars()), true);
        } catch (ParseFailedException e) {
            log.warn("Refused attachment {} ({}): {}", sha256, name, e.getMessage());
            throw refused(name, e);
        }
    }

    /** The refusal a clerk reads: the file, what went wrong, the limit it broke, and what to do. */
    private InvalidInputProblem refused(String name, ParseFailedException e) {
        String file = "附件“" + name + "”";
        String smaller = "，无法提取文字，请检查文件，或另存为较小的文件后上传。";
        return new InvalidInputProblem(FIELD, switch (e.failure()) {
            case TIMEOUT -> file + "解析超时（超过 " + describeDuration(limits.parseTimeout()) + "）" + smaller;
            case TOO_LARGE -> file + "内容过大（解析所需内存超过 " + describeSize(limits.parseMemory().toBytes()) + "）"
                    + smaller;
            case TOO_LARGE_PARTS -> file + "解压后内容过大（可能是压缩炸弹）" + smaller;
            case TOO_MUCH_TEXT -> file + "的文字超过了 " + limits.maxTextChars() + " 字的上限，超出部分无法检查是否含有"
                    + "个人信息，请拆分为几个较小的文件后上传。";
            case UNREADABLE -> file + "已损坏或已加密，无法提取文字，也就无法检查其中是否含有个人信息。"
                    + "请用原软件打开并另存（不加密）后重新上传。";
            case BUSY -> file + "未能及时解析：正在解析的文件较多，请稍后重新上传。";
        });
    }

    private static String describeDuration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " 毫秒";
        }
        return seconds >= 60 && seconds % 60 == 0 ? seconds / 60 + " 分钟" : seconds + " 秒";
    }

    /** Ends the parsing processes. */
    @Override
    public void close() {
        parser.close();
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another upload of the same content won the race; the content is identical.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The attachment folder " + target.getParent() + " must be on one file system", e);
        }
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static String checked(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidInputProblem(FIELD, "附件编号格式不正确。");
        }
        return sha256;
    }

    private static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static String describeRefused(String type) {
        String label = REFUSED_LABELS.get(type);
        return label != null ? label : "类型为 " + type + " 的文件";
    }

    static String describeSize(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " 字节";
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("Cannot delete temporary upload {}: {}", temp, e.toString());
        }
    }
}
