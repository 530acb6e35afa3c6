package gongkai.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

/**
 * What a visitor asks: words, optional facet filters, the advanced options, the order, and a page (or, for date
 * order, a cursor that pages deep without drifting).
 *
 * @param order     {@code relevance} (default: best match, fresher first among equals) or {@code date}
 * @param cursor    from a previous date-ordered answer's {@code nextCursor}; overrides {@code page}
 * @param titleOnly the words must occur in the title
 * @param from      first day of publication, inclusive, China time; null = no lower bound
 * @param to        last day of publication, inclusive, China time; null = no upper bound; never before {@code from}
 * @param kind      a {@link DocumentKind} code
 */
public record SearchQuery(String q, String domain, String org, String region, Integer year, String item,
        String subjectClass, String order, int page, String cursor, boolean titleOnly, LocalDate from, LocalDate to,
        String kind) {

    /** Year, month and day, as a date input sends them (also with / or . between, and without leading zeros). */
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

    public SearchQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputProblem(List.of(reversed(from, to)));
        }
    }

    /** Without the advanced options. */
    public SearchQuery(String q, String domain, String org, String region, Integer year, String item,
            String subjectClass, String order, int page, String cursor) {
        this(q, domain, org, region, year, item, subjectClass, order, page, cursor, false, null, null, null);
    }

    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, null, null, null, null, 0, null);
    }

    /** Publication dates as typed: both read at once, so that every bad one is named. */
    public record Dates(LocalDate from, LocalDate to) {

        /**
         * Blank is no bound. Anything else that is not a day of the calendar is refused, naming the field
         * ({@code from}: 起始日期, {@code to}: 截止日期), rather than ignored: a range silently dropped would show
         * results the visitor did not ask for. So is a range that ends before it starts.
         */
        public static Dates parse(String from, String to) {
            List<InvalidInputProblem.FieldError> errors = new ArrayList<>();
            LocalDate first = date("from", "起始日期", from, errors);
            LocalDate last = date("to", "截止日期", to, errors);
            if (errors.isEmpty() && first != null && last != null && last.isBefore(first)) {
                errors.add(reversed(first, last));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputProblem(errors);
            }
            return new Dates(first, last);
        }

        private static LocalDate date(String field, String name, String text,
                List<InvalidInputProblem.FieldError> errors) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String typed = text.strip();
            Matcher m = DATE.matcher(typed);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    // Not a day of the calendar (2026-13-45, 2026-02-30): refused below.
                }
            }
            String shown = typed.length() > 20 ? typed.substring(0, 20) + "…" : typed;
            errors.add(new InvalidInputProblem.FieldError(field,
                    name + "“" + shown + "”不是有效的日期，请按“年-月-日”填写，例如2026-01-31。"));
            return null;
        }
    }

    private static InvalidInputProblem.FieldError reversed(LocalDate from, LocalDate to) {
        return new InvalidInputProblem.FieldError("to", "截止日期（" + to + "）早于起始日期（" + from + "），请调换或修改。");
    }

    public boolean byDate() {
        return "date".equalsIgnoreCase(order);
    }

    /** The first instant of {@code from}, China time; null without a lower bound. */
    public Instant publishedFrom() {
        return from == null ? null : from.atStartOfDay(PlatformConfiguration.CHINA).toInstant();
    }

    /** The first instant after {@code to}, China time; null without an upper bound. */
    public Instant publishedBefore() {
        return to == null ? null : to.plusDays(1).atStartOfDay(PlatformConfiguration.CHINA).toInstant();
    }

    /** The same query, first page, without one facet's filter (domain, org, region, year, item, subjectClass, kind). */
    public SearchQuery without(String facet) {
        return new SearchQuery(q, "domain".equals(facet) ? null : domain, "org".equals(facet) ? null : org,
                "region".equals(facet) ? null : region, "year".equals(facet) ? null : year,
                "item".equals(facet) ? null : item, "subjectClass".equals(facet) ? null : subjectClass, order, 0, null,
                titleOnly, from, to, "kind".equals(facet) ? null : kind);
    }

    /** The same words and order, first page, without any filter or advanced option. */
    public SearchQuery withoutFilters() {
        return new SearchQuery(q, null, null, null, null, null, null, order, 0, null);
    }

    /** Whether any filter or advanced option narrows the words' matches. */
    public boolean filtered() {
        return present(domain) || present(org) || present(region) || year != null || present(item)
                || present(subjectClass) || titleOnly || from != null || to != null || present(kind);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
