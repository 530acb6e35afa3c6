/**
 * Environmental figures the platform computes by the standards (plan 二.5): the daily air quality index (AQI, IAQI,
 * level, 首要污染物, 超标污染物) under the HJ 633 rule set in force each day ({@code reference/aqi-rules.yaml}); the
 * quality of surface-water sections and counties by GB 3838-2002 and 环办〔2011〕22号, and the monthly compliance of
 * centralised drinking-water sources ({@code reference/gb3838.yaml}). The standards' tables are data; the calculators
 * are plain classes over them. It also owns the EIA cases (建设项目环境影响评价“三公开”, {@link gongkai.environment.EiaCases}):
 * a project's three notices in order, each an {@code en-eia} record through 三审, and the public's comments on them.
 * Also the pollution-source monitoring platform ({@link gongkai.environment.PollutionSources}):
 * the key-pollutant enterprises, their outlets and uploaded self-monitoring results, exceedances and late uploads.
 */
package gongkai.environment;
