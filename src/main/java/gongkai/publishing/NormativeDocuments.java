package gongkai.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.publishing.internal.NormativeRow;
import gongkai.publishing.internal.PublicationFactsRepository;
import gongkai.shared.PlatformConfiguration;

/**
 * 规章 and 行政规范性文件 as table 二 of the annual report (国办公开办函〔2021〕30号) counts them: issued, repealed and
 * in force, from the published records' document category, term of validity (有效期至) and 有效性.
 */
@Service
@Transactional(readOnly = true)
public class NormativeDocuments {

    private static final List<DocumentCategory> COUNTED = List.of(DocumentCategory.REGULATION,
            DocumentCategory.NORMATIVE);

    private final PublicationFactsRepository facts;

    NormativeDocuments(PublicationFactsRepository facts) {
        this.facts = facts;
    }

    /**
     * The year's figures of the bodies' 规章 and 行政规范性文件, both categories always present. Counted are the records
     * published by one of {@code orgCodes} that are out now (published or being revised, not withdrawn: a withdrawn
     * record was published in error), with the category, term and 有效性 of their current published version:
     * <ul>
     * <li>issued: first published within the year (the date of the first publication in Asia/Shanghai);
     * <li>repealed: ceased to be in force within the year — repealed (有效性 已废止) with effect from a day in the
     * year, or expired, its last day of validity falling from 31 December of the year before to 30 December of
     * this one (it ceases the next day); a document ceases once, on the earlier of the two;
     * <li>in force: first published by 31 December and neither repealed with effect by then nor expired before then
     * (有效期至 on or after 31 December).
     * </ul>
     * So each year's in force is the last year's plus issued minus repealed, for documents published by then. One
     * aggregate query.
     */
    public Map<DocumentCategory, NormativeFigures> figures(Collection<String> orgCodes, int year) {
        Map<DocumentCategory, NormativeFigures> figures = new EnumMap<>(DocumentCategory.class);
        COUNTED.forEach(c -> figures.put(c, NormativeFigures.NONE));
        if (orgCodes.isEmpty()) {
            return figures;
        }
        LocalDate last = LocalDate.of(year, 12, 31);
        for (NormativeRow row : facts.normative(orgCodes, COUNTED, startOf(year), startOf(year + 1), last,
                last.minusYears(1), Validity.REPEALED, RecordStatus.WITHDRAWN)) {
            figures.put(row.category(), new NormativeFigures(row.issued().intValue(), row.repealed().intValue(),
                    row.inForce().intValue()));
        }
        return figures;
    }

    private static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(PlatformConfiguration.CHINA).toInstant();
    }
}
