package gongkai.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gongkai.ledger.EntriesAppended;
import gongkai.ledger.LedgerEntry;
import gongkai.ledger.SignedTreeHead;

/**
 * Appends entries: under the append lock, skips those whose source is logged already, stores each leaf and every
 * subtree it completes, and signs a new tree head — all in one transaction, so a head never names leaves that are
 * not there. Nothing here reads more of the log than its right edge (O(log n) subtrees).
 */
@Component
public class LedgerWriter {

    /**
     * An entry to append and the key of what caused it: an entry whose key is logged already is not appended again
     * (a redelivered event).
     */
    public record Pending(String sourceKey, LedgerEntry entry) {

        /** The source key of a record's publication, revision or withdrawal: one per action and version. */
        public static Pending of(LedgerEntry entry) {
            return new Pending(entry.action() + "|" + entry.indexNo() + "|" + entry.version(), entry);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LedgerWriter(LedgerStore store, LedgerKeys keys, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.events = events;
    }

    /** Appends what is not logged yet; returns the new head, or empty when everything was logged already. */
    @Transactional
    public Optional<SignedTreeHead> append(List<Pending> pending) {
        store.lock();
        Set<String> logged = store.existingSources(pending.stream().map(Pending::sourceKey).toList());
        Set<String> seen = new HashSet<>(logged);
        List<Pending> fresh = pending.stream().filter(p -> seen.add(p.sourceKey())).toList();
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        long size = store.size();
        Frontier frontier = Frontier.of(size, store.subtrees(Frontier.edgeOf(size)));
        Instant now = Instant.now(clock);
        List<LedgerStore.Leaf> leaves = new ArrayList<>(fresh.size());
        List<Frontier.Node> nodes = new ArrayList<>(fresh.size());
        for (Pending p : fresh) {
            LedgerEntry e = p.entry();
            String text = e.text();
            byte[] leafHash = MerkleTree.leafHash(text.getBytes(StandardCharsets.UTF_8));
            leaves.add(new LedgerStore.Leaf(frontier.size(), p.sourceKey(), e.action().name(), e.indexNo(),
                    e.version(), text, HEX.formatHex(leafHash), now));
            nodes.addAll(frontier.append(leafHash));
        }
        store.insertLeaves(leaves);
        store.insertNodes(nodes);
        SignedTreeHead head = keys.sign(frontier.size(), HEX.formatHex(frontier.root()), now.toEpochMilli());
        store.insertHead(head);
        events.publishEvent(new EntriesAppended(fresh.stream().map(p -> p.entry().indexNo()).distinct().toList()));
        return Optional.of(head);
    }

    /**
     * Appends a catalogue item's amendment. Its version is the number of the item's logged amendments so far plus
     * one, counted under the lock so that two amendments never get the same.
     */
    @Transactional
    public Optional<SignedTreeHead> appendCatalogChange(String itemCode, String contentSha256, Instant at) {
        store.lock();
        String indexNo = LedgerEntry.CATALOG_PREFIX + itemCode;
        String sourceKey = LedgerEntry.Action.CATALOG + "|" + indexNo + "|" + contentSha256 + "|" + at.toEpochMilli();
        if (!store.existingSources(List.of(sourceKey)).isEmpty()) {
            return Optional.empty();
        }
        int version = (int) store.countFor(indexNo) + 1;
        return append(List.of(new Pending(sourceKey, new LedgerEntry(LedgerEntry.Action.CATALOG, indexNo, version,
                contentSha256, at))));
    }

    /**
     * Makes sure the newest head is signed with the current key: at first start (the empty tree's head) and after
     * the key was changed, a head of the current size is signed.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void ensureHead() {
        store.lock();
        List<SignedTreeHead> newest = store.newestHeads(1);
        if (!newest.isEmpty() && newest.get(0).publicKey().equals(keys.publicKey())) {
            return;
        }
        long size = store.size();
        Frontier frontier = Frontier.of(size, store.subtrees(Frontier.edgeOf(size)));
        store.insertHead(keys.sign(size, HEX.formatHex(frontier.root()), Instant.now(clock).toEpochMilli()));
    }
}
