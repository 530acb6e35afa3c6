/**
 * Working days (工作日): weekends, the public holidays (放假) and the adjusted working days (调休上班) of the State
 * Council's yearly notices. It owns the {@code calendar_day} table, loads it from {@code reference/holidays-cn.csv},
 * lets the city office's admin amend it, and is the one place where statutory periods in working days are counted.
 */
package gongkai.calendar;
