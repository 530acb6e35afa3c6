package gongkai.account;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import gongkai.account.internal.UserRepository;
import gongkai.org.Organisations;
import gongkai.shared.Actor;

/**
 * The one lookup from a username to the name staff read in a history: the person's name, with their organisation's
 * name when it is not the reader's own. Templates ask {@code ${@staffNames.of(u)}} (the fragment
 * {@code account/staff :: name(u)} also puts the username in a tooltip). Looked up once per request and username, so
 * a renamed or moved user shows correctly on the next page. Back office only: residents and applicants are not staff
 * and keep what their module shows.
 */
@Component("staffNames")
public class StaffNames {

    private static final String CACHE = StaffNames.class.getName();

    private final UserRepository users;
    private final Organisations organisations;

    StaffNames(UserRepository users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    /** The name to show for a username; the username itself when no user has it (an import, a removed account). */
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if ("system".equals(username)) {
            return "系统";
        }
        String readerOrg = Actor.current().map(Actor::orgCode).orElse(null);
        Map<String, String> cache = requestCache();
        String key = readerOrg + "|" + username;
        if (cache != null && cache.containsKey(key)) {
            return cache.get(key);
        }
        String name = users.findByUsername(username).map(u -> {
            String display = u.toAccount().displayName();
            return u.getOrgCode().equals(readerOrg) ? display
                    : display + "（" + organisations.find(u.getOrgCode()).map(o -> o.name()).orElse(u.getOrgCode())
                            + "）";
        }).orElse(username);
        if (cache != null) {
            cache.put(key, name);
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> requestCache() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object cache = attributes.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<String, String>();
            attributes.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) cache;
    }
}
