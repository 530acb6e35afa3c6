package gongkai.publishing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.privacy.Finding;
import gongkai.privacy.PersonalDataGuard;

/**
 * The privacy guard's suggested masking (应用遮蔽建议) applied to a working copy: what one click can mask is masked;
 * the rest is left for the editor to remove by hand.
 */
@Component
public class SuggestedMasking {

    private final EntryCheck entryCheck;
    private final PersonalDataGuard guard;
    private final RowsJson rowsJson;
    private final Catalog catalog;

    SuggestedMasking(EntryCheck entryCheck, PersonalDataGuard guard, RowsJson rowsJson, Catalog catalog) {
        this.entryCheck = entryCheck;
        this.guard = guard;
        this.rowsJson = rowsJson;
        this.catalog = catalog;
    }

    /** The masked copy and how many places were masked. */
    public record Masked(RecordEntity.WorkingCopy copy, int count) {
    }

    public Masked mask(RecordEntity record) {
        RecordEntity.WorkingCopy c = record.content();
        CatalogItem item = catalog.requireItem(record.getCatalogItem());
        int[] count = {0};
        String title = mask(c.title(), "标题", c.audience(), count);
        String summary = mask(c.summary(), "内容概述", c.audience(), count);
        String body = mask(c.body(), "正文", c.audience(), count);
        List<Map<String, String>> rows = new ArrayList<>();
        List<Map<String, String>> oldRows = rowsJson.read(c.dataJson());
        for (int r = 0; r < oldRows.size(); r++) {
            Map<String, String> row = new LinkedHashMap<>(oldRows.get(r));
            for (EntryCheck.Text t : entryCheck.texts(c, item, List.of(oldRows.get(r)))) {
                if (t.where().startsWith("数据")) {
                    String field = t.where().substring(t.where().indexOf('“') + 1, t.where().lastIndexOf('”'));
                    row.put(field, mask(t.text(), "数据第" + (r + 1) + "行“" + field + "”", c.audience(), count));
                }
            }
            rows.add(row);
        }
        return new Masked(c.withText(title, summary, body, rowsJson.write(rows)), count[0]);
    }

    private String mask(String text, String where, Audience audience, int[] count) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Finding> findings = entryCheck.findings(List.of(EntryCheck.Text.editable(where, text)), audience)
                .stream().filter(Finding::maskable).toList();
        count[0] += findings.size();
        return findings.isEmpty() ? text : guard.applySuggestions(text, findings);
    }
}
