/**
 * Administrative divisions (行政区划): the city, its counties and districts, the three special districts, townships
 * and villages, keyed by GB/T 2260 or statistical codes. Loaded from {@code reference/regions.csv} and
 * {@code townships.csv}; an admin of the city office can rename a region or add villages.
 */
package gongkai.region;
