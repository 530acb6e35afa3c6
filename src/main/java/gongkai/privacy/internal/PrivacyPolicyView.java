package gongkai.privacy.internal;

import java.util.Arrays;
import java.util.List;

import gongkai.privacy.MaskingPolicy;
import gongkai.privacy.MaskingRule;
import gongkai.privacy.PersonalDataKind;

/**
 * The published privacy policy: what the guard looks for before anything is public, and how each kind of personal
 * information is masked. The page and the API show the same.
 */
public record PrivacyPolicyView(List<Detected> detected, List<MaskingRule> rules) {

    /** One kind of personal data the guard looks for, and how it recognises it. */
    public record Detected(PersonalDataKind kind, String label, String recognisedBy) {
    }

    public static PrivacyPolicyView current() {
        return new PrivacyPolicyView(Arrays.stream(PersonalDataKind.values())
                .map(k -> new Detected(k, k.label(), k.recognisedBy())).toList(), MaskingPolicy.rules());
    }
}
