package gongkai.opendata;

import java.time.Instant;

/**
 * A change to a dataset, as its Atom feed lists them: a record's rows entered, replaced or left it.
 *
 * @param rows the record's rows in the dataset after the change (0 after a withdrawal)
 */
public record DatasetChange(long id, String datasetName, Kind kind, String indexNo, int version, String recordTitle,
        int rows, Instant at) {

    public enum Kind {
        PUBLISHED("新增"), REVISED("更正"), WITHDRAWN("撤回");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
