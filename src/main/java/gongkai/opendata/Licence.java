package gongkai.opendata;

/**
 * The licence every dataset is offered under ({@code gongkai.opendata.licence.*}).
 *
 * @param id    the CKAN licence id, e.g. {@code cc-by-4.0}
 * @param title its name as a reader sees it
 * @param url   where its text is
 */
public record Licence(String id, String title, String url) {
}
