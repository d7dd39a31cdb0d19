package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/**
 * Admission control at the backend's front door (keys {@code backend.admission.*}, env
 * {@code BACKEND_ADMISSION_*}): how many user requests the backend serves at once, adjusted by Netflix
 * concurrency-limits' Vegas algorithm from the requests' own times ({@code admission.FrontDoor}), and which share of that limit
 * each criticality may fill. A request past its share is refused with 503 JSON and {@code Retry-After}
 * before its token is checked or its body read.
 */
@ConfigMapping(prefix = "backend.admission")
public interface AdmissionConfig {

    /** Off ({@code BACKEND_ADMISSION_ENABLED=false}): every request is admitted; criticality still travels to the stubs. */
    @WithDefault("true")
    boolean enabled();

    /** A fixed limit instead of the adaptive one, for an operator who has measured the capacity (and for tests). */
    OptionalInt fixedLimit();

    /** The adaptive limit's start; it grows quickly while nothing queues (Vegas adds 6 x log10 of it a window). */
    @WithDefault("20")
    int initialLimit();

    /**
     * The adaptive limit never falls below this. 16: on the 2-core bench machine a floor of 8 shed 4% of
     * default and 19% of sheddable requests at exactly the measured capacity (Vegas reads a CPU-bound
     * server's ordinary queueing as overload), 16 shed none up to 1x and 0.5% at 2x (bench/run, section 7);
     * requests waiting on a downstream are outside the count, so the floor bounds what runs on the cores.
     */
    @WithDefault("16")
    int minLimit();

    /**
     * Vegas grows the limit while fewer than this many requests (times the whole part of log10 of the limit, at least 1) queue: the
     * library's 3.
     */
    @WithDefault("3")
    int vegasAlpha();

    /**
     * Vegas lowers the limit once more than this many requests (times the whole part of log10 of the limit, at least 1) queue: the
     * library's 6.
     */
    @WithDefault("6")
    int vegasBeta();

    /** The adaptive limit never grows above this. */
    @WithDefault("800")
    int maxLimit();

    /** Sheddable requests are admitted while fewer than this share of the limit is in flight. */
    @WithDefault("0.5")
    double sheddableShare();

    /** Default requests are admitted while fewer than this share of the limit is in flight; critical ones fill it all. */
    @WithDefault("0.75")
    double defaultShare();

    /**
     * Places critical requests have of their own past the limit. A request back from a downstream is let in
     * whatever the limit is then (it was admitted, and what is left of it is short), so under overload those
     * requests fill the limit; without places of their own, billing, status and health would be refused
     * behind them. Critical requests are admitted past the limit while fewer than this many critical ones are
     * in flight: 32, twice the floor of the limit. At bench/run's 10x level the critical work alone (deductions
     * and probes, 280 a second) needs about that many places while every core is busy: with 8, 10% of the
     * deductions were refused (with 4, a quarter); with 32, none.
     */
    @WithDefault("32")
    int criticalReserve();

    /** The {@code Retry-After} of a refused request, in seconds. */
    @WithDefault("1")
    int retryAfterSeconds();
}
