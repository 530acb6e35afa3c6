package gongkai.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A formal letter to one person (告知书, 通知书): an A4 page or more with the title, a reference line, the addressee,
 * numbered-free paragraphs, and the sender and date at the foot. The caller writes every word; the printer lays it out.
 *
 * @param title      e.g. "政府信息公开申请答复告知书"
 * @param reference  the line under the title, e.g. "申请编号：SQ2026-000001"; may be blank
 * @param addressee  the salutation line, e.g. "张三："
 * @param paragraphs the body, one paragraph each, printed with a first-line indent
 * @param sender     the organisation that signs it
 * @param datedOn    the date it is dated
 * @param demo       fictitious data: every page says 示例数据
 */
public record PrintableLetter(String title, String reference, String addressee, List<String> paragraphs,
        String sender, LocalDate datedOn, boolean demo) {

    public PrintableLetter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(addressee, "addressee");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(datedOn, "datedOn");
        reference = reference == null ? "" : reference.strip();
        paragraphs = paragraphs.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }
}
