package gongkai.environment;

/**
 * 重点排污单位: an enterprise on the key-pollutant list, known by its 统一社会信用代码, with the account organisation
 * its people sign in for.
 *
 * @param demo true for fictitious demo data (示例数据)
 */
public record Enterprise(String creditCode, String orgCode, String name, String regionCode, String regionName,
        String industry, boolean demo) {
}
