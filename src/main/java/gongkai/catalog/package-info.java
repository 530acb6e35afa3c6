/**
 * The disclosure catalogue (目录体系): the seven domains of the plan, their items with owner, audience, schedule,
 * basis and channels, and the schema of each item's structured data. Loaded from {@code reference/catalog.yaml};
 * item codes are stable identifiers. The city office's admin amends it in the back office, audited.
 */
package gongkai.catalog;
