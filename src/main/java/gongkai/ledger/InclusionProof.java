package gongkai.ledger;

import java.util.List;

/** RFC 6962 audit path of a leaf in the tree of a given size; hashes as lowercase hex, from the leaf upwards. */
public record InclusionProof(long leafIndex, long treeSize, List<String> auditPath) {
}
