package io.airwarn.user;

import io.airwarn.core.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A user an administrator asks to create. Staff users have staff roles only; an enterprise, school or unit user has
 * exactly one recipient role and names the recipient (a unit's plan and an id in it) it acts for.
 */
public record NewUser(String username, String password, String displayName, Set<String> roles,
                      UserStore.Recipient recipient) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int MIN_PASSWORD = 12;

    /** Why the password is too weak: shorter than 12 characters, one character repeated, or the user name. */
    Optional<String> passwordProblem() {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("password: at least " + MIN_PASSWORD + " characters");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("password: not one character repeated");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("password: must not be the user name");
        }
        return Optional.empty();
    }

    /** Every problem with the request; {@code recipientExists} checks a unit's plan for a recipient id. */
    public List<String> problems(BiPredicate<String, String> recipientExists) {
        List<String> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add("username: 3 to 64 characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        passwordProblem().ifPresent(problems::add);
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            problems.add("displayName: required, at most 200 characters");
        }
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
            problems.add("roles: one or more of " + Roles.ALL);
            return problems;
        }
        long recipientRoles = roles.stream().filter(Roles.RECIPIENTS::contains).count();
        if (recipientRoles > 0 && roles.size() > 1) {
            problems.add("roles: an enterprise, school or unit user has that one role only");
        } else if (recipientRoles == 1 && (recipient == null || recipient.unit() == null || recipient.id() == null)) {
            problems.add("recipient: an enterprise, school or unit user needs {\"unit\": ..., \"id\": ...}");
        } else if (recipientRoles == 1 && !recipientExists.test(recipient.unit(), recipient.id())) {
            problems.add("recipient: unit " + recipient.unit() + "'s plan has no recipient " + recipient.id());
        } else if (recipientRoles == 0 && recipient != null) {
            problems.add("recipient: only enterprise, school and unit users act for a recipient");
        }
        return problems;
    }
}
