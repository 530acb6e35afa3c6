package gongkai.support;

import java.util.EnumSet;

import gongkai.shared.Actor;
import gongkai.shared.Role;

/** Three people of one organisation for the three-step review, as actors (no accounts needed). */
public record Staff(Actor editor, Actor reviewer, Actor approver) {

    public static Staff of(String org) {
        String tag = Long.toString(System.nanoTime(), 36);
        return new Staff(new Actor("editor-" + tag, org, EnumSet.of(Role.EDITOR), false),
                new Actor("reviewer-" + tag, org, EnumSet.of(Role.REVIEWER), false),
                new Actor("approver-" + tag, org, EnumSet.of(Role.APPROVER), false));
    }
}
