package io.airwarn.compliance.hj212;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A handler that knows the devices it is given, keeps what it receives, and throws for the MNs it is told to. */
final class FakeHandler implements Hj212Handler {

    record Refused(String mn, String remote, Refusal refusal) {
    }

    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final Queue<Message> accepted = new ConcurrentLinkedQueue<>();
    final Queue<Refused> refused = new ConcurrentLinkedQueue<>();
    /** MNs whose device check throws; "accept MN": whose accept throws. */
    final Map<String, Boolean> throwing = new ConcurrentHashMap<>();

    FakeHandler register(String mn, String pw) {
        passwords.put(mn, pw);
        return this;
    }

    @Override
    public Check device(String mn, String pw) {
        if (throwing.containsKey(mn)) {
            throw new IllegalStateException("the registry is down (test)");
        }
        String known = passwords.get(mn);
        return known == null ? Check.UNKNOWN_MN : known.equals(pw) ? Check.OK : Check.WRONG_PW;
    }

    @Override
    public CompletionStage<Void> accept(Message message, String remote) {
        if (throwing.containsKey("accept " + message.mn())) {
            throw new IllegalStateException("the database is down (test)");
        }
        accepted.add(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void refused(String mn, String remote, Refusal refusal) {
        refused.add(new Refused(mn, remote, refusal));
    }

    List<Refusal.Reason> reasons() {
        return refused.stream().map(r -> r.refusal().reason()).toList();
    }
}
