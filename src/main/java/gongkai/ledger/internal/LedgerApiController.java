package gongkai.ledger.internal;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.ledger.ConsistencyProof;
import gongkai.ledger.InclusionProof;
import gongkai.ledger.LoggedEntry;
import gongkai.ledger.SignedTreeHead;
import gongkai.ledger.TransparencyLog;

/**
 * {@code /api/v1/ledger}: the transparency log as API.md promises it to outside verifiers — the signed tree head,
 * entries, inclusion and consistency proofs. Open to everyone; a bad parameter is a problem+json naming it.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerApiController {

    private final TransparencyLog ledger;

    LedgerApiController(TransparencyLog ledger) {
        this.ledger = ledger;
    }

    /** The newest signed tree head, or the stored head of a given size. */
    @GetMapping("/sth")
    ResponseEntity<SignedTreeHead> sth(@RequestParam(required = false) Long treeSize) {
        SignedTreeHead head = treeSize == null ? ledger.head() : ledger.head(treeSize);
        // A head of a given size never changes; the newest one does with every append.
        return ResponseEntity.ok().cacheControl(treeSize == null ? CacheControl.noCache()
                : CacheControl.maxAge(java.time.Duration.ofDays(1))).body(head);
    }

    @GetMapping("/proof/inclusion")
    InclusionProof inclusion(@RequestParam long leafIndex, @RequestParam(required = false) Long treeSize) {
        return ledger.inclusionProof(leafIndex, treeSize == null ? ledger.head().treeSize() : treeSize);
    }

    @GetMapping("/proof/consistency")
    ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        return ledger.consistencyProof(first, second);
    }

    @GetMapping("/entries/{leafIndex}")
    LoggedEntry entry(@PathVariable long leafIndex) {
        return ledger.entry(leafIndex);
    }
}
