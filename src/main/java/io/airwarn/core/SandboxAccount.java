package io.airwarn.core;

import java.nio.file.Path;

/**
 * The built-in sandbox gateway's account when no Twilio account is configured: made at random per installation and
 * kept in the data directory, so nobody can read the sandbox's messages or forge its signed callbacks with
 * credentials printed in the source.
 */
public final class SandboxAccount {

    public static final String SID_VARIABLE = "AIRWARN_TWILIO_ACCOUNT_SID";
    public static final String TOKEN_VARIABLE = "AIRWARN_TWILIO_AUTH_TOKEN";

    private SandboxAccount() {
    }

    public record Credentials(String accountSid, String authToken) {
        @Override
        public String toString() {
            return "Credentials[" + accountSid + ", token hidden]";
        }
    }

    /** The account from the environment, else the installation's own from {@code dataDir}. */
    public static Credentials of(Path dataDir) {
        return new Credentials(
                InstallationSecrets.fromEnvironmentOr(SID_VARIABLE, dataDir.resolve("sandbox-account-sid"),
                        "AC" + InstallationSecrets.randomHex(16)),
                InstallationSecrets.fromEnvironmentOr(TOKEN_VARIABLE, dataDir.resolve("sandbox-auth-token"),
                        InstallationSecrets.randomHex(16)));
    }

    /** Hands the account to the application's configuration ({@code airwarn.twilio.*}). */
    public static void configure(Path dataDir) {
        Credentials c = of(dataDir);
        System.setProperty("airwarn.twilio.account-sid", c.accountSid());
        System.setProperty("airwarn.twilio.auth-token", c.authToken());
    }
}
