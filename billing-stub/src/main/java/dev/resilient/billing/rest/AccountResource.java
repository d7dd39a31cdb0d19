package dev.resilient.billing.rest;

import dev.resilient.billing.model.AccountBalance;
import dev.resilient.billing.model.AccountId;
import dev.resilient.billing.model.CreditRequest;
import dev.resilient.billing.model.TransactionHistory;
import dev.resilient.billing.service.Ledger;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Balance reads, credits and history of one account. */
@Path("/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final Ledger ledger;

    AccountResource(Ledger ledger) {
        this.ledger = ledger;
    }

    /** The current balance: {@code {"account","balance"}}. 400 for a malformed id, 404 for an unknown account. */
    @GET
    public AccountBalance balance(@PathParam("id") @AccountId String id) {
        return new AccountBalance(id, ledger.balance(id));
    }

    /**
     * Adds {@code amount} to the account, creating it with balance 0 first if it does not exist;
     * answers the new balance. 400 for a malformed id or amount, 507 when {@code billing.max-accounts} is reached.
     */
    @POST
    @Path("/credit")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountBalance credit(@PathParam("id") @AccountId String id, @Valid CreditRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body with 'amount' is required");
        }
        return new AccountBalance(id, ledger.credit(id, request.amount()));
    }

    /**
     * The account's deductions and credits, oldest first (the latest
     * {@code billing.max-transactions-per-account}). 400 for a malformed id, 404 for an unknown account.
     */
    @GET
    @Path("/transactions")
    public TransactionHistory transactions(@PathParam("id") @AccountId String id) {
        return new TransactionHistory(id, ledger.history(id));
    }
}
