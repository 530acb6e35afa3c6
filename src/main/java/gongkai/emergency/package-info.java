/**
 * Emergencies and relief (突发事件与救灾): the disaster warnings (预警) that emergency-response bodies publish at once and
 * a second person confirms, shown on the public pages they concern while in force and exported as CAP 1.2; declared
 * emergencies with their public timelines, each update a disclosure record published through 三审 or, when urgent,
 * at once under the same {@link gongkai.emergency.FastPath} rule as warnings; and the relief-donation campaigns that
 * answer them, with append-only ledgers and running balances per category.
 */
package gongkai.emergency;
