package dev.resilient.backend.resilience;

import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;

/**
 * Whom a downstream call is made for and by when its answer is due. Created once per user request
 * (from the endpoint's time budget) or per job run, then passed as a value down to the guard: a
 * service that must keep time for a fallback passes on a narrower copy ({@link Deadlines}), never
 * changes the one it was given. The caller's identity is here so that per-user and per-criticality
 * decisions can be made where the call is admitted.
 *
 * @param user     the user the call is made for; null for the backend's own work
 * @param endpoint the endpoint or job whose budget applies, for logs (e.g. {@code search}, {@code ingestion})
 * @param deadline when the answer is due; {@link Deadline#NONE} without one
 * @param criticality how much the work matters under overload, sent to the downstream beside the deadline
 * @param admission   the user request's hold on the front door's limit, which it leaves while it waits on a
 *                    downstream ({@link #awayOnDownstream()}); null for work the front door did not admit
 */
public record Caller(String user, String endpoint, Deadline deadline, Criticality criticality,
        AdmissionGate.Permit admission) {

    private static final AdmissionGate.Return NOT_AWAY = () -> { };

    /** A caller outside the front door's count (the backend's own work, tests). */
    public Caller(String user, String endpoint, Deadline deadline, Criticality criticality) {
        this(user, endpoint, deadline, criticality, null);
    }

    /**
     * Work of the backend itself (an ingestion job): no deadline, every policy timeout applies;
     * sheddable, as the submissions it comes from.
     */
    public static Caller background(String user, String what) {
        return new Caller(user, what, Deadline.NONE, Criticality.SHEDDABLE);
    }

    /** The same caller with {@code narrower} as its deadline. */
    public Caller within(Deadline narrower) {
        return new Caller(user, endpoint, narrower, criticality, admission);
    }

    /**
     * Takes the user request out of the front door's count until the answer is closed: the guarded call
     * ({@link BudgetedInterceptor}) does it for as long as it waits on its downstream, whose own
     * adaptive limit ({@link ConcurrencyLimits}) bounds those waits.
     */
    public AdmissionGate.Return awayOnDownstream() {
        return admission == null ? NOT_AWAY : admission.stepOut();
    }
}
