package gongkai.feedback;

import java.time.LocalDate;

/**
 * A draft policy put out for comment (the body of {@code POST /api/v1/consultations}).
 *
 * @param draft    the text of the draft (plain text; paragraphs by line breaks)
 * @param opensOn  the first day comments are taken
 * @param closesOn the last day comments are taken (Beijing time)
 * @param org      the code of the organisation consulting
 */
public record NewConsultation(String title, String draft, LocalDate opensOn, LocalDate closesOn, String org) {
}
