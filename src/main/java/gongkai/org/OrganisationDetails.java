package gongkai.org;

import jakarta.validation.constraints.Size;

/**
 * What an organisation's admin may amend: the public contacts — the responsible leader, the liaison and the office
 * that handles requests (受理机构) — and the credit code. Blank means "not recorded".
 */
public record OrganisationDetails(
        @Size(max = 50, message = "分管领导姓名不能超过50个字") String leaderName,
        @Size(max = 100, message = "分管领导职务不能超过100个字") String leaderPost,
        @Size(max = 50, message = "联络员姓名不能超过50个字") String liaisonName,
        @Size(max = 40, message = "联络员电话不能超过40个字符") String liaisonPhone,
        @Size(max = 200, message = "联络员电子邮箱不能超过200个字符") String liaisonEmail,
        @Size(max = 200, message = "受理机构名称不能超过200个字") String handlingOffice,
        @Size(max = 300, message = "办公地址不能超过300个字") String address,
        @Size(max = 200, message = "办公时间不能超过200个字") String officeHours,
        @Size(max = 40, message = "办公电话不能超过40个字符") String officePhone,
        @Size(max = 40, message = "传真号码不能超过40个字符") String fax,
        @Size(max = 6, message = "邮政编码应为6位数字") String postcode,
        @Size(max = 200, message = "受理机构电子邮箱不能超过200个字符") String officeEmail,
        @Size(max = 18, message = "统一社会信用代码应为18位") String creditCode) {

    public static OrganisationDetails of(Organisation o) {
        Organisation.Office office = o.office();
        return new OrganisationDetails(o.leader().name(), o.leader().post(), o.liaison().name(), o.liaison().phone(),
                o.liaison().email(), office.name(), office.address(), office.hours(), office.phone(), office.fax(),
                office.postcode(), office.email(), o.creditCode() == null ? "" : o.creditCode());
    }
}
