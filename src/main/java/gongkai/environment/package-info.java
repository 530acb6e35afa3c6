/**
 * Environmental figures the platform computes by the standards (plan 二.5): for now the daily air quality index
 * (AQI, IAQI, level, 首要污染物, 超标污染物) under the HJ 633 rule set in force each day, the rule sets being data
 * ({@code reference/aqi-rules.yaml}) with their dates of validity.
 */
package gongkai.environment;
