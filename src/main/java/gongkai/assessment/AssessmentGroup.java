package gongkai.assessment;

import gongkai.org.OrganisationKind;

/**
 * Who is assessed together: the government bodies (the annual appraisal, plan 三.4) and, apart from them, the public
 * institutions and social organisations whose disclosure the city office evaluates (plan 三.5).
 */
public enum AssessmentGroup {
    GOVERNMENT("政府信息公开工作考核", "市直部门和县（市、区）人民政府、功能区管委会"),
    INSTITUTIONS("公共企事业单位和社会组织信息公开评议", "公共企事业单位和社会组织（慈善组织）");

    private final String title;
    private final String members;

    AssessmentGroup(String title, String members) {
        this.title = title;
        this.members = members;
    }

    public String title() {
        return title;
    }

    public String members() {
        return members;
    }

    public boolean includes(OrganisationKind kind) {
        boolean institution = kind == OrganisationKind.PUBLIC_INSTITUTION
                || kind == OrganisationKind.SOCIAL_ORGANISATION;
        if (!kind.disclosesInformation()) {
            return false;
        }
        return this == INSTITUTIONS ? institution : !institution && kind != OrganisationKind.GOVERNMENT_OFFICE;
    }
}
