package dev.resilient.backend.resilience;

import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.jboss.logging.Logger;

/** Logs each retry decision with the failure that caused it (seed: "retrying in 1s..."). */
@Dependent
public class RetryLogger implements BeforeRetryHandler {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.downstream");

    private final PolicyRegistry policies;

    RetryLogger(PolicyRegistry policies) {
        this.policies = policies;
    }

    @Override
    public void handle(ExecutionContext context) {
        Object[] params = context.getParameters();
        if (params.length == 0 || !(params[0] instanceof DownstreamCall<?> call)) {
            return;
        }
        Downstream d = Guards.downstreamOf(context.getMethod().getDeclaringClass());
        EffectivePolicy p = policies.get(d);
        long wait = p.retryDelayMs() << Math.min(Math.max(call.attempts() - 1, 0), 20);
        LOG.warnf("%s %s failed on attempt %d/%d (%s), retrying in ~%d ms...", d.tag(), call.operation(),
                call.attempts(), p.attempts(), Failures.describe(context.getFailure()), wait);
    }
}
