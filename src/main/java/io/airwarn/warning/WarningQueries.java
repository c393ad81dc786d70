package io.airwarn.warning;

import io.airwarn.core.ApiException;
import io.airwarn.core.WarningLevel;
import io.airwarn.notify.DeliveryReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Reading warnings for the API and the console: lists, one warning with its history, its delivery. */
@ApplicationScoped
public class WarningQueries {

    /** A warning with its history. */
    public record WarningView(Warning warning, List<WarningStore.Event> history) {

        /** The activations its approvals caused, oldest first. */
        public List<Long> activations() {
            return history.stream().map(WarningStore.Event::activationId).filter(Objects::nonNull).toList();
        }
    }

    private final WarningStore store;
    private final DeliveryReport delivery;

    WarningQueries(WarningStore store, DeliveryReport delivery) {
        this.store = store;
        this.delivery = delivery;
    }

    /** Newest first; null filters do not restrict. */
    /** A warning awaiting approval and when it was submitted. */
    public record Awaiting(Warning warning, OffsetDateTime since) {
    }

    /** Warnings awaiting approval, longest waiting first. */
    public Uni<List<Awaiting>> awaitingApproval() {
        return store.awaitingApproval();
    }

    public Uni<List<Warning>> list(String city, String state, Boolean exercise) {
        return store.list(city, state, exercise);
    }

    /**
     * Per unit, the warning in force at a level (a real one before an exercise, then the newest); exercises only when
     * {@code withExercises}.
     */
    public Uni<Map<String, Warning>> inForce(boolean withExercises) {
        Boolean exercise = withExercises ? null : false;
        return Uni.combine().all().unis(store.list(null, WarningState.ISSUED.name(), exercise),
                store.list(null, WarningState.CHANGE_SUBMITTED.name(), exercise)).asTuple().map(t -> {
                    Map<String, Warning> byUnit = new HashMap<>();
                    Stream.concat(t.getItem1().stream(), t.getItem2().stream())
                            .filter(w -> w.issuedLevel() != WarningLevel.NONE)
                            .sorted(Comparator.comparing(Warning::exercise)
                                    .thenComparing(Warning::id, Comparator.reverseOrder()))
                            .forEach(w -> byUnit.putIfAbsent(w.city(), w));
                    return byUnit;
                });
    }

    /** Whether an exercise is under way, which every console page says. */
    public Uni<Boolean> exerciseUnderWay() {
        return store.exerciseUnderWay();
    }

    /** @throws ApiException 404 if there is no such warning */
    public Uni<WarningView> view(long id) {
        return store.find(id).chain(w -> {
            if (w == null) {
                throw ApiException.notFound("no_warning", "warning " + id + " does not exist");
            }
            return store.events(id).map(events -> new WarningView(w, events));
        });
    }

    /** Per recipient type, where the messages of the warning's activations stand. */
    public Uni<Map<String, DeliveryReport.Summary>> delivery(long id) {
        return view(id).chain(v -> delivery.summary(v.activations()));
    }
}
