package gongkai.search.internal;

/**
 * Document numbers (文号) are written with several kinds of brackets: 宜府发〔2026〕3号, 宜府发[2026]3号,
 * 宜府发【2026】3号. Their key uses one kind and no spaces, so any of them matches the others exactly.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    public static String key(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        return number.strip().replaceAll("\\s+", "")
                .replace('[', '〔').replace(']', '〕').replace('【', '〔').replace('】', '〕')
                .replace('［', '〔').replace('］', '〕').replace('(', '〔').replace(')', '〕')
                .replace('（', '〔').replace('）', '〕').replace('號', '号');
    }
}
