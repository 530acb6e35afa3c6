package gongkai.account.internal;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.AuditTrail;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * First start: creates {@code admin} (all roles, in the city government office) with the password from
 * {@code GONGKAI_ADMIN_PASSWORD}, or a random one printed once in the log. There is no default password.
 */
@Component
@Order(100)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final GongkaiProperties properties;
    private final AuditTrail audit;
    private final String configuredPassword;

    AdminBootstrap(UserRepository users, PasswordEncoder encoder, GongkaiProperties properties, AuditTrail audit,
            @Value("${GONGKAI_ADMIN_PASSWORD:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByUsername("admin")) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        users.save(new UserEntity("admin", encoder.encode(password), "系统管理员", properties.cityOffice(),
                Role.staff()));
        audit.record("user.create", "user", "admin", "首次启动创建管理员账号");
        if (generated) {
            log.warn("Created user 'admin' with the generated password: {}  (shown this once; set "
                    + "GONGKAI_ADMIN_PASSWORD before the first start to choose it, and change it after signing in)",
                    password);
        } else {
            log.info("Created user 'admin' with the password from GONGKAI_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
