/*
 * Gongkai transparency-log verifier: checks a published record against the platform's signed Merkle log
 * (RFC 6962 §2.1 hashing, RFC 9162 §2.1.3.2 / §2.1.4.2 proof verification, Ed25519 signed tree heads).
 *
 * Needs nothing but Java 17; run it straight from source:
 *
 *   java GongkaiVerify.java <base-url> <index-number | record-url> [options]
 *   java GongkaiVerify.java verify-file <record.json> <base-url> [options]
 *
 * Options:
 *   --previous-head <file>        a tree head saved earlier (the JSON of /api/v1/ledger/sth, or --save-head);
 *                                 also proves that the log only grew since then
 *   --since <treeSize>[:<root>]   the same from a tree size (and its root hash, if you noted it)
 *   --save-head <file>            save the current head once verified, for the next --previous-head
 *   --key <base64>                the log's public key (SPKI, base64) as published elsewhere; the head must be
 *                                 signed with it
 *
 * Exit status: 0 when every check passes, 1 otherwise.
 *
 * Deliberately one file with no dependencies (its own small JSON reader) so that anyone can read all of it
 * before trusting it.
 */

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class GongkaiVerify {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private GongkaiVerify() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Command line

    /** Runs the verifier as from the command line; returns the exit status. */
    public static int run(String[] args, PrintStream out) {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.println("核验公开信息与公开日志 / Verify a record against the Gongkai transparency log:");
            out.println(USAGE);
            return 0;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("用法错误 / Usage error: " + e.getMessage());
            out.println(USAGE);
            return 1;
        }
        Report report = new Report(out);
        try {
            new Verification(o, report, new Http()).run();
        } catch (Failure e) {
            report.fail(e.zh, e.en);
        }
        return report.summary();
    }

    static final String USAGE = String.join("\n",
            "  java GongkaiVerify.java <base-url> <index-number | record-url> [options]",
            "  java GongkaiVerify.java verify-file <record.json> <base-url> [options]",
            "options: --previous-head <file>  --since <treeSize>[:<rootHash>]  --save-head <file>  --key <base64>");

    record Options(String baseUrl, String indexNo, Path recordFile, Path previousHead, Long sinceSize,
            String sinceRoot, Path saveHead, String key) {

        static Options parse(String[] args) {
            List<String> positional = new ArrayList<>();
            Path previousHead = null;
            Path saveHead = null;
            Long sinceSize = null;
            String sinceRoot = null;
            String key = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--previous-head" -> previousHead = Path.of(value(args, ++i, a));
                    case "--save-head" -> saveHead = Path.of(value(args, ++i, a));
                    case "--key" -> key = value(args, ++i, a).strip();
                    case "--since" -> {
                        String v = value(args, ++i, a);
                        int colon = v.indexOf(':');
                        try {
                            sinceSize = Long.parseLong(colon < 0 ? v : v.substring(0, colon));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--since needs a tree size, e.g. --since 1200");
                        }
                        if (colon >= 0) {
                            sinceRoot = v.substring(colon + 1).toLowerCase();
                            if (!isHash(sinceRoot)) {
                                throw new IllegalArgumentException("--since root must be 64 hex digits");
                            }
                        }
                    }
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        positional.add(a);
                    }
                }
            }
            if (previousHead != null && sinceSize != null) {
                throw new IllegalArgumentException("give either --previous-head or --since, not both");
            }
            if (!positional.isEmpty() && positional.get(0).equals("verify")) {
                positional.remove(0);
            }
            if (!positional.isEmpty() && positional.get(0).equals("verify-file")) {
                if (positional.size() != 3) {
                    throw new IllegalArgumentException("verify-file needs <record.json> and <base-url>");
                }
                // Either order: the argument that is a URL is the site, the other the file.
                boolean urlFirst = isUrl(positional.get(1));
                String base = urlFirst ? positional.get(1) : positional.get(2);
                String file = urlFirst ? positional.get(2) : positional.get(1);
                return new Options(baseUrl(base), null, Path.of(file), previousHead, sinceSize, sinceRoot, saveHead,
                        key);
            }
            if (positional.size() != 2) {
                throw new IllegalArgumentException("expected <base-url> and <index-number>");
            }
            return new Options(baseUrl(positional.get(0)), indexNumber(positional.get(1)), null, previousHead,
                    sinceSize, sinceRoot, saveHead, key);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static boolean isUrl(String s) {
            return s.startsWith("http://") || s.startsWith("https://");
        }

        private static String baseUrl(String s) {
            if (!isUrl(s)) {
                throw new IllegalArgumentException("the base URL must start with http:// or https://: " + s);
            }
            return s.replaceAll("/+$", "");
        }
    }

    /** An index number as typed, or taken from a record's address ({@code …/records/ycsjyj%2F2026-00001?…}). */
    static String indexNumber(String s) {
        String v = s.strip();
        int at = v.indexOf("/records/");
        if (at >= 0) {
            v = v.substring(at + "/records/".length());
        }
        v = v.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        return URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The checks

    /** One run: fetch, then the same checks as the /verify page, each reported whatever the others found. */
    static final class Verification {

        private final Options o;
        private final Report report;
        private final Http http;

        Verification(Options o, Report report, Http http) {
            this.o = o;
            this.report = report;
            this.http = http;
        }

        void run() {
            Map<String, Object> record;
            if (o.recordFile() != null) {
                report.info("核验已下载的文件 " + o.recordFile(), "Verifying the downloaded file " + o.recordFile());
                record = asObject(readFile(o.recordFile()), "record file");
            } else {
                report.info("从 " + o.baseUrl() + " 获取索引号为 " + o.indexNo() + " 的信息",
                        "Fetching record " + o.indexNo() + " from " + o.baseUrl());
                record = asObject(http.get(o.baseUrl() + "/api/v1/records/" + pathSegment(o.indexNo())), "record");
            }
            Object content = record.get("content");
            Map<String, Object> ledger = record.get("ledger") instanceof Map<?, ?> m ? cast(m) : null;
            if (content == null || ledger == null || !(ledger.get("entry") instanceof String entryText)) {
                throw new Failure("这份信息没有日志记录（ledger），无法核验；刚发布的信息可能需要片刻才记入日志。",
                        "The record carries no ledger entry and cannot be verified (a record just published may "
                                + "need a moment to be logged).");
            }
            Map<String, Object> entry;
            try {
                entry = asObject(Json.parse(entryText), "ledger entry");
            } catch (IllegalArgumentException e) {
                throw new Failure("日志条目不是合法的JSON：" + e.getMessage(),
                        "The ledger entry is not valid JSON: " + e.getMessage());
            }
            long leafIndex = longOf(ledger.get("leafIndex"), "ledger.leafIndex");
            report.info("信息：" + text(record.get("title"), content) + "；日志条目：" + entryText,
                    "Record: " + text(record.get("title"), content) + "; ledger entry: " + entryText);

            Map<String, Object> head = asObject(http.get(o.baseUrl() + "/api/v1/ledger/sth"), "tree head");
            long treeSize = longOf(head.get("treeSize"), "treeSize");
            long timestamp = longOf(head.get("timestamp"), "timestamp");
            String rootHex = hashOf(head.get("rootHash"), "rootHash");
            report.info("签名树头：共 " + treeSize + " 条，树根 " + rootHex + "，签发于 "
                            + BEIJING.format(Instant.ofEpochMilli(timestamp)) + "（北京时间）",
                    "Signed tree head: size " + treeSize + ", root " + rootHex + ", issued "
                            + Instant.ofEpochMilli(timestamp));

            checkContent(content, entry);
            checkEntryMatchesRecord(entry, record, content);
            byte[] leaf = checkLeafHash(entryText, ledger);
            checkInclusion(leafIndex, treeSize, leaf, HEX.parseHex(rootHex));
            boolean signed = checkSignature(head);
            boolean consistent = checkConsistency(head);
            if (o.saveHead() != null) {
                if (signed && consistent && !report.failed()) {
                    writeHead(o.saveHead(), head);
                    report.info("已将本次核验的树头保存到 " + o.saveHead() + "，下次可用 --previous-head 核对日志只增不改",
                            "Saved this head to " + o.saveHead() + " for a later --previous-head check");
                } else {
                    report.info("核验未全部通过，未保存树头", "Not all checks passed: the head was not saved");
                }
            }
        }

        private void checkContent(Object content, Map<String, Object> entry) {
            String computed = sha256Hex(Jcs.canonical(content).getBytes(StandardCharsets.UTF_8));
            Object claimed = entry.get("contentSha256");
            if (computed.equals(claimed)) {
                report.pass("1 内容摘要一致：重新计算的内容SHA-256与日志条目记载的相同，内容自记入日志后没有改动。",
                        "1 Content hash matches: the SHA-256 of the canonical content (RFC 8785) equals the "
                                + "entry's contentSha256 (" + computed + ").");
            } else {
                report.fail("1 内容摘要不一致：重新计算的SHA-256为 " + computed + "，日志条目记载的是 " + claimed
                                + "。内容在记入日志之后被改动过（或文件被修改过），现在的内容不是当初发布的内容。",
                        "1 Content hash MISMATCH: computed " + computed + ", the entry says " + claimed
                                + ". The content was changed after it was logged.");
            }
        }

        private void checkEntryMatchesRecord(Map<String, Object> entry, Map<String, Object> record, Object content) {
            Map<String, Object> c = content instanceof Map<?, ?> m ? cast(m) : Map.of();
            Object indexNo = record.containsKey("indexNo") ? record.get("indexNo") : c.get("indexNo");
            Object version = record.containsKey("version") ? record.get("version") : c.get("version");
            List<String> problems = new ArrayList<>();
            if (!same(entry.get("indexNo"), indexNo)) {
                problems.add("索引号 indexNo: entry " + entry.get("indexNo") + " ≠ record " + indexNo);
            }
            // A draft key (draft-N) keeps resolving after publication; an index number asked for must be answered.
            if (o.indexNo() != null && !o.indexNo().startsWith("draft-") && !same(entry.get("indexNo"), o.indexNo())) {
                problems.add("索引号 indexNo: entry " + entry.get("indexNo") + " ≠ requested " + o.indexNo());
            }
            if (!same(entry.get("version"), version)) {
                problems.add("版本 version: entry " + entry.get("version") + " ≠ record " + version);
            }
            if (problems.isEmpty()) {
                report.pass("2 条目对应本信息：日志条目的索引号 " + entry.get("indexNo") + "、第 " + entry.get("version")
                                + " 版与本信息一致（" + action(entry.get("action")) + "，" + entry.get("at") + "）。",
                        "2 The entry is this record's: index number and version match (" + entry.get("action")
                                + " at " + entry.get("at") + ").");
            } else {
                report.fail("2 条目与本信息不符，不能用它证明本信息：" + String.join("；", problems),
                        "2 The entry does NOT belong to this record (or version): " + String.join("; ", problems));
            }
        }

        private byte[] checkLeafHash(String entryText, Map<String, Object> ledger) {
            byte[] leaf = leafHash(entryText);
            Object given = ledger.get("leafHash");
            if (given == null || HEX.formatHex(leaf).equals(given)) {
                report.pass("3 叶子哈希：按RFC 6962由日志条目算得 " + HEX.formatHex(leaf)
                                + (given == null ? "。" : "，与平台给出的相同。"),
                        "3 Leaf hash SHA-256(0x00 || entry) = " + HEX.formatHex(leaf)
                                + (given == null ? "." : ", as the platform states."));
            } else {
                report.fail("3 叶子哈希不符：由日志条目算得 " + HEX.formatHex(leaf) + "，平台给出的是 " + given
                                + "，平台的日志数据有误。",
                        "3 Leaf hash MISMATCH: computed " + HEX.formatHex(leaf) + ", the platform states " + given);
            }
            return leaf;
        }

        private void checkInclusion(long leafIndex, long treeSize, byte[] leaf, byte[] root) {
            if (leafIndex >= treeSize) {
                report.fail("4 包含证明：该条目（第 " + leafIndex + " 号）尚不在最新签名树头（共 " + treeSize
                                + " 条）之内，请稍后再核验。",
                        "4 Inclusion: leaf " + leafIndex + " is not yet covered by the signed head of size "
                                + treeSize + "; try again later.");
                return;
            }
            Map<String, Object> proof = asObject(http.get(o.baseUrl() + "/api/v1/ledger/proof/inclusion?leafIndex="
                    + leafIndex + "&treeSize=" + treeSize), "inclusion proof");
            List<byte[]> path = hashes(proof.get("auditPath"), "auditPath");
            boolean asked = longOf(proof.get("leafIndex"), "leafIndex") == leafIndex
                    && longOf(proof.get("treeSize"), "treeSize") == treeSize;
            if (asked && verifyInclusion(leafIndex, treeSize, leaf, path, root)) {
                report.pass("4 包含证明成立：由叶子哈希经 " + path.size() + " 步审计路径算出的树根与签名树头的树根相同，"
                                + "该条目确实记在日志中编号 " + leafIndex + " 的位置（编号从0起，日志共 " + treeSize + " 条）。",
                        "4 Inclusion proof verified (RFC 9162 §2.1.3.2): leaf " + leafIndex + " is in the tree of "
                                + "size " + treeSize + " (" + path.size() + " audit path hashes).");
            } else {
                report.fail("4 包含证明不成立：算出的树根与签名树头不符，平台无法证明这条信息记入了它签名的日志。",
                        "4 Inclusion proof FAILED: the audit path does not lead to the signed root.");
            }
        }

        private boolean checkSignature(Map<String, Object> head) {
            String keyB64 = String.valueOf(head.get("publicKey"));
            String fingerprint;
            try {
                fingerprint = sha256Hex(Base64.getDecoder().decode(keyB64));
            } catch (IllegalArgumentException e) {
                report.fail("5 树头签名：日志公钥不是合法的base64。", "5 Head signature: the public key is not base64.");
                return false;
            }
            if (o.key() != null && !o.key().equals(keyB64)) {
                report.fail("5 树头签名：签名树头使用的公钥与您指定的公钥（--key）不同，不能信任此树头。",
                        "5 Head signature: the head names a different public key than --key; it is not trusted.");
                return false;
            }
            boolean ok = verifyHead(head);
            if (ok) {
                report.pass("5 树头签名有效：树头确由持有日志私钥者签发。公钥指纹（SHA-256）" + fingerprint
                                + (o.key() == null ? "，可与平台公布的日志公钥比对。" : "，与您指定的公钥相同。"),
                        "5 Head signature valid (Ed25519). Public key SHA-256 fingerprint " + fingerprint
                                + (o.key() == null ? "; compare it with the key the platform publishes." : "."));
            } else {
                report.fail("5 树头签名无效：树头不可信，以上比对都不能作为证明。",
                        "5 Head signature INVALID: the tree head cannot be trusted, so nothing above is proved.");
            }
            return ok;
        }

        /** With --previous-head or --since: the log at that size is a prefix of the log now (nothing rewritten). */
        private boolean checkConsistency(Map<String, Object> head) {
            if (o.previousHead() == null && o.sinceSize() == null) {
                return true;
            }
            long second = longOf(head.get("treeSize"), "treeSize");
            byte[] secondRoot = HEX.parseHex(hashOf(head.get("rootHash"), "rootHash"));
            long first;
            byte[] firstRoot;
            if (o.previousHead() != null) {
                Map<String, Object> previous = asObject(readFile(o.previousHead()), "previous head");
                first = longOf(previous.get("treeSize"), "previous treeSize");
                firstRoot = HEX.parseHex(hashOf(previous.get("rootHash"), "previous rootHash"));
                if (!verifyHead(previous)) {
                    report.fail("6 一致性：保存的旧树头签名无效，无法用它核对。",
                            "6 Consistency: the saved previous head's signature is invalid.");
                    return false;
                }
                if (!String.valueOf(previous.get("publicKey")).equals(String.valueOf(head.get("publicKey")))) {
                    report.fail("6 一致性：旧树头与新树头的签名公钥不同，日志的密钥已更换，需另行核实。",
                            "6 Consistency: the previous head was signed with a different key than the current one.");
                    return false;
                }
            } else {
                first = o.sinceSize();
                firstRoot = o.sinceRoot() == null ? null : HEX.parseHex(o.sinceRoot());
            }
            if (first > second) {
                report.fail("6 一致性不成立：旧树头有 " + first + " 条，现在的签名树头只有 " + second + " 条，日志被回退了。",
                        "6 Consistency FAILED: the earlier tree (" + first + ") is larger than the current one ("
                                + second + "): the log was rolled back.");
                return false;
            }
            List<byte[]> proof = List.of();
            if (first > 0 && first < second) {
                Map<String, Object> answer = asObject(http.get(o.baseUrl() + "/api/v1/ledger/proof/consistency?first="
                        + first + "&second=" + second), "consistency proof");
                if (longOf(answer.get("first"), "first") != first || longOf(answer.get("second"), "second") != second) {
                    report.fail("6 一致性：平台返回的证明不是所请求的树大小。",
                            "6 Consistency: the platform answered for other tree sizes than asked.");
                    return false;
                }
                proof = hashes(answer.get("proof"), "proof");
            }
            if (firstRoot == null && first == 0) {
                report.pass("6 一致性：空日志是任何日志的前缀。", "6 Consistency: the empty log is a prefix of every log.");
                return true;
            }
            if (firstRoot == null) {
                boolean powerOfTwo = (first & (first - 1)) == 0;
                if (powerOfTwo && first < second) {
                    // The proof leaves out the old root when it is a whole subtree: it cannot be derived.
                    report.fail("6 一致性：日志在 " + first + " 条时的树根无法由证明推出，请用 --since " + first
                                    + ":<树根> 或 --previous-head 给出旧树根。",
                            "6 Consistency: the root at size " + first + " cannot be derived from the proof; give "
                                    + "it with --since " + first + ":<root> or --previous-head.");
                    return false;
                }
                byte[][] roots = first == second ? new byte[][] {secondRoot, secondRoot}
                        : consistencyRoots(first, second, proof, null);
                if (roots == null || !Arrays.equals(roots[1], secondRoot)) {
                    report.fail("6 一致性证明不成立：证明与签名树头的树根对不上。",
                            "6 Consistency proof FAILED against the signed root.");
                    return false;
                }
                report.note("6 一致性（未核对旧树根）：证明与现在的签名树根相符，它表明日志在 " + first + " 条时的树根是 "
                                + HEX.formatHex(roots[0]) + "。请与您当时记下的树根比对；用 --since " + first
                                + ":<树根> 或 --previous-head 可自动核对。",
                        "6 Consistency (old root not checked): the proof fits the signed root and implies the root "
                                + "at size " + first + " was " + HEX.formatHex(roots[0]) + "; compare it with the "
                                + "root you noted, or pass --since " + first + ":<root> / --previous-head.");
                return true;
            }
            if (verifyConsistency(first, second, firstRoot, secondRoot, proof)) {
                report.pass("6 一致性证明成立：日志在 " + first + " 条时的内容原样保留在现在的 " + second
                                + " 条之中，其间只有追加，没有改动或删除。",
                        "6 Consistency proof verified (RFC 9162 §2.1.4.2): the tree of size " + first
                                + " is a prefix of the tree of size " + second + " (append-only).");
                return true;
            }
            report.fail("6 一致性证明不成立：日志在 " + first + " 条之后被改写过（或平台给出的证明有误），已公开的内容可能被改动或删除。",
                    "6 Consistency proof FAILED: the log of size " + first + " is not a prefix of the current one.");
            return false;
        }

        private Object readFile(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return Json.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
            } catch (IOException e) {
                throw new Failure("无法读取文件 " + file + "：" + e.getMessage(), "Cannot read " + file + ": " + e);
            } catch (IllegalArgumentException e) {
                throw new Failure("文件 " + file + " 不是合法的JSON：" + e.getMessage(),
                        file + " is not valid JSON: " + e.getMessage());
            }
        }

        private void writeHead(Path file, Map<String, Object> head) {
            try {
                Files.writeString(file, Jcs.canonical(head) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Failure("无法保存树头到 " + file + "：" + e.getMessage(), "Cannot write " + file + ": " + e);
            }
        }
    }

    static boolean verifyHead(Map<String, Object> head) {
        try {
            return verifyHeadSignature(longOf(head.get("treeSize"), "treeSize"), hashOf(head.get("rootHash"),
                    "rootHash"), longOf(head.get("timestamp"), "timestamp"), String.valueOf(head.get("signature")),
                    String.valueOf(head.get("publicKey")));
        } catch (Failure e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // RFC 6962 / RFC 9162 and Ed25519: pure functions

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256(data));
    }

    /** RFC 6962 §2.1: the hash of a leaf, SHA-256(0x00 || entry). */
    public static byte[] leafHash(String entry) {
        return sha256(new byte[] {0}, entry.getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6962 §2.1: the hash of an interior node, SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    /** RFC 9162 §2.1.3.2: whether {@code path} proves the leaf at {@code leafIndex} is in the tree with {@code root}. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path,
            byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code proof} shows the tree of size {@code first} is a prefix of {@code second}. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty(); // the empty tree is a prefix of every tree
        }
        byte[][] roots = consistencyRoots(first, second, proof, firstRoot);
        return roots != null && Arrays.equals(roots[0], firstRoot) && Arrays.equals(roots[1], secondRoot);
    }

    /**
     * The two roots a consistency proof leads to (RFC 9162 §2.1.4.2 steps 1–7), for 0 &lt; first &lt; second, or
     * null if the proof has the wrong shape. When {@code first} is a power of two its root is the proof's implicit
     * first element, so it must be given; otherwise {@code firstRoot} is not used and the old root is derived.
     */
    static byte[][] consistencyRoots(long first, long second, List<byte[]> proof, byte[] firstRoot) {
        if (first <= 0 || first >= second || proof.isEmpty() && (first & (first - 1)) != 0) {
            return null;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if ((first & (first - 1)) == 0) {
            if (firstRoot == null) {
                return null;
            }
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? new byte[][] {fr, sr} : null;
    }

    /** The head's Ed25519 signature over {@code treeSize|rootHash|timestamp} (API.md), with its SPKI key. */
    public static boolean verifyHeadSignature(long treeSize, String rootHex, long timestamp, String signatureB64,
            String publicKeyB64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyB64)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update((treeSize + "|" + rootHex + "|" + timestamp).getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureB64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // RFC 8785 (JCS) canonical JSON

    /** The JSON Canonicalization Scheme: sorted keys (UTF-16 code units), ECMAScript number and string forms. */
    public static final class Jcs {

        private Jcs() {
        }

        public static String canonical(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object v, StringBuilder out) {
            if (v == null) {
                out.append("null");
            } else if (v instanceof Boolean b) {
                out.append(b);
            } else if (v instanceof String s) {
                string(s, out);
            } else if (v instanceof BigDecimal n) {
                out.append(number(n.doubleValue()));
            } else if (v instanceof Number n) {
                out.append(number(n.doubleValue()));
            } else if (v instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (v instanceof Map<?, ?> map) {
                // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 requires.
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, x) -> sorted.put((String) k, x));
                out.append('{');
                boolean firstKey = true;
                for (Map.Entry<String, Object> e : sorted.entrySet()) {
                    if (!firstKey) {
                        out.append(',');
                    }
                    firstKey = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else {
                throw new IllegalArgumentException("not a JSON value: " + v.getClass());
            }
        }

        /** ECMAScript JSON.stringify's string form (ES2019: lone surrogates escaped). */
        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        boolean lone = Character.isHighSurrogate(c)
                                ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                                : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                        if (c < 0x20 || lone) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        /** ECMAScript Number::toString: the shortest decimal that reads back as the same double. */
        static String number(double d) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no NaN or Infinity");
            }
            if (d == 0) {
                return "0";
            }
            if (d < 0) {
                return "-" + number(-d);
            }
            BigDecimal exact = new BigDecimal(d);
            BigDecimal shortest = exact;
            for (int p = 1; p <= 17; p++) {
                BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                if (candidate.doubleValue() == d) {
                    shortest = candidate;
                    break;
                }
            }
            shortest = shortest.stripTrailingZeros();
            String digits = shortest.unscaledValue().toString();
            int k = digits.length();
            int n = k - shortest.scale();
            if (k <= n && n <= 21) {
                return digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return "0." + "0".repeat(-n) + digits;
            }
            int e = n - 1;
            String exponent = (e < 0 ? "e-" : "e+") + Math.abs(e);
            return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // A small strict JSON reader: objects as maps, arrays as lists, numbers as BigDecimal

    public static final class Json {

        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        public static Object parse(String text) {
            Json p = new Json(text);
            p.space();
            Object v = p.value(0);
            p.space();
            if (p.i != p.s.length()) {
                throw p.error("unexpected text after the value");
            }
            return v;
        }

        private Object value(int depth) {
            if (depth > 200) {
                throw error("nested too deeply");
            }
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object(depth);
                case '[':
                    return array(depth);
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            i++;
            space();
            if (peek('}')) {
                i++;
                return map;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("expected a key");
                }
                String key = string();
                if (map.containsKey(key)) {
                    // Parsers disagree on which duplicate wins: such a document has no single meaning.
                    throw error("duplicate key \"" + key + "\"");
                }
                space();
                expect(':');
                space();
                map.put(key, value(depth + 1));
                space();
                if (peek(',')) {
                    i++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            i++;
            space();
            if (peek(']')) {
                i++;
                return list;
            }
            while (true) {
                space();
                list.add(value(depth + 1));
                space();
                if (peek(',')) {
                    i++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            i++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw error("unterminated escape");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private BigDecimal number() {
            int start = i;
            if (peek('-')) {
                i++;
            }
            if (peek('0')) {
                i++;
            } else if (digit()) {
                while (digit()) {
                    i++;
                }
            } else {
                throw error("unexpected character");
            }
            if (peek('.')) {
                i++;
                if (!digit()) {
                    throw error("digit expected");
                }
                while (digit()) {
                    i++;
                }
            }
            if (peek('e') || peek('E')) {
                i++;
                if (peek('+') || peek('-')) {
                    i++;
                }
                if (!digit()) {
                    throw error("digit expected");
                }
                while (digit()) {
                    i++;
                }
            }
            return new BigDecimal(s.substring(start, i));
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw error("unexpected character");
            }
            i += word.length();
            return v;
        }

        private boolean digit() {
            return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }

        private boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void space() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                    || s.charAt(i) == '\r')) {
                i++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at character " + i);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Plumbing: HTTP, reporting, value access

    static final class Http {

        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        Object get(String url) {
            HttpResponse<String> response;
            try {
                response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                throw new Failure("无法连接 " + url + "：" + reason, "Cannot reach " + url + ": " + reason);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("已中断", "Interrupted");
            }
            Object body;
            try {
                body = Json.parse(response.body());
            } catch (IllegalArgumentException e) {
                body = null;
            }
            if (response.statusCode() != 200) {
                String detail = body instanceof Map<?, ?> m && m.get("detail") != null ? String.valueOf(m.get("detail"))
                        : "";
                throw new Failure("平台答复 HTTP " + response.statusCode() + "（" + url + "）" + detail,
                        "HTTP " + response.statusCode() + " from " + url + (detail.isEmpty() ? "" : ": " + detail));
            }
            if (body == null) {
                throw new Failure("平台的答复不是合法的JSON（" + url + "）", "The answer from " + url + " is not JSON");
            }
            return body;
        }
    }

    /** Every step in Chinese then English; the exit status follows from whether any failed. */
    static final class Report {

        private final PrintStream out;
        private int passed;
        private int failed;

        Report(PrintStream out) {
            this.out = out;
        }

        void info(String zh, String en) {
            out.println("· " + zh);
            out.println("  " + en);
        }

        void pass(String zh, String en) {
            passed++;
            out.println("[通过 PASS] " + zh);
            out.println("            " + en);
        }

        void fail(String zh, String en) {
            failed++;
            out.println("[失败 FAIL] " + zh);
            out.println("            " + en);
        }

        void note(String zh, String en) {
            out.println("[注意 NOTE] " + zh);
            out.println("            " + en);
        }

        boolean failed() {
            return failed > 0;
        }

        int summary() {
            out.println();
            if (failed == 0 && passed > 0) {
                out.println("核验通过：全部 " + passed + " 项检查均成立。");
                out.println("VERIFIED: all " + passed + " checks passed.");
                return 0;
            }
            out.println("核验未通过：" + failed + " 项检查不成立（" + passed + " 项成立）。");
            out.println("NOT VERIFIED: " + failed + " check(s) failed, " + passed + " passed.");
            return 1;
        }
    }

    /** Stops the run: something needed for the checks could not be had. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String zh;
        final String en;

        Failure(String zh, String en) {
            super(en);
            this.zh = zh;
            this.en = en;
        }
    }

    private static String pathSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> asObject(Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            return cast(m);
        }
        throw new Failure(what + " 不是JSON对象", what + " is not a JSON object");
    }

    private static long longOf(Object v, String what) {
        if (v instanceof BigDecimal n) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                // falls through to the failure below
            }
        }
        throw new Failure("缺少或错误的整数：" + what, "Missing or malformed integer: " + what);
    }

    private static boolean isHash(Object v) {
        return v instanceof String s && s.matches("[0-9a-f]{64}");
    }

    private static String hashOf(Object v, String what) {
        if (isHash(v)) {
            return (String) v;
        }
        throw new Failure("缺少或错误的哈希值：" + what, "Missing or malformed hash (64 lowercase hex): " + what);
    }

    private static List<byte[]> hashes(Object v, String what) {
        if (!(v instanceof List<?> list)) {
            throw new Failure("缺少哈希列表：" + what, "Missing hash list: " + what);
        }
        List<byte[]> out = new ArrayList<>();
        for (Object h : list) {
            out.add(HEX.parseHex(hashOf(h, what)));
        }
        return out;
    }

    /** Compares a JSON value with an expected one, numbers by value (1 and 1.0 are the same version). */
    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a != null && a.equals(b);
    }

    private static String text(Object title, Object content) {
        if (title instanceof String s) {
            return s;
        }
        return content instanceof Map<?, ?> m && m.get("title") instanceof String s ? s : "（无标题 untitled）";
    }

    private static String action(Object action) {
        return switch (String.valueOf(action)) {
            case "PUBLISH" -> "发布";
            case "REVISE", "CHANGE", "UPDATE" -> "修改";
            case "WITHDRAW" -> "撤回";
            default -> String.valueOf(action);
        };
    }
}
