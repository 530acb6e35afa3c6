/**
 * What each body reports about its own disclosure work: the statutory annual report (条例 第四十九、五十条) in the
 * national format of 国办公开办函〔2021〕30号 — tables 二/三/四 from the data, the parts staff write or enter, the
 * consistency rules, publication through the three-step review, the page and its PDF — and each body's
 * 政府信息公开指南 (条例 第十二条).
 */
package gongkai.reporting;
