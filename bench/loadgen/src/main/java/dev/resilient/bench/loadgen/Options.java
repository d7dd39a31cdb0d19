package dev.resilient.bench.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line, parsed; {@link #USAGE} says what each option means. */
record Options(String url, String token, double rate, int closed, int durationS, int warmupS, Map<Kind, Integer> mix,
               Map<Kind, Double> probes, String prefix, int windowMs, int connections) {

    static final String USAGE = """
            loadgen --url URL --token JWT (--rate R | --closed N) --duration S --mix KIND=W,... [options]
              --rate R        open loop: R requests a second of the mix, sent on schedule whatever the answers
              --closed N      closed loop: N requests of the mix in flight, each sent when the last answered
                              (the capacity measurement: what the server completes when it sets the pace)
              --mix           the kinds and their weights, e.g. search=50,chat=10,deduct=20,dashboard=20
              --probe         kinds sent at their own fixed rate beside the mix, e.g. status=20,health=20
              --warmup S      first the same load for S seconds, not counted (default 5): the generator's own JIT
                              warms up, so its first seconds of interpreted code do not queue requests
              --prefix KEY    the key every recorded line starts with (default: run)
              --window-ms N   the width of the time series of sent, good and shed (default 500)
              --connections N at most N connections to the server (default 1024: at 10x, 6,500 a second, 256 were all busy at times); past them requests wait
                              in the generator, and that wait counts in their latency
            kinds: search, chat, deduct, dashboard, status, health (bench/loadgen Kind.java)
            Prints one line per figure, "KEY<TAB>JSON value", the format of bench/run's record.tsv.
            """;

    static Options parse(String[] args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at '" + args[i] + "'");
            }
            a.put(args[i].substring(2), args[++i]);
        }
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
        int closed = Integer.parseInt(a.getOrDefault("closed", "0"));
        if ((rate > 0) == (closed > 0)) {
            throw new IllegalArgumentException("give exactly one of --rate and --closed");
        }
        Map<Kind, Integer> mix = new LinkedHashMap<>();
        weights(required(a, "mix")).forEach((k, v) -> mix.put(k, (int) Math.round(v)));
        Map<Kind, Double> probes = a.containsKey("probe") ? weights(a.get("probe")) : Map.of();
        return new Options(required(a, "url"), required(a, "token"), rate, closed,
                Integer.parseInt(required(a, "duration")), Integer.parseInt(a.getOrDefault("warmup", "5")), mix, probes,
                a.getOrDefault("prefix", "run"), Integer.parseInt(a.getOrDefault("window-ms", "500")),
                Integer.parseInt(a.getOrDefault("connections", "1024")));
    }

    /** The same load for the warm-up's length. */
    Options warmup() {
        return new Options(url, token, rate, closed, warmupS, 0, mix, probes, prefix, windowMs, connections);
    }

    /** The mix as a repeating sequence of kinds, interleaved so any short stretch has the mix's shares. */
    List<Kind> sequence() {
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        List<Kind> seq = new ArrayList<>(total);
        Map<Kind, Double> credit = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            mix.forEach((k, w) -> credit.merge(k, w / (double) total, Double::sum));
            Kind next = credit.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            credit.merge(next, -1.0, Double::sum);
            seq.add(next);
        }
        return seq;
    }

    private static Map<Kind, Double> weights(String spec) {
        Map<Kind, Double> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected KIND=NUMBER, got '" + part + "'");
            }
            double w = Double.parseDouble(kv[1]);
            if (w <= 0) {
                throw new IllegalArgumentException("a weight or rate must be positive: '" + part + "'");
            }
            m.put(Kind.of(kv[0]), w);
        }
        return m;
    }

    private static String required(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
