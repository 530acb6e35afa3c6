/**
 * Environmental figures the platform computes by the standards (plan 二.5): the daily air quality index (AQI, IAQI,
 * level, 首要污染物, 超标污染物) under the HJ 633 rule set in force each day ({@code reference/aqi-rules.yaml}); the
 * quality of surface-water sections and counties by GB 3838-2002 and 环办〔2011〕22号, and the monthly compliance of
 * centralised drinking-water sources ({@code reference/gb3838.yaml}). The standards' tables are data; the calculators
 * are plain classes over them. Also the pollution-source monitoring platform ({@link gongkai.environment.PollutionSources}):
 * the key-pollutant enterprises, their outlets and uploaded self-monitoring results, exceedances and late uploads.
 */
package gongkai.environment;
