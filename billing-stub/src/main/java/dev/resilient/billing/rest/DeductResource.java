package dev.resilient.billing.rest;

import dev.resilient.billing.model.DeductReceipt;
import dev.resilient.billing.model.DeductRequest;
import dev.resilient.billing.model.InsufficientFunds;
import dev.resilient.billing.model.Transaction;
import dev.resilient.billing.service.DeductOutcome;
import dev.resilient.billing.service.Deduction;
import dev.resilient.billing.service.DeductionService;
import dev.resilient.kit.idempotency.IdempotencyKeyHeader;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /deduct}: idempotent deductions. */
@Path("/deduct")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DeductResource {

    /** Billing-stub keeps keys of up to 128 characters. */
    static final int KEY_MAX_LENGTH = 128;
    static final int PAYMENT_REQUIRED = 402;

    private final DeductionService deductions;

    DeductResource(DeductionService deductions) {
        this.deductions = deductions;
    }

    /**
     * Deducts {@code amount} from {@code account} once per {@code Idempotency-Key}. The first
     * request answers 200 with the receipt, or 402 {@code {"error":"insufficient funds","balance"}}
     * leaving the balance as it was; both are stored under the key, and the same key with the
     * same account and amount answers the stored result again with {@code "replayed":true} and
     * header {@code Idempotent-Replayed: true}, charging nothing.
     * Fails with 400 for a missing or malformed key or body (bad amount or account id), 404 for an
     * unknown account (not stored) and 422 when the key was first used for another account or amount.
     */
    @POST
    public Response deduct(@HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey, @Valid DeductRequest request) {
        if (idempotencyKey == null || idempotencyKey.isEmpty()) {
            throw new BadRequestException(IdempotencyKeyHeader.NAME + " header is required");
        }
        String problem = IdempotencyKeyHeader.problem(idempotencyKey, KEY_MAX_LENGTH);
        if (problem != null) {
            throw new BadRequestException(problem);
        }
        if (request == null) {
            throw new BadRequestException("a JSON body with 'account' and 'amount' is required");
        }
        Deduction deduction = deductions.deduct(request, idempotencyKey);
        Response.ResponseBuilder answer;
        if (deduction.outcome() instanceof DeductOutcome.Charged charged) {
            answer = Response.ok(receipt(deduction, charged.transaction()));
        } else {
            DeductOutcome.Refused refused = (DeductOutcome.Refused) deduction.outcome();
            answer = Response.status(PAYMENT_REQUIRED).entity(new InsufficientFunds(refused.balance(), deduction.replayed()));
        }
        if (deduction.replayed()) {
            answer.header(IdempotencyKeyHeader.REPLAYED, "true");
        }
        return answer.type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static DeductReceipt receipt(Deduction deduction, Transaction t) {
        return new DeductReceipt(t.transactionId(), deduction.account(), t.amount(), t.balanceAfter(),
                deduction.idempotencyKey(), deduction.replayed());
    }
}
