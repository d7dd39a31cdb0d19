package dev.resilient.backend.rest;

import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Deadline;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import jakarta.enterprise.context.RequestScoped;

/**
 * The time budget and criticality of the user request being served: started once by {@link DeadlineFilter} when
 * the request arrives (so time spent queued for a worker counts), read by the resource, which
 * passes it on as part of the {@link Caller}. Never changed after it starts: services narrow the
 * copy they pass on, not this.
 */
@RequestScoped
public class RequestBudget {

    private String endpoint = "default";
    private Deadline deadline = Deadline.NONE;
    private Criticality criticality = Criticality.DEFAULT;
    private AdmissionGate.Permit admission;
    private boolean started;

    void start(String endpoint, Deadline deadline, Criticality criticality, AdmissionGate.Permit admission) {
        if (started) {
            throw new IllegalStateException("the request's budget is already started");
        }
        this.started = true;
        this.endpoint = endpoint;
        this.deadline = deadline;
        this.criticality = criticality;
        this.admission = admission;
    }

    /** The caller of this request's downstream calls: the namespace's user, under the request's deadline and criticality. */
    public Caller callerFor(Namespace ns) {
        return new Caller(ns.user(), endpoint, deadline, criticality, admission);
    }

    /** The caller of a request nobody is signed in for yet (the dashboard's login): no user, this request's deadline and criticality. */
    public Caller anonymousCaller() {
        return new Caller(null, endpoint, deadline, criticality, admission);
    }
}
