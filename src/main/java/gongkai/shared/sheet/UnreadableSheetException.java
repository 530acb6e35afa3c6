package gongkai.shared.sheet;

/** The upload could not be read as a sheet; the message is the Chinese reason shown to the user. */
public class UnreadableSheetException extends Exception {

    private final int row;

    UnreadableSheetException(int row, String message) {
        super(message);
        this.row = row;
    }

    /** The row where reading stopped, or 0 when the file as a whole is unreadable. */
    public int row() {
        return row;
    }
}
