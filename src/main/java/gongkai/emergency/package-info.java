/**
 * Emergencies and relief (应急与救灾): relief-donation campaigns with their append-only ledgers and running balances
 * per category.
 */
package gongkai.emergency;
