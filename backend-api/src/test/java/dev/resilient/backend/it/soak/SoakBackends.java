package dev.resilient.backend.it.soak;

import dev.resilient.backend.support.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak's backend processes (one, or two on one database), each with its own {@link BackendLife}:
 * requests go round-robin to the ones that are up, the chaos kills one at a time and restarts it. The
 * process ids of every start are kept, so a job's {@code processed_by} ({@code pid@host/...}) names
 * the backend that ran it.
 */
public final class SoakBackends {

    /** One backend process: {@code backend} when it is the only one, else {@code backend A}, {@code backend B}. */
    public record Backend(String name, ServiceProcess process, BackendLife life) {

        public String url() {
            return process.url();
        }
    }

    private final List<Backend> members;
    /** Moves on every kill and restart of any of them: for clients that pause while one restarts. */
    private final BackendLife anyLife = new BackendLife();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Long, String> namesByPid = new ConcurrentHashMap<>();

    private SoakBackends(List<Backend> members) {
        this.members = List.copyOf(members);
    }

    /** Names the processes (not started yet) {@code backend}, or {@code backend A}, {@code backend B}, ... */
    public static SoakBackends of(List<ServiceProcess> processes) {
        List<Backend> members = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            String name = processes.size() == 1 ? "backend" : "backend " + (char) ('A' + i);
            members.add(new Backend(name, processes.get(i), new BackendLife()));
        }
        return new SoakBackends(members);
    }

    /** A view on one of them alone (the same process and life), to send calls that must reach that backend, e.g. its breakers' probes. */
    public SoakBackends only(Backend backend) {
        return new SoakBackends(List.of(backend));
    }

    public List<Backend> all() {
        return members;
    }

    public int size() {
        return members.size();
    }

    /** Changes when any of them is killed or restarted. */
    public BackendLife anyLife() {
        return anyLife;
    }

    /** The next backend that is up, round-robin; when none is up, the next one anyway (its call fails as it would). */
    public Backend pick() {
        int start = Math.floorMod(next.getAndIncrement(), members.size());
        for (int i = 0; i < members.size(); i++) {
            Backend b = members.get((start + i) % members.size());
            if (!b.life().down()) {
                return b;
            }
        }
        return members.get(start);
    }

    /** Another backend than {@code failed} that is up, or null when there is none (one backend, or all down). */
    public Backend other(Backend failed) {
        return members.stream().filter(b -> b != failed && !b.life().down()).findFirst().orElse(null);
    }

    /** Whether any of them is being killed or restarted now. */
    public boolean anyDown() {
        return members.stream().anyMatch(b -> b.life().down());
    }

    /** Starts each one that is not running, one after the other (the first migrates the database), and waits until each is ready. */
    public void startAll() {
        members.forEach(this::start);
    }

    /** SIGKILL to one; its life and {@link #anyLife()} say it is down until {@link #restart(Backend)} ends. */
    public void kill(Backend backend) {
        backend.life().killing();
        anyLife.killing();
        backend.process().kill();
    }

    /**
     * Starts a killed backend again on its port and waits until it is ready.
     *
     * @throws RuntimeException when it did not start (it is counted as up again all the same, so the soak goes on and reports it)
     */
    public void restart(Backend backend) {
        try {
            start(backend);
        } finally {
            backend.life().restarted();
            anyLife.restarted();
        }
    }

    public void stopAll() {
        members.forEach(b -> b.process().stop());
    }

    /** The backend whose process wrote {@code processedBy} ({@code pid@host/...}), or {@code "unknown (<value>)"}. */
    public String nameOfWorker(String processedBy) {
        if (processedBy == null || processedBy.isBlank() || processedBy.equals("null")) {
            return "none";
        }
        int at = processedBy.indexOf('@');
        try {
            String name = at > 0 ? namesByPid.get(Long.parseLong(processedBy.substring(0, at))) : null;
            return name != null ? name : "unknown (" + processedBy + ")";
        } catch (NumberFormatException e) {
            return "unknown (" + processedBy + ")";
        }
    }

    /** {@code key} as it is, with one backend; else prefixed with the backend's name, e.g. {@code backend A: chroma}. */
    public String keyed(Backend backend, String key) {
        return members.size() == 1 ? key : backend.name() + ": " + key;
    }

    private void start(Backend backend) {
        backend.process().start();
        namesByPid.put(backend.process().pid(), backend.name());
    }
}
