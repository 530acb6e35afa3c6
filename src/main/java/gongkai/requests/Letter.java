package gongkai.requests;

/** A generated document to download: its file name and its bytes (a PDF). */
public record Letter(String filename, byte[] pdf) {
}
