package gongkai.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the footer of a Chinese government website carries ({@code gongkai.site.*}). Each item is left out of the
 * footer while it is unset: the real identifier, record number and mark are issued to the operator, not invented
 * here. The demo profile sets fictitious ones, marked 示例数据.
 *
 * @param identifierCode  网站标识码 issued under the 政府网站发展指引
 * @param icpNumber       ICP备案号, printed and linked to the MIIT record search
 * @param partyMarkUrl    where the 党政机关 mark (党政机关网站标识) leads, as the registration issues it
 * @param partyMarkImage  the mark's image (a path under the static files or an absolute URL); without one the
 *                        footer shows a text link
 * @param contactPhone    联系我们: phone
 * @param contactEmail    联系我们: e-mail
 * @param contactAddress  联系我们: postal address
 */
@ConfigurationProperties("gongkai.site")
record SiteProperties(@DefaultValue("") String identifierCode, @DefaultValue("") String icpNumber,
        @DefaultValue("") String partyMarkUrl, @DefaultValue("") String partyMarkImage,
        @DefaultValue("") String contactPhone, @DefaultValue("") String contactEmail,
        @DefaultValue("") String contactAddress) {

    /** Whether any way to contact the operator is set, so that the footer shows 联系我们 at all. */
    public boolean hasContact() {
        return !contactPhone.isBlank() || !contactEmail.isBlank() || !contactAddress.isBlank();
    }
}
