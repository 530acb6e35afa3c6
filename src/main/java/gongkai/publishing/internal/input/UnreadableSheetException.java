package gongkai.publishing.internal.input;

/** The upload could not be read as a sheet; the message is the Chinese reason shown to the user. */
class UnreadableSheetException extends Exception {

    private final int row;

    UnreadableSheetException(int row, String message) {
        super(message);
        this.row = row;
    }

    /** The row where reading stopped, or 0 when the file as a whole is unreadable. */
    int row() {
        return row;
    }
}
