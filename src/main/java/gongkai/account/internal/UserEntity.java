package gongkai.account.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import gongkai.account.UserAccount;
import gongkai.shared.Role;

@Entity
@Table(name = "account_user")
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private String orgCode;
    private boolean enabled = true;
    private Instant passwordChangedAt;
    /** Set when someone else chose the password (an initial password); cleared when the user changes it. */
    private boolean mustChangePassword;
    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected UserEntity() {
    }

    public UserEntity(String username, String passwordHash, String displayName, String orgCode, Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.orgCode = orgCode;
        this.roles = new HashSet<>(roles);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
        this.passwordChangedAt = createdAt;
    }

    public UserAccount toAccount() {
        return new UserAccount(id, username, displayName, orgCode, roles, enabled, createdAt);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> getRoles() {
        return Role.inOrder(roles);
    }

    /** The user sets their own password: an initial one no longer needs changing. */
    public void changeOwnPassword(String hash) {
        changePassword(hash);
        this.mustChangePassword = false;
    }

    /** The password was chosen by someone else and must be changed at the next sign-in. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public void changePassword(String hash) {
        this.passwordHash = hash;
        this.passwordChangedAt = Instant.now();
        this.updatedAt = passwordChangedAt;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        this.updatedAt = Instant.now();
    }

    public void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
        this.updatedAt = Instant.now();
    }
}
