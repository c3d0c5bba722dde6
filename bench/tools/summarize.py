#!/usr/bin/env python3
"""The summary of a bench/run results directory: mdj's ratio to each peer, per suite.

usage: summarize.py <results dir>

Reads the CSVs the suites wrote there (issuance.csv, tls.csv, openssl-speed.csv, scale.csv,
jmh.csv; any may be missing) and environment.txt, and writes summary.md (Markdown tables) and
ratios.tsv (label, ratio: the chart's data). Every ratio reads "higher is better for mdj": a
peer's time, CPU or memory divided by mdj's, or mdj's rate divided by the peer's.
"""
import csv
import os
import statistics
import sys

DIR = sys.argv[1] if len(sys.argv) > 1 else "."
RATIOS = []  # (label, ratio) for the chart


def rows(name):
    path = os.path.join(DIR, name)
    return list(csv.DictReader(open(path))) if os.path.exists(path) else []


def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=2):
    if value is None:
        return "–"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def ratio(better_when_low, mdj, peer, label=None):
    """Peer / mdj for costs (better_when_low), mdj / peer for rates; recorded for the chart."""
    if mdj is None or peer is None or mdj == 0 or peer == 0:
        return "–"
    r = peer / mdj if better_when_low else mdj / peer
    if label:
        RATIOS.append((label, r))
    return f"**{r:.2f}x**"


def table(header, body):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in body]
    return "\n".join(out) + "\n"


def issuance():
    data = rows("issuance.csv")
    if not data:
        return ""
    scenarios = list(dict.fromkeys(r["scenario"] for r in data))
    names = {"one": "1 MD, 1 name", "san10": "1 MD, 10 names", "mds50": "50 MDs"}

    def med(scenario, side, key):
        return median([num(r[key]) for r in data if r["scenario"] == scenario and r["side"] == side])

    def runs(scenario, side):
        return [r for r in data if r["scenario"] == scenario and r["side"] == side]

    out = ["## Issuance (Pebble, http-01, RSA-2048; from start to all certificates)\n",
           "Wall time in seconds (median over rounds); ratio = the peer's wall time / mdj's. certbot and "
           "lego get several certificates with several processes at a time (the `parallel` column "
           "below); mod_md and mdj are one process each.\n"]
    body = []
    peers = [p for p in ("modmd", "certbot", "lego") if any(r["side"] == p for r in data)]
    for s in scenarios:
        for side in ("mdj-renew", "mdj-serve"):
            if not runs(s, side):
                continue
            mdj = med(s, side, "wall_s")
            row = [names.get(s, s), side.replace("-", " "), fmt(mdj)]
            for p in peers:
                label = f"issuance {s}: {side.replace('mdj-', '')} vs {p}" if side == "mdj-renew" else None
                row.append(f"{fmt(med(s, p, 'wall_s'))} → {ratio(True, mdj, med(s, p, 'wall_s'), label)}")
            body.append(row)
    out.append(table(["scenario", "mdj", "mdj wall s"] + [f"{p} wall s → ratio" for p in peers], body))
    out.append("\nEvery side: wall s, CPU s (process tree), peak RSS MiB (largest process), certificates "
               "obtained; medians:\n")
    body = []
    for s in scenarios:
        for side in list(dict.fromkeys(r["side"] for r in data if r["scenario"] == s)):
            rs = runs(s, side)
            par = rs[0]["parallel"]
            body.append([names.get(s, s), side, fmt(med(s, side, "wall_s")), fmt(med(s, side, "cpu_s")),
                         fmt(med(s, side, "peak_rss_mib"), 0), "/".join(sorted({r["obtained"] for r in rs})) + f" of {rs[0]['certificates']}",
                         f"{par} processes at a time" if par != "1" else "", len(rs)])
    out.append(table(["scenario", "side", "wall s", "CPU s", "peak RSS MiB", "obtained", "parallel", "rounds"], body))
    return "\n".join(out)


def tls():
    data = rows("tls.csv")
    if not data:
        return ""
    speed = {r["operation"]: num(r["per_s"]) for r in rows("openssl-speed.csv")}
    limit = {"ecp256": speed.get("ecdsap256 sign"), "rsa2048": speed.get("rsa2048 sign")}

    def get(test, server, key="ecp256", proto="TLSv1.3", stapling="off"):
        for r in data:
            if (r["test"], r["server"], r["key"], r["protocol"], r["stapling"]) == (test, server, key, proto, stapling):
                return r
        return None

    out = ["## TLS full handshakes (server on core 0, h2load on core 1, no resumption)\n",
           "Handshakes/s as h2load measured them, and the server's CPU µs per handshake (the capacity "
           "figure when the client is the bottleneck: 1e6 / µs = handshakes/s of one core). Ratio: "
           "mdj's handshakes/s / Apache's, and Apache's µs / mdj's. Sign limit: `openssl speed` "
           "signatures/s of core 0. Core busy: the share of core 0 the server used while measured; "
           "a rate measured while the server's core was far from busy says more about the client "
           "or other load than about the server.\n"]
    body = []
    keys = list(dict.fromkeys(r["key"] for r in data if r["test"] == "hs"))
    protos = list(dict.fromkeys(r["protocol"] for r in data if r["test"] == "hs"))
    staplings = list(dict.fromkeys(r["stapling"] for r in data if r["test"] == "hs"))
    for st in staplings:
        for key in keys:
            for proto in protos:
                m, a = get("hs", "mdj", key, proto, st), get("hs", "apache", key, proto, st)
                if not m and not a:
                    continue
                mr, ar = num(m and m["req_per_s"]), num(a and a["req_per_s"])
                mu, au = num(m and m["server_cpu_us_per_req"]), num(a and a["server_cpu_us_per_req"])
                tag = f"{key} {proto.replace('TLSv', '')}{' stapled' if st == 'on' else ''}"
                staple = "" if st == "off" else (
                    f"mdj {'yes' if m and m['staple_served'] == 'yes' else 'no staple served'}, "
                    f"Apache {'yes' if a and a['staple_served'] == 'yes' else 'no staple served'}")
                resumed = ", ".join(f"{n} {r['resumed_of_5']}/5" for n, r in (("mdj", m), ("Apache", a)) if r and r["resumed_of_5"] != "0")
                util = " / ".join(r["server_util"] if r else "–" for r in (m, a))
                body.append([f"{key}, {proto}", st, fmt(mr, 0), fmt(ar, 0), ratio(False, mr, ar, f"TLS hs/s {tag} vs Apache"),
                             util, fmt(mu, 0), fmt(au, 0),
                             ratio(True, mu, au, f"TLS CPU/hs {tag} vs Apache" if st == "off" else None),
                             fmt(limit.get(key), 0), (staple + ("; resumed: " + resumed if resumed else "")).strip("; ")])
    out.append(table(["key, TLS", "stapling", "mdj hs/s", "Apache hs/s", "ratio", "core busy mdj / Apache",
                      "mdj µs/hs", "Apache µs/hs",
                      "ratio (CPU)", "sign limit/s", "staple served; notes"], body))
    if "on" in staplings and "off" in staplings:
        out.append("\nStapling on / off, handshakes/s (target ≥ 0.95):\n")
        body = []
        for key in keys:
            for proto in protos:
                row = [f"{key}, {proto}"]
                for server in ("mdj", "apache"):
                    on, off = get("hs", server, key, proto, "on"), get("hs", server, key, proto, "off")
                    r = ratio(False, num(on and on["req_per_s"]), num(off and off["req_per_s"]))
                    served = on and on["staple_served"] == "yes"
                    row.append(r + ("" if served else " (no staple served)"))
                body.append(row)
        out.append(table(["key, TLS", "mdj on/off", "Apache on/off"], body))
    ka = [r for r in data if r["test"].startswith("ka")]
    if ka:
        out.append("\n## Keep-alive requests/s (1 KiB file, ECDSA, TLS 1.3; 50 connections; h2: 10 streams each)\n")
        body = []
        for test in dict.fromkeys(r["test"] for r in ka):
            m, a = get(test, "mdj"), get(test, "apache")
            mr, ar = num(m and m["req_per_s"]), num(a and a["req_per_s"])
            mu, au = num(m and m["server_cpu_us_per_req"]), num(a and a["server_cpu_us_per_req"])
            name = test.replace("ka-", "")
            body.append([name, fmt(mr, 0), fmt(ar, 0), ratio(False, mr, ar, f"keep-alive {name} req/s vs Apache"),
                         fmt(mu, 1), fmt(au, 1), ratio(True, mu, au, f"keep-alive {name} CPU/req vs Apache")])
        out.append(table(["protocol", "mdj req/s", "Apache req/s", "ratio", "mdj µs/req", "Apache µs/req",
                          "ratio (CPU)"], body))
    return "\n".join(out)


def scale():
    data = rows("scale.csv")
    if not data:
        return ""

    def get(server, n):
        return next((r for r in data if r["server"] == server and r["mds"] == n), None)

    out = ["## Scale (managed domains with certificates, served from the store)\n",
           "Start = server start to the first HTTP answer (s); RSS after start (MiB); md-status over HTTP (s, first "
           "request / median of the next 3). Ratio: mod_md's / mdj's.\n"]
    body = []
    sizes = list(dict.fromkeys(r["mds"] for r in data))
    for n in sizes:
        m, a = get("mdj", n), get("modmd", n)
        for key, name in (("start_s", "start"), ("rss_mib", "RSS"), ("md_status_first_s", "md-status first"),
                          ("md_status_s", "md-status")):
            mv, av = num(m and m[key]), num(a and a[key])
            label = f"scale {int(n) // 1000}k: {name} vs mod_md" if name != "md-status first" else None
            shown, r = fmt(av), ratio(True, mv, av, label)
            bound = bounded(a, key)
            if av is None and bound is not None:
                # the peer did not get there in the time it was given: the ratio is a lower bound
                shown, r = f"> {fmt(bound)}", "> " + ratio(True, mv, bound, label)
            body.append([f"{int(n):,}", name, fmt(mv), shown, r])
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        per = []
        for server in ("mdj", "modmd"):
            a, b = get(server, lo), get(server, hi)
            ra, rb = num(a and a["rss_mib"]), num(b and b["rss_mib"])
            per.append(None if ra is None or rb is None else (rb - ra) * 1024 / (int(hi) - int(lo)))
        body.append(["per MD", "memory KiB", fmt(per[0], 1), fmt(per[1], 1), ratio(True, per[0], per[1], "scale: memory per MD vs mod_md")])
    out.append(table(["MDs", "measure", "mdj", "mod_md", "ratio"], body))
    return "\n".join(out)


def bounded(row, key):
    """The time limit a suite noted for a measurement that did not finish, if any."""
    note = (row or {}).get("note") or ""
    words = {"start_s": "not answering after ", "md_status_first_s": "no answer within ",
             "md_status_s": "no answer within "}
    if key in words and words[key] in note:
        return num(note.split(words[key])[1].split(" ")[0])
    return None


def jmh():
    data = rows("jmh.csv")
    if not data:
        return ""
    out = ["## JMH micro-benchmarks (in-process, no peer; short settings)\n"]
    body = []
    for r in data:
        params = ", ".join(f"{k[7:]}={v}" for k, v in r.items() if k.startswith("Param: "))
        body.append([f"`{r['Benchmark'].replace('dev.mdj.bench.', '')}`", params, r["Mode"],
                     fmt(num(r["Score"])), "± " + fmt(num(r["Score Error (99.9%)"])), r["Unit"]])
    out.append(table(["benchmark", "params", "mode", "score", "error (99.9%)", "unit"], body))
    return "\n".join(out)


def main():
    parts = ["# bench/run results\n"]
    env = os.path.join(DIR, "environment.txt")
    if os.path.exists(env):
        parts.append("".join(f"- {line}" for line in open(env)) + "\n")
    parts += [p for p in (tls(), issuance(), scale(), jmh()) if p]
    with open(os.path.join(DIR, "summary.md"), "w") as f:
        f.write("\n".join(parts))
    with open(os.path.join(DIR, "ratios.tsv"), "w") as f:
        for label, r in RATIOS:
            f.write(f"{label}\t{r:.3f}\n")
    print("\n".join(parts))


if __name__ == "__main__":
    main()
