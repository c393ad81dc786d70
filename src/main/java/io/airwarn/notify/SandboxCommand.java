package io.airwarn.notify;

import io.airwarn.core.DataDirectory;
import io.airwarn.core.SandboxAccount;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandbox --port 8099}: the Twilio-compatible sandbox gateway as its own process. Point AirWarn at it with
 * {@code AIRWARN_TWILIO_BASE_URL=http://127.0.0.1:8099}; both take the account from AIRWARN_TWILIO_ACCOUNT_SID and
 * AIRWARN_TWILIO_AUTH_TOKEN, or, unset, from the same AIRWARN_DATA_DIR (the installation's own sandbox account).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the Twilio-compatible sandbox SMS gateway on its own port until stopped.")
public class SandboxCommand implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port = 8099;

    @Option(names = "--host", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Override
    public Integer call() throws Exception {
        SandboxAccount.Credentials account = SandboxAccount.of(DataDirectory.path());
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        SandboxServer server;
        try {
            server = new SandboxServer(host, port, account.accountSid(), account.authToken()).start();
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        System.out.printf("sandbox gateway listening on http://%s:%d (account %s; messages stay here, no phone "
                + "receives them)%n", host, server.port(), account.accountSid());
        System.out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
