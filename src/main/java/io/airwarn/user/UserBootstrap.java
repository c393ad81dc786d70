package io.airwarn.user;

import io.airwarn.platform.AirWarnConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At startup: the bootstrap admin from {@code AIRWARN_ADMIN_PASSWORD} (user "admin"), and in demo mode the
 * documented demo users, so a newcomer can try the whole warning flow. Existing users are never overwritten.
 */
@ApplicationScoped
class UserBootstrap {

    /** Demo users, one per role; the passwords are published in the README and only exist in demo mode. */
    static final List<UserStore.User> DEMO = List.of(
            demo("duty", "duty-demo", Roles.DUTY_OFFICER, "演示值班员 Demo duty officer"),
            demo("duty2", "duty2-demo", Roles.DUTY_OFFICER, "演示值班员二 Demo duty officer 2"),
            demo("approver", "approver-demo", Roles.APPROVER, "演示审批人 Demo approver (bureau head)"),
            demo("commander", "commander-demo", Roles.COMMANDER, "演示指挥长 Demo commander"),
            demo("viewer", "viewer-demo", Roles.VIEWER, "演示查看者 Demo viewer"));

    private final UserStore users;
    private final AirWarnConfig config;
    private final Optional<String> adminPassword;

    UserBootstrap(UserStore users, AirWarnConfig config,
                  @ConfigProperty(name = "airwarn.admin-password") Optional<String> adminPassword) {
        this.users = users;
        this.config = config;
        this.adminPassword = adminPassword;
    }

    private static UserStore.User demo(String name, String password, String role, String display) {
        return new UserStore.User(name, password, Set.of(role), display, true);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) StartupEvent event) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (adminPassword.isPresent()) {
            chain = chain.chain(() -> users.createIfAbsent(new UserStore.User("admin",
                    BcryptUtil.bcryptHash(adminPassword.get()), Set.of(Roles.ADMIN), "Administrator", false))
                    .invoke(created -> Log.infof(created ? "created the bootstrap admin user" : "admin user exists"))
                    .replaceWithVoid());
        }
        if (config.demo() || config.demoUsers()) {
            for (UserStore.User u : DEMO) {
                chain = chain.chain(() -> users.createIfAbsent(new UserStore.User(u.username(),
                        BcryptUtil.bcryptHash(u.passwordHash()), u.roles(), u.displayName(), true)).replaceWithVoid());
            }
        }
        chain.await().atMost(Duration.ofMinutes(1));
    }
}
