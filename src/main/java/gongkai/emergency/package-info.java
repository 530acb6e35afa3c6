/**
 * Emergencies and relief (突发事件与救灾): the disaster warnings (预警) that emergency-response bodies publish at once and
 * a second person confirms, shown on every public page while in force and exported as CAP 1.2; and the relief-donation
 * campaigns with their append-only ledgers and running balances per category.
 */
package gongkai.emergency;
