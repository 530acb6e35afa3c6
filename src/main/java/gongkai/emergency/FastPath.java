package gongkai.emergency;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/**
 * The fast path of 突发事件应对法, one rule for warnings and for urgent emergency updates alike: an APPROVER of an
 * emergency-response body ({@code gongkai.emergency.warning-bodies}) publishes at once, without 三审, and a second
 * person of the same body (an APPROVER or REVIEWER who did not publish it) confirms it afterwards.
 */
@Component
public class FastPath {

    private final Organisations organisations;
    private final List<String> bodies;

    FastPath(Organisations organisations,
            @Value("${gongkai.emergency.warning-bodies:ycsyjj,yzqzf,fxxzf,wzxzf,sgxzf,yfxzf,jaxzf,tgxzf,fcszf,zsszf,gaszf}")
            List<String> bodies) {
        this.organisations = organisations;
        this.bodies = bodies.stream().map(String::strip).filter(b -> !b.isEmpty()).toList();
    }

    /** The emergency-response bodies, in the configured order. */
    public List<Organisation> bodies() {
        return bodies.stream().map(organisations::find).flatMap(Optional::stream).toList();
    }

    public boolean isBody(String orgCode) {
        return orgCode != null && bodies.contains(orgCode);
    }

    /** Whether the actor may publish at once for their own organisation: an APPROVER of a response body. */
    public boolean mayPublishAtOnce(Actor actor) {
        return actor != null && isBody(actor.orgCode()) && actor.has(Role.APPROVER);
    }

    /** Whether the actor works a response body's desk: its APPROVERs and REVIEWERs. */
    public boolean mayOpenDesk(Actor actor) {
        return actor != null && isBody(actor.orgCode()) && (actor.has(Role.APPROVER) || actor.has(Role.REVIEWER));
    }

    /** Why the actor may not publish at once, or null when they may. */
    public String publishRefusal(Actor actor, String what) {
        if (mayPublishAtOnce(actor)) {
            return null;
        }
        return "只有应急响应机构（" + String.join("、", bodies().stream().map(Organisation::name).toList())
                + "）的审批人员可以" + what + "。";
    }

    /**
     * Why the actor may not confirm what {@code publishedBy} published at once for {@code org}, or null when they
     * may: someone else of that body, an APPROVER or a REVIEWER, and only once.
     */
    public String confirmRefusal(Actor actor, String org, String publishedBy, String confirmedBy, String what) {
        if (confirmedBy != null) {
            return "该" + what + "已由" + confirmedBy + "复核确认。";
        }
        if (actor == null || !(actor.canActFor(org, Role.APPROVER) || actor.canActFor(org, Role.REVIEWER))) {
            return "只有" + organisations.find(org).map(Organisation::name).orElse(org) + "的审批或审核人员可以复核确认该"
                    + what + "。";
        }
        if (actor.username().equals(publishedBy)) {
            return "发布人不能复核确认自己发布的" + what + "，须由另一人确认。";
        }
        return null;
    }
}
