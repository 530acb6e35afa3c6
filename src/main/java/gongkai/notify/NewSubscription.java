package gongkai.notify;

import java.util.List;

/**
 * A subscription as asked for on {@code /subscribe} or {@code POST /api/v1/subscriptions}. Empty lists mean "all":
 * a subscription that names no field gets every field. The lists narrow each other: 社会救助 in 袁州区 is
 * {@code domains=[social-assistance], regions=[360902]}.
 *
 * @param channel   EMAIL, SMS, WECHAT or WEBHOOK
 * @param address   an e-mail address, a mainland mobile number, a WeChat openid, or an http(s) URL
 * @param domains   field codes of the catalogue (poverty-alleviation, social-assistance, education, health,
 *                  environment, disaster-relief, culture-sports)
 * @param regions   region codes, down to townships
 * @param items     catalogue item codes
 * @param orgs      organisation codes
 * @param frequency IMMEDIATE (default) or DIGEST
 * @param secret    for a webhook, the secret its messages are signed with (16 to 200 characters)
 */
public record NewSubscription(ChannelKind channel, String address, List<String> domains, List<String> regions,
        List<String> items, List<String> orgs, Frequency frequency, String secret) {

    public NewSubscription {
        domains = clean(domains);
        regions = clean(regions);
        items = clean(items);
        orgs = clean(orgs);
        address = address == null ? null : address.strip();
        frequency = frequency == null ? Frequency.IMMEDIATE : frequency;
    }

    private static List<String> clean(List<String> codes) {
        return codes == null ? List.of()
                : codes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
    }
}
