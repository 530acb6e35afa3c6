package gongkai.emergency;

/** What a ledger entry records: a receipt (接收), an allocation (拨付) or a reversal (冲正) of an earlier entry. */
public enum EntryKind {
    RECEIPT("接收"), ALLOCATION("拨付"), REVERSAL("冲正");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
