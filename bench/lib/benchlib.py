#!/usr/bin/env python3
"""Helpers for bench/run.sh: free ports, timed launches, seeding, wrk parsing, the report, JFR summaries.

Standard library only (python3 from any Debian). Every sub-command is documented by --help.
"""

import argparse
import collections
import http.client
import json
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse

# --------------------------------------------------------------------------------------------- small tools


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cmd_freeport(_args):
    print(free_port())


def request_ok(url, headers, timeout=1.0):
    """True when GET url answers 200."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request("GET", parts.path or "/", headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status == 200
    except OSError:
        return False
    except http.client.HTTPException:
        return False
    finally:
        conn.close()


def parse_headers(values):
    headers = {}
    for value in values or []:
        name, _, content = value.partition(":")
        headers[name.strip()] = content.strip()
    return headers


def cmd_launch(args):
    """Starts a command detached (own session, output to a log) and polls a URL every 10 ms until it answers
    200. Prints '<pid> <milliseconds from exec to the first 200>'; exit 1 (and the process killed) on failure."""
    headers = parse_headers(args.header)
    env = dict(os.environ)
    for assignment in args.env or []:
        name, _, value = assignment.partition("=")
        env[name] = value
    with open(args.log, "ab") as log:
        start = time.monotonic_ns()
        process = subprocess.Popen(args.argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   env=env, start_new_session=True)
    deadline = start + int(args.timeout * 1e9)
    while time.monotonic_ns() < deadline:
        if process.poll() is not None:
            print(f"process exited with {process.returncode} before {args.url} answered; see {args.log}",
                  file=sys.stderr)
            sys.exit(1)
        if request_ok(args.url, headers):
            elapsed_ms = (time.monotonic_ns() - start) / 1e6
            print(f"{process.pid} {elapsed_ms:.0f}")
            return
        time.sleep(args.interval)
    process.kill()
    print(f"{args.url} did not answer 200 within {args.timeout} s; see {args.log}", file=sys.stderr)
    sys.exit(1)


def cmd_wait(args):
    """Polls a URL until it answers 200; prints the milliseconds waited."""
    headers = parse_headers(args.header)
    start = time.monotonic()
    while time.monotonic() - start < args.timeout:
        if request_ok(args.url, headers):
            print(f"{(time.monotonic() - start) * 1000:.0f}")
            return
        time.sleep(args.interval)
    print(f"{args.url} did not answer 200 within {args.timeout} s", file=sys.stderr)
    sys.exit(1)


# --------------------------------------------------------------------------------------------------- seeding

SEED_SQL = """
WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
INSERT INTO students (studentid, name, class, birthdate, email)
SELECT printf('SV%07d', x),
       'Nguyễn Văn Sinh Viên ' || x,
       '21DTHA' || (x % 9 + 1),
       date('1998-01-01', '+' || (x % 3650) || ' days'),
       printf('sv%07d@example.edu.vn', x)
FROM n
"""


def cmd_seed(args):
    """Replaces every student with N generated ones, straight in the SQLite file (the server may be running:
    the file is in WAL mode and the server reads each request from it)."""
    start = time.monotonic()
    connection = sqlite3.connect(args.db, timeout=60, isolation_level=None)
    try:
        connection.execute("PRAGMA busy_timeout = 60000")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("DELETE FROM students")
        if args.count > 0:
            connection.execute(SEED_SQL, (args.count,))
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (count,) = connection.execute("SELECT count(*) FROM students").fetchone()
    finally:
        connection.close()
    if count != args.count:
        print(f"seeded {count} students, expected {args.count}", file=sys.stderr)
        sys.exit(1)
    print(f"{time.monotonic() - start:.1f}")


def cmd_csv(args):
    """Writes an import file of N students (ids IM0000001...; the same shapes as the seeded ones)."""
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write("studentid,name,class,birthdate,email\r\n")
        day = 24 * 3600
        start = time.mktime((1998, 1, 1, 12, 0, 0, 0, 0, 0))
        lines = []
        for x in range(1, args.count + 1):
            birth = time.strftime("%Y-%m-%d", time.localtime(start + (x % 3650) * day))
            lines.append(f"IM{x:07d},Nguyễn Văn Nhập Học {x},21DTHA{x % 9 + 1},{birth},im{x:07d}@example.edu.vn\r\n")
            if len(lines) == 10000:
                out.write("".join(lines))
                lines = []
        out.write("".join(lines))
    print(os.path.getsize(args.out))


def cmd_pages(args):
    """Walks the pages of GET /prod/students?limit=N from the first, following the Link header, and writes the
    path of every page (the first one and each next link) to --out, one a line: wrk then requests them at random."""
    base = urllib.parse.urlsplit(args.base)
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=30)
    path = f"/prod/students?limit={args.limit}"
    paths = []
    link = re.compile(r"<([^>]+)>\s*;\s*rel=\"?next\"?")
    while path and len(paths) < args.count:
        connection.request("GET", path, headers={"x-api-key": args.key})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path} answered {response.status}: {body[:300]!r}")
        if len(json.loads(body)) != args.limit and response.getheader("Link"):
            raise SystemExit(f"GET {path}: a page of {len(json.loads(body))}, not {args.limit}")
        paths.append(path)
        found = link.search(response.getheader("Link") or "")
        path = None
        if found:
            target = urllib.parse.urlsplit(found.group(1))
            path = target.path + ("?" + target.query if target.query else "")
    connection.close()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(paths) + "\n")
    print(len(paths))


# ------------------------------------------------------------------------------------------------- recording

BENCH_LINE = re.compile(r"^BENCH (.*)$", re.M)


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    match = BENCH_LINE.search(text)
    if not match:
        raise SystemExit(f"no BENCH line in {path} (did wrk run with bench/lib/wrk.lua?):\n{text[-2000:]}")
    values = {}
    for pair in match.group(1).split():
        name, _, value = pair.partition("=")
        values[name] = float(value)
    seconds = values["duration_us"] / 1e6
    errors = int(values["connect"] + values["read"] + values["write"] + values["timeout"])
    requests = int(values["requests"])
    return {
        "requests": requests,
        "seconds": round(seconds, 2),
        "rps": round(requests / seconds, 1) if seconds > 0 else 0.0,
        "mb_per_s": round(values["bytes"] / 1e6 / seconds, 1) if seconds > 0 else 0.0,
        "p50_ms": values["p50_us"] / 1000,
        "p90_ms": values["p90_us"] / 1000,
        "p99_ms": values["p99_us"] / 1000,
        "p999_ms": values["p999_us"] / 1000,
        "max_ms": values["max_us"] / 1000,
        "non2xx": int(values["status"]),
        "socket_errors": errors,
        "ok": requests - int(values["status"]),
    }


def append(results, record):
    with open(results, "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def record_result(args, record):
    """Adds the --set name=<json> fields to the record, appends it to the results and prints it."""
    for extra in args.set or []:
        name, _, value = extra.partition("=")
        record[name] = json.loads(value)
    append(args.results, record)
    print(json.dumps(record, ensure_ascii=False))


def cmd_record_wrk(args):
    record = {"id": args.id, "label": args.label, "kind": "http", "rss_kb": args.rss_kb, "note": args.note or ""}
    record.update(parse_wrk(args.wrk_out))
    record_result(args, record)


def cmd_record_pairs(args):
    """Records alternating wrk runs A1 B1 A2 B2 ...: each run's rate and p99, the A/B ratio of each pair, and
    their median (the figure: robust to one disturbed pair)."""
    runs = [parse_wrk(path) for path in args.wrk_outs]
    a, b = runs[0::2], runs[1::2]
    ratios = [x["rps"] / y["rps"] if y["rps"] else 0.0 for x, y in zip(a, b)]
    record = {"id": args.id, "label": args.label, "kind": "pairs", "note": args.note or "",
              "a_rps": [x["rps"] for x in a], "b_rps": [y["rps"] for y in b],
              "a_p99_ms": [x["p99_ms"] for x in a], "b_p99_ms": [y["p99_ms"] for y in b],
              "ratios": [round(r, 4) for r in ratios], "median_ratio": round(statistics.median(ratios), 4),
              "a_non2xx": sum(x["non2xx"] + x["socket_errors"] for x in a),
              "b_non2xx": sum(y["non2xx"] + y["socket_errors"] for y in b)}
    record_result(args, record)


def cmd_record(args):
    record_result(args, {"id": args.id, "label": args.label})


def cmd_json_get(args):
    """Prints one top-level field of a JSON file (for bash)."""
    value = json.load(open(args.file, encoding="utf-8"))
    for name in args.path.split("."):
        value = value[int(name)] if isinstance(value, list) else value[name]
    print(value if not isinstance(value, (dict, list)) else json.dumps(value))


def cmd_result_get(args):
    """Prints one field of one recorded result."""
    print(load_results(args.results)[args.id][args.field])


def cmd_wrk_get(args):
    """Prints one field of a parsed wrk output."""
    print(parse_wrk(args.file)[args.field])


def cmd_json_len(args):
    print(len(json.load(open(args.file, encoding="utf-8"))))


# ---------------------------------------------------------------------------------------------------- report


def fmt(value, digits=1):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def mib(kb):
    return None if kb is None else kb / 1024


def cpu_per_request(r):
    if r.get("cpu_s") is None or not r.get("requests"):
        return "—"
    return f"{r['cpu_s'] * 1e6 / r['requests']:,.0f}"


def load_results(path):
    records = collections.OrderedDict()
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records


ORDER = ["get20", "get20_nogw", "nginx20", "paced20", "post", "get10k", "backup", "startup", "rampup", "gwpairs",
         "ratio"]

EXPECTED = {
    "get20": "GET /prod/students, 20 students, authenticated",
    "get20_nogw": "same, gateway switched off (GATEWAY=off)",
    "nginx20": "nginx: same 20 students, static file + key check",
    "paced20": "GET 20, authenticated, paced at ~50 % of its max",
    "post": "POST /prod/students (new students, outbox mail)",
    "get10k": "GET /prod/students, 10,000 students",
    "backup": "POST /prod/backup",
    "startup": "start-up: exec → first 200",
    "rampup": "warm-up: req/s in each of the first seconds of load",
    "gwpairs": "GET 20, gateway on vs GATEWAY=off (alternating pairs)",
    "ratio": "GET 20 vs nginx with one worker, wrk -t1 -c32 (alternating pairs)",
}


def cmd_report(args):
    results = load_results(args.results)
    meta = json.load(open(args.meta, encoding="utf-8")) if args.meta and os.path.exists(args.meta) else {}
    quick = meta.get("quick", False)
    nginx = results.get("nginx20", {}).get("rps")
    lines = []
    lines.append("| # | scenario | req/s | × nginx | p50 ms | p99 ms | p99.9 ms | non-2xx / socket err | "
                 "server CPU µs/req | peak RSS MiB | other |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    missing = []
    for number, key in enumerate(ORDER, 1):
        r = results.get(key)
        if r is None:
            missing.append(key)
            lines.append(f"| {number} | {EXPECTED[key]} | — | — | — | — | — | — | — | — | not run |")
            continue
        if r.get("skipped"):
            missing.append(key)
            lines.append(f"| {number} | {r['label']} | — | — | — | — | — | — | — | — | skipped: {r['skipped']} |")
            continue
        if r.get("kind") == "http":
            ratio = f"{r['rps'] / nginx:.2f}" if nginx and key != "nginx20" else ("1.00" if key == "nginx20" else "—")
            other = r.get("note", "")
            if key in ("get10k",):
                other = (other + "; " if other else "") + f"{r['mb_per_s']:,.0f} MB/s of JSON"
            lines.append(f"| {number} | {r['label']} | {fmt(r['rps'], 0)} | {ratio} | {fmt(r['p50_ms'], 2)} | "
                         f"{fmt(r['p99_ms'], 2)} | {fmt(r['p999_ms'], 2)} | {r['non2xx']} / {r['socket_errors']} | "
                         f"{cpu_per_request(r)} | {fmt(mib(r.get('rss_kb')), 0)} | {other} |")
        elif key == "backup":
            lines.append(f"| {number} | {r['label']} | — | — | — | — | — | — | — | {fmt(mib(r.get('rss_kb')), 0)} | "
                         f"**{r['seconds']:.2f} s**, {r['mb_per_s']:.1f} MB/s, {r['count']:,} students, "
                         f"{r['bytes'] / 1e6:,.1f} MB written (HTTP {r['status']}) |")
        elif key == "rampup":
            series = ", ".join(f"{v:,.0f}" for v in r["series"])
            lines.append(f"| {number} | {r['label']} | — | — | — | — | — | — | — | — | {series} |")
        elif r.get("kind") == "pairs":
            pairs = "; ".join(f"{x:,.0f} / {y:,.0f}" for x, y in zip(r["a_rps"], r["b_rps"]))
            lines.append(f"| {number} | {r['label']} | — | **{r['median_ratio']:.2f}** (median) | — | "
                         f"{statistics.median(r['a_p99_ms']):.2f} / {statistics.median(r['b_p99_ms']):.2f} | — | "
                         f"{r['a_non2xx']} / {r['b_non2xx']} | — | — | req/s per pair: {pairs}; {r['note']} |")
        elif key == "startup":
            lines.append(f"| {number} | {r['label']} | — | — | — | — | — | — | — | {fmt(mib(r.get('rss_kb')), 0)} | "
                         f"**{r['warm_ms']:.0f} ms** to first authenticated GET (existing data); "
                         f"{r['cold_ms']:.0f} ms to first /health on first start (empty data dir) |")
    print("\n".join(lines))
    print()
    print(targets(results, quick))
    print()
    print(records_table(results, quick))
    if args.check:
        failures = []
        for key in RECORDS:
            r = results.get(key)
            if r is None or not r.get("value") or r.get("status") != 200:
                failures.append(f"{key}: no number" + (f" (HTTP {r.get('status')})" if r else ""))
        for key in ORDER:
            r = results.get(key)
            if r is None or r.get("skipped"):
                failures.append(f"{key}: no result")
            elif r.get("kind") == "http" and not (r.get("rps", 0) > 0 and r.get("ok", 0) > 0):
                failures.append(f"{key}: no successful request")
            elif key == "backup" and not (r.get("seconds", 0) > 0 and r.get("status") == 200):
                failures.append(f"{key}: backup did not succeed")
            elif r.get("kind") == "pairs" and not (min(r["a_rps"] + r["b_rps"]) > 0):
                failures.append(f"{key}: a run of the pairs had no successful request")
            elif key == "rampup" and not r.get("series"):
                failures.append(f"{key}: no rates")
            elif key == "startup" and not (r.get("warm_ms", 0) > 0 and r.get("cold_ms", 0) > 0):
                failures.append(f"{key}: no start-up time")
        if failures:
            print("CHECK FAILED: " + "; ".join(failures), file=sys.stderr)
            sys.exit(2)
        print("CHECK OK: every scenario produced a number", file=sys.stderr)


RECORDS = ["import", "page100", "restore", "export"]


def records_table(results, quick):
    """The records scenarios of issue 12: each measured figure against its target, PASS or MISS."""
    def verdict(ok):
        return "**PASS**" if ok else "**MISS**"

    rows = ["| scenario | measured | target | verdict | notes |", "|---|---:|---|---|---|"]
    r = results.get("import")
    if r and r.get("value"):
        ref = r.get("sqlite3_s")
        reference = f"the sqlite3 command-line tool imports the same CSV into a table in {ref:.2f} s" \
            if ref is not None else "sqlite3 command-line tool not installed: no reference figure"
        rows.append(f"| {r['label']} | **{r['value']:.2f} s** | ≤ 1 s | {verdict(r['value'] <= 1)} | "
                    f"{r.get('inserted', 0):,} inserted, HTTP {r['status']}, {r.get('bytes', 0) / 1e6:.1f} MB; "
                    f"{reference} |")
    else:
        rows.append("| import over HTTP | — | ≤ 1 s | n/a | not run |")
    r = results.get("page100")
    if r and r.get("value"):
        rows.append(f"| {r['label']} | **p99 {r['value']:.2f} ms** | p99 < 5 ms | {verdict(r['value'] < 5)} | "
                    f"{r['note']} |")
    else:
        rows.append("| page of 100 | — | p99 < 5 ms | n/a | not run |")
    r = results.get("restore")
    if r and r.get("value"):
        rows.append(f"| {r['label']} | **{r['value']:.2f} s** | ≤ 10 s | {verdict(r['value'] <= 10)} | "
                    f"{r.get('inserted', 0):,} restored (includes the safety backup of the table), HTTP {r['status']} |")
    else:
        rows.append("| restore | — | ≤ 10 s | n/a | not run |")
    r = results.get("export")
    if r and r.get("value"):
        rss = mib(r.get("rss_kb")) or 0
        rows.append(f"| {r['label']} | **{r['value']:.0f} MB/s** | ≥ 100 MB/s | {verdict(r['value'] >= 100)} | "
                    f"{r['bytes'] / 1e6:,.1f} MB in {r['seconds']:.2f} s (the second export; the first, while the JIT "
                    f"compiles: {r.get('first_mb_per_s', 0):.0f} MB/s), HTTP {r['status']} |")
        rows.append(f"| same export: peak RSS of the server | **{rss:,.0f} MiB** | < 256 MiB | {verdict(rss < 256)} | "
                    "VmHWM of a freshly started server over both exports, start-up included |")
    else:
        rows.append("| export | — | ≥ 100 MB/s | n/a | not run |")
        rows.append("| same export: peak RSS of the server | — | < 256 MiB | n/a | not run |")
    head = "Records (issue 12)" + (" — QUICK MODE: smaller tables and short runs, indicative only" if quick else "")
    return head + ":\n\n" + "\n".join(rows)


def targets(results, quick):
    """The targets of issue 16, each with what was measured and PASS or MISS."""
    def verdict(ok):
        return "n/a" if ok is None else ("**PASS**" if ok else "**MISS**")

    rows = ["| target | measured | verdict |", "|---|---|---|"]
    get20 = results.get("get20", {})
    paced = results.get("paced20", {})
    post = results.get("post", {})
    backup = results.get("backup", {})
    startup = results.get("startup", {})
    rampup = results.get("rampup", {})
    pairs = results.get("gwpairs", {})
    ratio = results.get("ratio", {})

    target = "authenticated GET of 20 ≥ 0.90 of nginx (one worker, wrk -t1 -c32, median of 3 pairs), no non-2xx"
    if ratio.get("ratios"):
        ok = ratio["median_ratio"] >= 0.90 and ratio["a_non2xx"] == 0
        rows.append(f"| {target} | **{ratio['median_ratio']:.2f}** (pairs: "
                    f"{', '.join(f'{x:.2f}' for x in ratio['ratios'])}); {ratio['a_non2xx']} non-2xx | {verdict(ok)} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "the gateway costs ≤ 5 % of throughput (GATEWAY on vs off, median of 3 alternating pairs)"
    if pairs.get("ratios"):
        cost = 1 - pairs["median_ratio"]
        rows.append(f"| {target} | **{cost * 100:.1f} %** (on/off per pair: "
                    f"{', '.join(f'{x:.3f}' for x in pairs['ratios'])}) | {verdict(cost <= 0.05)} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "p99 < 2 ms at half the maximum rate"
    if paced.get("rps") and get20.get("rps"):
        share = paced["rps"] / get20["rps"]
        rows.append(f"| {target} | p99 **{paced['p99_ms']:.2f} ms** (p99.9 {paced['p999_ms']:.2f} ms) at "
                    f"{paced['rps']:,.0f} req/s = {share * 100:.0f} % of max | {verdict(paced['p99_ms'] < 2)} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "POST /prod/students ≥ 10,000 req/s with p99 < 20 ms (SQLite, outbox mailer)"
    if post.get("rps"):
        ok = post["rps"] >= 10_000 and post["p99_ms"] < 20 and post["non2xx"] == 0
        rows.append(f"| {target} | **{post['rps']:,.0f} req/s**, p99 {post['p99_ms']:.1f} ms, {post['non2xx']} non-2xx "
                    f"| {verdict(ok)} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "backup of 1,000,000 students ≤ 2.5 s with peak RSS < 160 MiB"
    if backup.get("seconds"):
        rss = mib(backup.get("rss_kb")) or 0
        ok = backup["seconds"] <= 2.5 and rss < 160 and backup.get("status") == 200
        full = backup.get("count") == 1_000_000
        rows.append(f"| {target} | **{backup['seconds']:.2f} s**, {rss:,.0f} MiB for {backup['count']:,} students | "
                    f"{verdict(ok) if full else 'n/a (not 1,000,000 students)'} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "peak RSS under the main load (GET 20) < 200 MiB"
    if get20.get("rss_kb"):
        rss = mib(get20["rss_kb"])
        rows.append(f"| {target} | **{rss:,.0f} MiB** | {verdict(rss < 200)} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "start-up to the first authenticated GET ≤ 0.8 s"
    if startup.get("warm_ms"):
        rows.append(f"| {target} | **{startup['warm_ms']:.0f} ms** (first start on an empty data dir: "
                    f"{startup['cold_ms']:.0f} ms) | {verdict(startup['warm_ms'] <= 800)} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    target = "≥ 90 % of the steady rate within 10 s of load"
    steady = get20.get("rps") or (statistics.median(pairs["a_rps"]) if pairs.get("a_rps") else None)
    if rampup.get("series") and steady:
        reached = next((i + 1 for i, v in enumerate(rampup["series"]) if v >= 0.9 * steady), None)
        last = rampup["series"][-1] / steady
        seconds = len(rampup["series"])
        ok = reached is not None and seconds >= 10 and last >= 0.9
        when = f"reached in second {reached}" if reached else f"not reached in {seconds} s"
        rows.append(f"| {target} | second {seconds}: **{last * 100:.0f} %** of the steady {steady:,.0f} req/s "
                    f"({when}) | "
                    f"{verdict(ok) if seconds >= 10 else 'n/a (quick: fewer than 10 s)'} |")
    else:
        rows.append(f"| {target} | — | n/a |")
    head = "Targets (issue 16)" + (" — QUICK MODE: a few seconds per scenario, indicative only" if quick else "")
    return head + ":\n\n" + "\n".join(rows)


# ------------------------------------------------------------------------------------------------------- JFR

IDLE_TOP = ("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.poll", "java.lang.Thread.sleep",
            "jdk.internal.misc.Unsafe.park", "java.lang.Object.wait", "sun.nio.ch.EPollPort")

# Where a sample's time goes, judged by the first (innermost) matching frame of its stack.
CATEGORIES = [
    ("quota charge (SqliteUsageCounter.tryCharge, a SQLite write transaction)", ("SqliteUsageCounter.tryCharge",)),
    ("usage plans of the key (SqliteUsagePlanStore)", ("SqliteUsagePlanStore.",)),
    ("key lookup (ApiKeyService.findByValue / SqliteApiKeyStore)", ("SqliteApiKeyStore.", "ApiKeyService.")),
    ("throttle (LocalThrottle / Bucket4j)", ("LocalThrottle.", "io.github.bucket4j")),
    ("student list read (SqliteStudentStore)", ("SqliteStudentStore.",)),
    ("JSON of the students (functions / Jackson)", ("dev.studentapi.functions.", "com.fasterxml.jackson")),
    ("access log (logback)", ("ch.qos.logback", "org.slf4j")),
    ("other dev.studentapi code", ("dev.studentapi.",)),
    ("Javalin", ("io.javalin.",)),
    ("Jetty and socket I/O", ("org.eclipse.jetty.", "sun.nio.", "java.nio.")),
]


LAMBDA = re.compile(r"\$\$Lambda\$\d+(\+0x[0-9a-f]+)?([./](0x)?[0-9a-f]+)?")


def frame_name(text):
    """'pkg.Class.method(Args) line: 12' -> 'pkg.Class.method', generated lambda class names folded."""
    name = text.split("(", 1)[0].strip()
    return LAMBDA.sub("$$Lambda", name)


def iter_events(path, event, depth=64):
    """Streams the events of one type from `jfr print` (text: its JSON holds every frame's full type and is
    far too big for recordings with many lock events). Yields {'frames': [...], 'fields': {...}}."""
    process = subprocess.Popen(["jfr", "print", "--stack-depth", str(depth), "--events", event, path],
                               stdout=subprocess.PIPE, text=True, errors="replace")
    current = None
    in_stack = False
    field = re.compile(r"^  (\w+) = (.*)$")
    for line in process.stdout:
        if current is None:
            if line.rstrip().endswith("{") and not line.startswith(" "):
                current = {"frames": [], "fields": {}}
                in_stack = False
            continue
        if line.rstrip() == "}":
            yield current
            current = None
            continue
        if in_stack:
            text = line.strip()
            if text == "]":
                in_stack = False
            elif text != "...":
                current["frames"].append(frame_name(text))
            continue
        if line.startswith("  stackTrace = ["):
            in_stack = True
            continue
        match = field.match(line.rstrip("\n"))
        if match:
            current["fields"][match.group(1)] = match.group(2)
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, "jfr print")


def cmd_jfr_top(args):
    """Summarises a JFR recording: where the CPU samples fall (Java and native), lock waits, GC."""
    samples = []
    for event in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
        for e in iter_events(args.file, event):
            frames = e["frames"]
            if not frames:
                continue
            if event == "jdk.NativeMethodSample" and frames[0].startswith(IDLE_TOP):
                continue
            samples.append((event, frames))
    total = len(samples)
    out = []
    out.append(f"JFR {os.path.basename(args.file)}: {total} busy samples "
               f"({sum(1 for s in samples if s[0] == 'jdk.ExecutionSample')} Java, "
               f"{sum(1 for s in samples if s[0] == 'jdk.NativeMethodSample')} native after dropping idle waits)")
    if total == 0:
        print("\n".join(out))
        return
    category_counts = collections.Counter()
    for _, frames in samples:
        for label, needles in CATEGORIES:
            if any(any(n in f for n in needles) for f in frames):
                category_counts[label] += 1
                break
        else:
            category_counts["other (JDK, GC helpers, ...)"] += 1
    out.append("")
    out.append("Inclusive share by component (each sample counted once, first matching row wins):")
    out.append("")
    out.append("| component | samples | share |")
    out.append("|---|---:|---:|")
    labels = [label for label, _ in CATEGORIES] + ["other (JDK, GC helpers, ...)"]
    for label in labels:
        if category_counts[label]:
            out.append(f"| {label} | {category_counts[label]} | {category_counts[label] * 100 / total:.1f} % |")

    inclusive = collections.Counter()
    for _, frames in samples:
        for name in set(f for f in frames if f.startswith("dev.studentapi.")):
            inclusive[name] += 1
    out.append("")
    out.append(f"Top {args.top} dev.studentapi methods, inclusive (share of busy samples with the method on the stack):")
    out.append("")
    out.append("| method | share |")
    out.append("|---|---:|")
    for name, count in inclusive.most_common(args.top):
        out.append(f"| `{name}` | {count * 100 / total:.1f} % |")

    self_counts = collections.Counter(frames[0] for _, frames in samples)
    out.append("")
    out.append(f"Top {args.top} self frames (innermost method of each busy sample):")
    out.append("")
    out.append("| method | share |")
    out.append("|---|---:|")
    for name, count in self_counts.most_common(args.top):
        out.append(f"| `{name}` | {count * 100 / total:.1f} % |")

    sqlite = collections.Counter(frames[0] for _, frames in samples if frames[0].startswith("org.sqlite."))
    if sqlite:
        out.append("")
        out.append(f"SQLite driver (innermost frame in org.sqlite): {sum(sqlite.values()) * 100 / total:.1f} % of busy "
                   "samples, of which:")
        out.append("")
        out.append("| native call | share of all busy samples |")
        out.append("|---|---:|")
        for name, count in sqlite.most_common(8):
            out.append(f"| `{name}` | {count * 100 / total:.1f} % |")

    # Lock waits: where threads parked or blocked, summed by the first dev.studentapi frame.
    waits = collections.Counter()
    wait_counts = collections.Counter()
    for event in ("jdk.ThreadPark", "jdk.JavaMonitorEnter"):
        for e in iter_events(args.file, event):
            frames = e["frames"]
            where = next((f for f in frames if f.startswith("dev.studentapi.")), None)
            if where is None:
                continue
            duration = parse_duration(e["fields"].get("duration"))
            waits[where] += duration
            wait_counts[where] += 1
    if waits:
        out.append("")
        out.append("Lock waits over the JFR threshold (jdk.ThreadPark + jdk.JavaMonitorEnter), by first project frame:")
        out.append("")
        out.append("| where | events | total wait |")
        out.append("|---|---:|---:|")
        for where, seconds in waits.most_common(8):
            out.append(f"| `{where}` | {wait_counts[where]} | {seconds:.2f} s |")

    gcs = list(iter_events(args.file, "jdk.GarbageCollection", depth=1))
    pause = sum(parse_duration(e["fields"].get("sumOfPauses")) for e in gcs)
    out.append("")
    out.append(f"GC: {len(gcs)} collections, {pause * 1000:.0f} ms total pause.")
    print("\n".join(out))


DURATION_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(value):
    """JFR text durations: '11.7 ms', '850 us', '1 m 0 s', 'N/A'."""
    if not value:
        return 0.0
    parts = value.split()
    total = 0.0
    for number, unit in zip(parts[0::2], parts[1::2]):
        try:
            total += float(number) * DURATION_UNITS.get(unit, 0.0)
        except ValueError:
            return 0.0
    return total


# ------------------------------------------------------------------------------------------------------ main


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    sub.add_parser("freeport", help="print a free TCP port on 127.0.0.1").set_defaults(func=cmd_freeport)

    p = sub.add_parser("launch", help=cmd_launch.__doc__)
    p.add_argument("--log", required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--header", action="append")
    p.add_argument("--env", action="append", help="NAME=value added to the environment")
    p.add_argument("--timeout", type=float, default=60)
    p.add_argument("--interval", type=float, default=0.01)
    p.add_argument("argv", nargs=argparse.REMAINDER, help="-- command and its arguments")
    p.set_defaults(func=cmd_launch)

    p = sub.add_parser("wait", help=cmd_wait.__doc__)
    p.add_argument("--url", required=True)
    p.add_argument("--header", action="append")
    p.add_argument("--timeout", type=float, default=30)
    p.add_argument("--interval", type=float, default=0.01)
    p.set_defaults(func=cmd_wait)

    p = sub.add_parser("seed", help=cmd_seed.__doc__)
    p.add_argument("--db", required=True)
    p.add_argument("--count", type=int, required=True)
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser("csv", help=cmd_csv.__doc__)
    p.add_argument("--out", required=True)
    p.add_argument("--count", type=int, required=True)
    p.set_defaults(func=cmd_csv)

    p = sub.add_parser("pages", help=cmd_pages.__doc__)
    p.add_argument("--base", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--count", type=int, default=200)
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_pages)

    p = sub.add_parser("record-wrk", help="parse a wrk output and append a result")
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--wrk-out", required=True)
    p.add_argument("--rss-kb", type=int)
    p.add_argument("--note")
    p.add_argument("--set", action="append", help="name=<json value>")
    p.set_defaults(func=cmd_record_wrk)

    p = sub.add_parser("record-pairs", help=cmd_record_pairs.__doc__)
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--note")
    p.add_argument("--set", action="append", help="name=<json value>")
    p.add_argument("wrk_outs", nargs="+", help="wrk outputs in the order run: A1 B1 A2 B2 ...")
    p.set_defaults(func=cmd_record_pairs)

    p = sub.add_parser("record", help="append a result")
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--set", action="append", help="name=<json value>")
    p.set_defaults(func=cmd_record)

    p = sub.add_parser("json-get", help=cmd_json_get.__doc__)
    p.add_argument("file")
    p.add_argument("path")
    p.set_defaults(func=cmd_json_get)

    p = sub.add_parser("result-get", help=cmd_result_get.__doc__)
    p.add_argument("--results", required=True)
    p.add_argument("--id", required=True)
    p.add_argument("--field", required=True)
    p.set_defaults(func=cmd_result_get)

    p = sub.add_parser("wrk-get", help=cmd_wrk_get.__doc__)
    p.add_argument("file")
    p.add_argument("field")
    p.set_defaults(func=cmd_wrk_get)

    p = sub.add_parser("json-len", help="print the length of the JSON array in a file")
    p.add_argument("file")
    p.set_defaults(func=cmd_json_len)

    p = sub.add_parser("report", help="print the results table and the targets")
    p.add_argument("--results", required=True)
    p.add_argument("--meta")
    p.add_argument("--check", action="store_true", help="exit 2 unless every scenario produced a number")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("jfr-top", help=cmd_jfr_top.__doc__)
    p.add_argument("file")
    p.add_argument("--top", type=int, default=15)
    p.set_defaults(func=cmd_jfr_top)

    args = parser.parse_args()
    if args.command == "launch":
        args.argv = args.argv[1:] if args.argv and args.argv[0] == "--" else args.argv
        if not args.argv:
            parser.error("launch needs a command after --")
    args.func(args)


if __name__ == "__main__":
    main()
