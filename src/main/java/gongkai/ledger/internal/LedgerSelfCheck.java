package gongkai.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import gongkai.ledger.LedgerEntry;
import gongkai.ledger.SignedTreeHead;
import gongkai.ledger.internal.LedgerStore.Alert;
import gongkai.ledger.internal.LedgerStore.Check;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.Role;

/**
 * The ledger's self-check (自检): what is stored now is compared with what was logged. Every published version of
 * every record (withdrawn ones included) is hashed again from the database and compared with its entry, and each
 * record's state with its newest entry; catalogue items likewise; every entry's leaf hash and every stored subtree
 * hash is recomputed from the entry texts up to the newest head, whose root must come out; the newest head's
 * signature must verify and it must be consistent with the previous head. Any mismatch is logged as an error and
 * kept as an alert for the back office. Runs on schedule on one node, or when the city office's admin asks.
 */
@Service
public class LedgerSelfCheck {

    /** What can be wrong, in English for the log and in Chinese for the back office. */
    public enum Kind {
        SIGNATURE("tree head signature does not verify", "树头签名无法验证"),
        KEY("newest tree head is not signed with the current key", "最新树头不是用当前密钥签名的"),
        ROOT("root hash differs from the tree head", "根哈希与树头不符"),
        CONSISTENCY("newest tree head is not consistent with the previous one", "最新树头与上一树头不一致（一致性证明不成立）"),
        HEAD_SIZE("tree head names more entries than are stored", "树头记载的条目数多于账本中现存条目"),
        LEAF_MISSING("entry missing", "账本条目缺失"),
        LEAF_HASH("entry text does not match its leaf hash", "条目文本与其叶子哈希不符"),
        NODE_HASH("stored subtree hash does not match the entries below it", "存储的子树哈希与其下条目不符"),
        ENTRY_FORMAT("entry text is not a canonical ledger entry", "条目文本不是规范的账本条目"),
        CONTENT_MISMATCH("stored content differs from the logged hash", "数据库中的内容与账本记载的哈希不符（内容可能被直接修改）"),
        MISSING_ENTRY("published version has no ledger entry", "已发布的版本没有账本条目"),
        STATE_MISMATCH("record state differs from its newest ledger entry", "信息的状态与账本最新条目不符"),
        CATALOG_MISMATCH("catalogue item differs from its logged hash", "目录事项与账本记载的哈希不符");

        private final String english;
        private final String chinese;

        Kind(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        public String english() {
            return english;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** One mismatch: what, about what, and the value expected and the value found. */
    public record Problem(Kind kind, String subject, String expected, String found) {

        /** The sentence the back office shows. */
        public String detail() {
            return kind.chinese() + "。应为：" + expected + "；实为：" + found;
        }
    }

    /** The result of one run. */
    public record Report(Instant startedAt, Instant finishedAt, long treeSize, long recordsChecked,
            long leavesChecked, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** What the back office shows. */
    public record Overview(Check lastCheck, List<Alert> alerts, long treeSize, SignedTreeHead head, long heads,
            boolean running) {
    }

    private static final Logger log = LoggerFactory.getLogger(LedgerSelfCheck.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int LEAF_PAGE = 10_000;
    private static final int MAX_LOGGED = 100;
    private static final int MAX_STORED = 1_000;

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final LoggedContentCheck content;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-self-check");
        t.setDaemon(true);
        return t;
    });

    LedgerSelfCheck(LedgerStore store, LedgerKeys keys, LoggedContentCheck content, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.content = content;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The state of the log and of its checks, for the city office's admin. */
    public Overview overview() {
        requireCityAdmin();
        List<SignedTreeHead> head = store.newestHeads(1);
        return new Overview(store.latestCheck().orElse(null), store.recentAlerts(200), store.size(),
                head.isEmpty() ? null : head.get(0), store.headCount(), running.get());
    }

    /** The city office's admin starts a run; it goes on in the background, its result shows on the overview. */
    public void startAsAdmin() {
        requireCityAdmin();
        if (running.get()) {
            throw new ConflictProblem("核查正在进行中，请稍后刷新查看结果。");
        }
        background.execute(() -> {
            try {
                run("manual");
            } catch (RuntimeException e) {
                log.error("Ledger self-check failed", e);
            }
        });
    }

    /** Runs the whole check now and stores its result; empty if a run is already going on in this process. */
    public Optional<Report> run(String triggeredBy) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return Optional.of(check(triggeredBy));
        } finally {
            running.set(false);
        }
    }

    private Report check(String triggeredBy) {
        Instant started = Instant.now(clock);
        List<Problem> problems = new ArrayList<>();
        List<SignedTreeHead> heads = store.newestHeads(2);
        long treeSize = heads.isEmpty() ? 0 : heads.get(0).treeSize();
        if (!heads.isEmpty()) {
            checkHeads(heads, problems);
        }
        long leaves = checkLeaves(heads.isEmpty() ? null : heads.get(0), problems);
        long checkedRecords = content.checkRecords(started, problems);
        content.checkCatalogue(problems);
        Report report = new Report(started, Instant.now(clock), treeSize, checkedRecords, leaves,
                List.copyOf(problems));
        keep(report, triggeredBy);
        return report;
    }

    /**
     * The newest head: signed with the current key, its root as the stored subtrees give it, consistent with the
     * previous one.
     */
    private void checkHeads(List<SignedTreeHead> heads, List<Problem> problems) {
        SignedTreeHead newest = heads.get(0);
        String subject = "树头（大小 " + newest.treeSize() + "）";
        if (!newest.signatureValid()) {
            problems.add(new Problem(Kind.SIGNATURE, subject, "有效的 Ed25519 签名", newest.signature()));
        }
        if (!newest.publicKey().equals(keys.publicKey())) {
            problems.add(new Problem(Kind.KEY, subject, keys.publicKey(), newest.publicKey()));
        }
        long stored = store.size();
        if (newest.treeSize() > stored) {
            problems.add(new Problem(Kind.HEAD_SIZE, subject, newest.treeSize() + " 条", stored + " 条"));
            return;
        }
        String root = newest.treeSize() == 0 ? HEX.formatHex(MerkleTree.emptyRoot())
                : hash(ProofPlan.root(newest.treeSize())).get(0);
        if (!root.equals(newest.rootHash())) {
            problems.add(new Problem(Kind.ROOT, subject, newest.rootHash(), root));
        }
        if (heads.size() < 2) {
            return;
        }
        SignedTreeHead previous = heads.get(1);
        String before = "上一树头（大小 " + previous.treeSize() + "）";
        if (!previous.signatureValid()) {
            problems.add(new Problem(Kind.SIGNATURE, before, "有效的 Ed25519 签名", previous.signature()));
        }
        boolean consistent;
        if (previous.treeSize() > newest.treeSize()) {
            consistent = false;
        } else if (previous.treeSize() == 0) {
            consistent = previous.rootHash().equals(HEX.formatHex(MerkleTree.emptyRoot()));
        } else {
            List<byte[]> proof = hash(ProofPlan.consistency(previous.treeSize(), newest.treeSize())).stream()
                    .map(HEX::parseHex).toList();
            consistent = MerkleTree.verifyConsistency(previous.treeSize(), newest.treeSize(),
                    HEX.parseHex(previous.rootHash()), HEX.parseHex(newest.rootHash()), proof);
        }
        if (!consistent) {
            problems.add(new Problem(Kind.CONSISTENCY, subject, "与" + before + "一致",
                    "大小 " + previous.treeSize() + " → " + newest.treeSize() + " 的一致性证明不成立"));
        }
    }

    /**
     * Every entry up to the newest head: its text canonical and its leaf hash recomputed; every stored subtree
     * recomputed from the leaves below it; the recomputed root equal to the head's. Reads the log a page at a time.
     */
    private long checkLeaves(SignedTreeHead newest, List<Problem> problems) {
        if (newest == null) {
            return 0;
        }
        long n = newest.treeSize();
        Frontier frontier = Frontier.empty();
        long expected = 0;
        for (long start = 0; start < n; start += LEAF_PAGE) {
            long end = Math.min(n, start + LEAF_PAGE);
            TreeMap<Integer, TreeMap<Long, byte[]>> completed = new TreeMap<>();
            List<LedgerStore.Leaf> page = new ArrayList<>();
            store.forEachLeaf(start, end, LEAF_PAGE, page::add);
            for (LedgerStore.Leaf leaf : page) {
                if (leaf.leafIndex() != expected) {
                    break;
                }
                expected++;
                byte[] recomputed = MerkleTree.leafHash(leaf.entry().getBytes(StandardCharsets.UTF_8));
                String subject = "条目 " + leaf.leafIndex();
                if (!HEX.formatHex(recomputed).equals(leaf.leafHash())) {
                    problems.add(new Problem(Kind.LEAF_HASH, subject, HEX.formatHex(recomputed), leaf.leafHash()));
                }
                checkEntryText(leaf, subject, problems);
                for (Frontier.Node node : frontier.append(recomputed)) {
                    completed.computeIfAbsent(node.subtree().level(), l -> new TreeMap<>())
                            .put(node.subtree().index(), node.hash());
                }
            }
            if (expected < end) {
                // The tree cannot be recomputed past a missing entry.
                problems.add(new Problem(Kind.LEAF_MISSING, "条目 " + expected, "存在", "缺失"));
                return expected;
            }
            completed.forEach((level, computed) -> {
                Map<Long, String> stored = store.nodes(level, computed.firstKey(), computed.lastKey());
                computed.forEach((index, hash) -> {
                    String found = stored.get(index);
                    if (!HEX.formatHex(hash).equals(found)) {
                        problems.add(new Problem(Kind.NODE_HASH, "子树（层 " + level + "，序号 " + index + "）",
                                HEX.formatHex(hash), found == null ? "缺失" : found));
                    }
                });
            });
        }
        String root = HEX.formatHex(frontier.root());
        if (!root.equals(newest.rootHash())) {
            problems.add(new Problem(Kind.ROOT, "由全部条目重新计算的根（大小 " + n + "）", newest.rootHash(), root));
        }
        return expected;
    }

    private static void checkEntryText(LedgerStore.Leaf leaf, String subject, List<Problem> problems) {
        try {
            LedgerEntry e = LedgerEntry.parse(leaf.entry());
            if (!e.action().name().equals(leaf.action()) || !e.indexNo().equals(leaf.indexNo())
                    || e.version() != leaf.version()) {
                problems.add(new Problem(Kind.ENTRY_FORMAT, subject, leaf.action() + " " + leaf.indexNo() + " 第"
                        + leaf.version() + "版", leaf.entry()));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(Kind.ENTRY_FORMAT, subject, "规范JSON条目", leaf.entry()));
        }
    }

    private void keep(Report report, String triggeredBy) {
        long id = store.insertCheck(new Check(0, report.startedAt(), report.finishedAt(), report.treeSize(),
                report.recordsChecked(), report.leavesChecked(), report.problems().size(), triggeredBy));
        List<Alert> alerts = report.problems().stream().limit(MAX_STORED)
                .map(p -> new Alert(id, report.finishedAt(), p.kind().name(), p.subject(), p.detail())).toList();
        store.insertAlerts(alerts);
        report.problems().stream().limit(MAX_LOGGED).forEach(p -> log.error("Ledger self-check: {} — {}: expected {}, "
                + "found {}", p.kind().english(), p.subject(), p.expected(), p.found()));
        if (report.ok()) {
            log.info("Ledger self-check passed: {} entries, {} records, tree size {}", report.leavesChecked(),
                    report.recordsChecked(), report.treeSize());
        } else {
            log.error("Ledger self-check found {} problems (tree size {}, {} records); see 后台 → 公开账本",
                    report.problems().size(), report.treeSize(), report.recordsChecked());
        }
    }

    private List<String> hash(ProofPlan plan) {
        return plan.hashes(store.subtrees(plan.subtrees())).stream().map(HEX::formatHex).toList();
    }

    private static void requireCityAdmin() {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以查看和运行公开账本的核查。");
        }
    }

}
