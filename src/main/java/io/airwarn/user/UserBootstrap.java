package io.airwarn.user;

import io.airwarn.audit.AuditLog;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * At startup: the bootstrap admin from {@code AIRWARN_ADMIN_PASSWORD} (user "admin"), and in demo mode the
 * documented demo users, so a newcomer can try the whole warning flow. Existing users are never overwritten.
 */
@ApplicationScoped
public class UserBootstrap {

    /** Demo users, one per role; the passwords are published in the README and only exist in demo mode. */
    static final List<UserStore.User> DEMO = List.of(
            demo("duty", "duty-demo", Roles.DUTY_OFFICER, "演示值班员 Demo duty officer"),
            demo("duty2", "duty2-demo", Roles.DUTY_OFFICER, "演示值班员二 Demo duty officer 2"),
            demo("approver", "approver-demo", Roles.APPROVER, "演示审批人 Demo approver (bureau head)"),
            demo("commander", "commander-demo", Roles.COMMANDER, "演示指挥长 Demo commander"),
            demo("viewer", "viewer-demo", Roles.VIEWER, "演示查看者 Demo viewer"),
            recipient("enterprise", Roles.ENTERPRISE, "演示企业用户 Demo enterprise user", "E220100-00001"),
            recipient("school", Roles.SCHOOL, "演示学校用户 Demo school user", "S220100-0001"),
            recipient("unit", Roles.UNIT, "演示责任单位用户 Demo responsible-unit user (Changchun EEB)", "eeb"));

    private final UserStore users;
    private final AirWarnConfig config;
    private final Optional<String> adminPassword;
    private final AuditLog audit;

    UserBootstrap(UserStore users, AirWarnConfig config, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.config = config;
        this.adminPassword = config.adminPassword();
    }

    private static UserStore.User demo(String name, String password, String role, String display) {
        return new UserStore.User(name, password, Set.of(role), display, true);
    }

    /** A demo user acting for a recipient of Changchun's sample plan. */
    private static UserStore.User recipient(String name, String role, String display, String recipientId) {
        return new UserStore.User(name, name + "-demo", Set.of(role), display, true,
                new UserStore.Recipient("220100", recipientId));
    }

    /** At startup: the bootstrap administrator and, in demo mode, the demo users. */
    public void createAtStartup() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (adminPassword.isPresent()) {
            chain = chain.chain(() -> create(new UserStore.User("admin", BcryptUtil.bcryptHash(adminPassword.get()),
                    Set.of(Roles.ADMIN), "Administrator", false)));
        }
        if (config.demo() || config.demoUsers()) {
            for (UserStore.User u : DEMO) {
                chain = chain.chain(() -> create(new UserStore.User(u.username(), BcryptUtil.bcryptHash(u.passwordHash()),
                        u.roles(), u.displayName(), true, u.recipient())));
            }
        }
        chain.await().atMost(Duration.ofMinutes(1));
    }

    /** Creates a user that does not exist yet, with an audit record (never the password hash). */
    private Uni<Void> create(UserStore.User user) {
        return users.createIfAbsent(user).chain(created -> created
                ? audit.append(new AuditLog.Entry("system", "user.create", "user", user.username(), null,
                        "roles " + user.roles() + (user.demo() ? ", demo user" : ""), "startup")).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }
}
