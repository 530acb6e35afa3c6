package gongkai.requests;

import org.springframework.stereotype.Component;

import gongkai.requests.internal.RequestsProperties;

/**
 * 救济途径 (条例 第五十一条) against an organisation's handling of requests: who hears 行政复议 and the periods for it and
 * for 行政诉讼 — what the reply letter names and the organisation's 政府信息公开指南 states, from the same settings
 * ({@code gongkai.requests.remedies}: the reviewing body by default and per organisation where it differs, because
 * it is not certain for every body; README "Requests").
 */
@Component
public class Remedies {

    /**
     * @param reconsiderationBody who hears 行政复议 of the organisation's acts
     * @param reconsiderationDays days to apply for it
     * @param litigationMonths    months to sue (the court is the one with jurisdiction; not named here)
     */
    public record Terms(String reconsiderationBody, int reconsiderationDays, int litigationMonths) {
    }

    private final RequestsProperties properties;

    Remedies(RequestsProperties properties) {
        this.properties = properties;
    }

    public Terms of(String orgCode) {
        RequestsProperties.Remedies r = properties.remedies();
        return new Terms(r.reconsiderationBodyFor(orgCode), r.reconsiderationDays(), r.litigationMonths());
    }
}
