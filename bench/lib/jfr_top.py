#!/usr/bin/env python3
"""bench/lib/jfr_top.py PREFIX FILE.jfr: the CPU profile of one JFR recording, as bench/run's KEY<TAB>JSON lines.

Reads the recording's execution samples (`jfr print --json --events jdk.ExecutionSample`, the JDK's own
tool) and prints under PREFIX:
  .samples      how many samples (threads running Java code, every 10 or 20 ms under the `profile` settings)
  .top          the 15 methods most often on top of the stack (self time), as [[method, share %], ...]
  .categories   for each part of the stack (JWT verification, OpenTelemetry, Jackson, ...), the share of
                samples with at least one frame in it (inclusive time: the parts overlap)
  .self         the same parts, each sample counted once, for the part its innermost frame of a listed
                part belongs to (the JDK's own frames count for the part that called them); "other" is
                a sample with no frame of any part
Python 3 standard library only.
"""
import collections
import json
import os
import subprocess
import sys

# the parts of a request's stack the profile is read by: (label, frame prefixes)
CATEGORIES = [
    ("JWT parsing and verification (jose4j, SmallRye JWT)", ("org.jose4j.", "io.smallrye.jwt.")),
    ("RSA / BigInteger arithmetic", ("java.math.BigInteger", "sun.security.rsa.", "sun.security.util.", "java.security.Signature")),
    ("OpenTelemetry", ("io.opentelemetry.", "io.quarkus.opentelemetry.")),
    ("Micrometer", ("io.micrometer.", "io.quarkus.micrometer.")),
    ("Jackson", ("com.fasterxml.jackson.",)),
    ("REST client", ("org.jboss.resteasy.reactive.client.", "io.quarkus.rest.client.")),
    ("REST server", ("org.jboss.resteasy.reactive.server.", "io.quarkus.resteasy.reactive.server.")),
    ("SmallRye Fault Tolerance", ("io.smallrye.faulttolerance.",)),
    ("Netty and Vert.x", ("io.netty.", "io.vertx.")),
    ("Logging", ("org.jboss.logmanager.", "org.jboss.logging.")),
    ("Security (Quarkus)", ("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security.")),
    ("ours (dev.resilient)", ("dev.resilient.",)),
]


def frames(event):
    st = (event.get("values") or {}).get("stackTrace") or {}
    out = []
    for f in st.get("frames") or []:
        m = f.get("method") or {}
        t = (m.get("type") or {}).get("name", "?")
        out.append(t.replace("/", ".") + "." + m.get("name", "?"))
    return out


def main():
    prefix, path = sys.argv[1], sys.argv[2]
    jfr = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "jfr") if os.environ.get("JAVA_HOME") else "jfr"
    text = subprocess.run([jfr, "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    events = json.loads(text)["recording"]["events"]
    top, cats, own, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
    for e in events:
        fs = frames(e)
        if not fs:
            continue
        n += 1
        top[fs[0]] += 1
        for label, prefixes in CATEGORIES:
            if any(f.startswith(prefixes) for f in fs):
                cats[label] += 1
        own[next((label for f in fs for label, prefixes in CATEGORIES if f.startswith(prefixes)), "other")] += 1
    share = lambda c: round(100.0 * c / n, 1) if n else None
    print(f"{prefix}.samples\t{n}")
    print(f"{prefix}.top\t{json.dumps([[m, share(c)] for m, c in top.most_common(15)])}")
    print(f"{prefix}.categories\t{json.dumps({label: share(cats[label]) for label, _ in CATEGORIES})}")
    print(f"{prefix}.self\t{json.dumps({label: share(own[label]) for label in [c for c, _ in CATEGORIES] + ['other']})}")


if __name__ == "__main__":
    main()
