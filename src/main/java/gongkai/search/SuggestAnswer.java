package gongkai.search;

import java.util.List;

/**
 * Suggestions for what is being typed in a search box: catalogue items, organisations and record titles, at most
 * {@link SearchSuggestions#AT_MOST}, each with the address of its page.
 *
 * @param q the input as it was read (control characters dropped, spaces collapsed, cut at
 *          {@link SearchSuggestions#MAX_LENGTH} characters)
 */
public record SuggestAnswer(String q, List<Suggestion> suggestions) {

    /**
     * One suggestion.
     *
     * @param type      {@code item} (目录事项), {@code org} (机构) or {@code record} (a published record)
     * @param typeLabel the type as the list shows it
     * @param text      the item's or organisation's name, or the record's title
     * @param note      a line under it, or null: the domain of an item, the form of an organisation's name that
     *                  matched when it is not the current name, the publisher and date of a record
     * @param url       the page to go to, a path on this site
     */
    public record Suggestion(String type, String typeLabel, String text, String note, String url) {
    }
}
