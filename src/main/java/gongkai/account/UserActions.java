package gongkai.account;

/**
 * What the signed-in admin may do with one user, each with the reason when not: the pages offer exactly what the
 * service would accept, and the API refuses with the same reason.
 */
public record UserActions(Permission changeRoles, Permission resetPassword, Permission disable, Permission enable) {

    /** Yes, or no with a reason in Chinese. */
    public record Permission(boolean allowed, String reason) {

        public static final Permission YES = new Permission(true, null);

        public static Permission no(String reason) {
            return new Permission(false, reason);
        }
    }
}
