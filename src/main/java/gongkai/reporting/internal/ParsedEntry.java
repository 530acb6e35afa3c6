package gongkai.reporting.internal;

import java.math.BigDecimal;
import java.util.Map;

import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportSection;

/**
 * A {@link gongkai.reporting.ReportEntry} checked and read: only the parts given, to be changed.
 *
 * @param figures     a figure given empty is cleared: present with a null value
 * @param appealsJson the cases entered, as stored; null when not given
 */
record ParsedEntry(Map<ReportSection, String> sections, Map<EnteredFigure, BigDecimal> figures,
        Map<EnteredFigure, String> sources, String appealsJson) {
}
