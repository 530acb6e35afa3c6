package gongkai.search.internal;

/**
 * Document numbers (文号) and index numbers (索引号) are typed in many ways: 宜民规〔2026〕2号, 宜民规[2026]2号,
 * 宜民规2026 2号, 宜民规（2026）2号; 000014349/2017-00110 with full-width digits or spaces. Their key keeps only letters,
 * Chinese characters and digits, folded like the index, so that each way matches the others exactly.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static String key(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String folded = Vocabulary.fold(number.strip());
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.isEmpty() ? null : key.toString();
    }

    /** The part of an index number after the body's code (2017-00110 of 000014349/2017-00110), or null. */
    public static String serialKey(String indexNo) {
        if (indexNo == null) {
            return null;
        }
        int slash = indexNo.lastIndexOf('/');
        return slash < 0 ? null : key(indexNo.substring(slash + 1));
    }
}
