package gongkai.ledger;

import java.util.List;

/** RFC 6962 consistency proof that the tree of size {@code first} is a prefix of the tree of size {@code second}. */
public record ConsistencyProof(long first, long second, List<String> proof) {
}
