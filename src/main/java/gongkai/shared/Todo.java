package gongkai.shared;

/**
 * 待办: how many things wait for the signed-in person in one queue, and the list that shows exactly those.
 *
 * @param area  the dashboard the count belongs to ({@link TodoSource} constants), so each module's page shows its own
 * @param label what waits, in Chinese (待审核, 即将到期…)
 * @param count how many
 * @param link  the back-office list filtered to exactly these
 */
public record Todo(String area, String label, long count, String link) {
}
