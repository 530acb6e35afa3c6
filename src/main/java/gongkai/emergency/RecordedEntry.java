package gongkai.emergency;

/**
 * The answer to recording an entry: its id and, for a receipt, the receipt number (捐赠收据号) and the private lookup
 * code the donor is given once (only its hash is kept).
 */
public record RecordedEntry(long id, String receiptNo, String lookupCode) {
}
