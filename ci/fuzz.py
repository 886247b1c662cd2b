#!/usr/bin/env python3
"""Sends hostile and malformed requests to a running Student Records API and fails on what must never happen.

    ci/fuzz.py --base http://127.0.0.1:8080 --key KEY [--requests 10000] [--seed N]

Kinds: malformed JSON and student objects, malformed HTTP (request lines, headers, chunked bodies), bad
percent and UTF-8 encodings, traversal on /downloads/, API-key variants, huge bodies. Fails (exit 1) on any 5xx (but 505 for an unknown
HTTP version),
any stack trace or class name in a body, any stored change without a 201, or the server no longer healthy.
Only the standard library; every request on its own connection, written by hand.
"""
import argparse
import json
import random
import re
import socket
import sys
import time
import urllib.request

LEAK = re.compile(r"Exception|\tat |\bat [a-z]+\.[a-z]+\.|dev\.studentapi|org\.eclipse|java\.(lang|io|util)\.|"
                  r"io\.javalin|Caused by")


def raw(host, port, data, timeout=15.0):
    """Sends bytes and reads until the server closes. Returns (status or None, headers text, body bytes)."""
    with socket.create_connection((host, port), timeout=timeout) as s:
        try:
            s.sendall(data)
        except OSError:
            pass  # the server may answer and close before a large body is sent
        try:
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
    answer = b"".join(chunks)
    if not answer.startswith(b"HTTP/1.1 "):
        return None, "", answer
    head, _, body = answer.partition(b"\r\n\r\n")
    try:
        status = int(head[9:12])
    except ValueError:
        return None, "", answer
    return status, head.decode("latin-1"), body


def request(method, path, headers, body=b"", host="127.0.0.1"):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers]
    if body and not any(name.lower() in ("content-length", "transfer-encoding") for name, _ in headers):
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + body


def student(rng, sid=None):
    return {"studentid": sid or f"FZ{rng.randrange(10**6):06d}", "name": "Fuzz Nguyễn", "class": "CNTT1",
            "birthdate": "2003-02-28", "email": "fuzz@example.com"}


class Fuzzer:
    def __init__(self, base, key, rng):
        m = re.match(r"http://([^:/]+):(\d+)", base)
        self.host, self.port = m.group(1), int(m.group(2))
        self.key = key
        self.rng = rng
        self.failures = []
        self.created = 0
        self.sent = 0
        self.statuses = {}

    # ---------------------------------------------------------------- generators, each returns (label, bytes, is_insert)
    def bad_json(self):
        r = self.rng
        bodies = [b"{", b"}", b"[", b"null", b"true", b"1e999999", b"\"\\ud800\"", b"{\"studentid\":}",
                  b"{\"studentid\":\"SV1\",\"studentid\":\"SV2\"}", b"[" * 5000, b"{\"a\":" * 3000,
                  b"\xff\xfe\x00", b"\xc0\xaf", b"\xed\xa0\x80", b"{\"name\":\"\xe0\x80\x80\"}",
                  json.dumps({"body": "{" * 200}).encode(), json.dumps({"body": 7}).encode(),
                  b"{\"studentid\":\"SV1\",\"name\":\"A\",\"class\":\"C\",\"birthdate\":\"2003-02-28\",\"email\":1}",
                  b"\x00" * 100, bytes(r.randrange(256) for _ in range(r.randrange(1, 300)))]
        obj = student(r)
        field = r.choice(list(obj))
        obj[field] = r.choice([None, 0, -1, 1.5, [], {}, "", " " * 10, "\u0000", "\u202e", "\ud800x", "a" * 100000,
                               "\U0001F600" * 50, "../../etc/passwd", "<script>", "' OR 1=1 --", "%00", "\x1b[31m"])
        bodies.append(json.dumps(obj).encode("utf-8", "surrogatepass"))
        body = r.choice(bodies)
        ctype = r.choice(["application/json", "text/plain", "application/json; charset=latin1", "", "*/*",
                          "multipart/form-data; boundary=x"])
        headers = [("x-api-key", self.key)] + ([("Content-Type", ctype)] if ctype else [])
        return "bad json", request("POST", "/prod/students", headers, body), True

    def bad_http(self):
        r = self.rng
        lines = [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/1.1 x\r\n\r\n", b"GET / HTTP/9.9\r\nHost: a\r\n\r\n",
                 b"GET / HTTP/2.0\r\nHost: a\r\n\r\n", b"\r\n\r\n\r\n", b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: a\r\nX: " + b"h" * 20000 + b"\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", b"GET / HTTP/1.1\r\nBad Header: 1\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: a\r\nX:\x00\r\n\r\n", b"GE\x01T / HTTP/1.1\r\n\r\n",
                 b"POST /prod/students HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                 b"POST /prod/students HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
                 b"POST /prod/students HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999\r\n\r\n",
                 b"POST /prod/students HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
                 b"POST /prod/students HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
                 bytes(r.randrange(1, 256) for _ in range(r.randrange(1, 200)))]
        return "bad http", r.choice(lines), False

    def chunked(self):
        r = self.rng
        size = r.choice([b"zz", b"-1", b"0x2", b" 2", b"ffffffffffffffffffff", b"2;" + b"x" * 70000, b"", b"2\n",
                         b"7fffffff", b"2;a=\"unterminated", b"1" * 30])
        body = size + b"\r\n{}\r\n" + r.choice([b"0\r\n\r\n", b"", b"0\r\nX-Trailer: " + b"t" * 20000 + b"\r\n\r\n"])
        head = request("POST", r.choice(["/prod/students", "/prod/students/import", "/prod/backup", "/prod"]),
                       [("x-api-key", self.key), ("Content-Type", "application/json"),
                        ("Transfer-Encoding", "chunked")])
        return "chunked", head + body, True

    def encodings(self):
        r = self.rng
        path = r.choice(["/%u002e", "/prod/%u002e", "/downloads/%u002e", "/prod/students/%u00", "/prod/%zz",
                         "/prod/students/%", "/prod/students/%E0%80%80", "/prod/students/%ED%A0%80",
                         "/prod/students/%C0%AF", "/prod/students?limit=%u0031", "/prod/students?q=%ff%fe",
                         "/prod/students?cursor=%00", "/prod/students?limit=99999999999999999999",
                         "/prod/students?limit=-1", "/prod/students?cursor=" + "A" * 5000,
                         "/prod/students/" + "%41" * 3000, "/prod/students/SV%2F001", "/%2e%2e/%2e%2e/etc/passwd",
                         "/prod/backups/%2e%2e%2fsecrets", "/prod/students/\u00e9".encode("utf-8").decode("latin-1")])
        key = [("x-api-key", self.key)] if r.random() < 0.7 else []
        return "encoding", request(r.choice(["GET", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"]), path, key,
                                   b"{}" if r.random() < 0.3 else b""), False

    def traversal(self):
        r = self.rng
        path = r.choice(["/downloads/student-backup-20250706/../secrets/download-signing.key",
                         "/downloads/student-backup-20250706/%2e%2e/secrets/download-signing.key",
                         "/downloads/student-backup-20250706/..%2fsecrets%2fdownload-signing.key",
                         "/downloads/..%2f..%2fstudent-api.db", "/downloads/student-backup-20250706/backups/",
                         "/downloads/student-backup-20250706/.backup-x.tmp", "/downloads/%00/x",
                         "/downloads/student-backup-20250706/backups/backup-1.json?expires=1&signature=x",
                         "/downloads/student-backup-20250706/backups/backup-1.json?expires=99999999999999999999",
                         "/downloads/" + "a/" * 500 + "x", "/downloads/student-backup-20250706/\\..\\secrets",
                         "/../../../etc/passwd", "/downloads/student-backup-20250706/backups/%252e%252e"])
        return "traversal", request(r.choice(["GET", "HEAD"]), path, []), False

    def keys(self):
        r = self.rng
        value = r.choice(["", " ", self.key + " ", " " + self.key, self.key.upper(), self.key[:-1], self.key + "x",
                          "k" * 10000, "\u00e9" * 40, self.key + "\x00", "null", "undefined", "*", "%s%s%s",
                          "${jndi:ldap://x}", "".join(r.choice("abcXYZ019") for _ in range(40))])
        headers = [("x-api-key", value)]
        if r.random() < 0.2:
            headers.append(("x-api-key", self.key))
        if r.random() < 0.2:
            headers.append(("X-Forwarded-For", r.choice(["1.2.3.4", "", "x" * 1000, "::1, 10.0.0.1"])))
        return "key", request(r.choice(["GET", "POST"]), "/prod/students", headers,
                              json.dumps(student(r)).encode() if r.random() < 0.3 else b""), True

    def huge(self):
        r = self.rng
        size = r.choice([1024 * 1024 + 1, 2 * 1024 * 1024, 9 * 1024 * 1024])
        obj = student(r)
        obj["name"] = "x" * size
        body = json.dumps(obj).encode()
        return "huge", request("POST", r.choice(["/prod/students", "/prod/students/import"]),
                               [("x-api-key", self.key), ("Content-Type", "application/json")], body), True

    def valid(self):
        r = self.rng
        body = json.dumps(student(r)).encode()
        return "valid insert", request("POST", "/prod/students", [("x-api-key", self.key),
                                                                  ("Content-Type", "application/json")], body), True

    def admin(self):
        """Hostile requests to the control-plane port (they must not reach any operation: none is signed)."""
        r = self.rng
        path = r.choice(["/apikeys", "/usageplans", "/restapis", "/console/", "/console/api/session", "/tags/x",
                         "/apikeys/%u002e", "/usageplans/%zz", "/console/%u002e", "/apikeys/" + "a" * 20000,
                         "/apikeys?limit=%ff", "/%2e%2e/%2e%2e/etc/passwd"])
        kind = r.randrange(4)
        if kind == 0:
            return "admin bad http", r.choice([b"GARBAGE\r\n\r\n", b"GET /apikeys HTTP/9.9\r\nHost: a\r\n\r\n",
                                               b"GET /apikeys HTTP/1.1\r\nHost: a\r\nX: " + b"h" * 20000 + b"\r\n\r\n",
                                               b"GET /apikeys HTTP/1.1\r\nBad Header: 1\r\n\r\n",
                                               bytes(r.randrange(1, 256) for _ in range(r.randrange(1, 200)))]), False
        if kind == 1:
            size = r.choice([b"zz", b"-1", b"0x2", b" 2", b"ffffffffffffffffffff", b"2;" + b"x" * 70000, b""])
            head = request("POST", r.choice(["/apikeys", "/usageplans", "/console/api/session"]),
                           [("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])
            return "admin chunked", head + size + b"\r\n{}\r\n" + r.choice([b"0\r\n\r\n", b""]), False
        headers = [("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAFUZZ/20261202/us-east-1/apigateway/"
                                     "aws4_request, SignedHeaders=host, Signature=" + "0" * 64)] if kind == 2 else []
        return "admin request", request(r.choice(["GET", "POST", "PATCH", "DELETE", "PUT"]), path, headers,
                                        b"{\"name\":\"x\"}" if r.random() < 0.5 else b""), False

    # ------------------------------------------------------------------------------------------------ checks
    def send(self, label, data, insert):
        self.sent += 1
        try:
            status, head, body = raw(self.host, self.port, data)
        except OSError as e:
            self.failures.append(f"{label}: connection failed: {e}")
            return
        self.statuses[status] = self.statuses.get(status, 0) + 1
        text = body.decode("utf-8", "replace")
        if status is not None and status >= 500 and status != 505:  # 505: the answer to an unknown HTTP version
            self.failures.append(f"{label}: {status} for {data[:200]!r}: {text[:300]}")
        if LEAK.search(text):  # the headers name AWS error types (ForbiddenException) by design
            self.failures.append(f"{label}: a trace or class name in the answer to {data[:200]!r}: {text[:300]}")
        if insert and status == 201 and data.startswith(b"POST /prod/students "):
            self.created += 1

    def healthy(self):
        try:
            with urllib.request.urlopen(f"http://{self.host}:{self.port}/health", timeout=10) as answer:
                return answer.status == 200
        except OSError:
            return False

    def students(self):
        found, cursor = [], None
        while True:
            path = "/prod/students?limit=1000" + (f"&cursor={cursor}" if cursor else "")
            req = urllib.request.Request(f"http://{self.host}:{self.port}{path}", headers={"x-api-key": self.key})
            with urllib.request.urlopen(req, timeout=30) as answer:
                found += json.loads(answer.read())
                link = answer.headers.get("Link") or ""
            m = re.search(r"cursor=([^>&]+)>", link)
            if not m:
                return found
            cursor = m.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--admin", help="the control plane's base URL: a tenth as many requests go there too")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    fuzz = Fuzzer(args.base, args.key, rng)
    before = fuzz.students()
    kinds = [fuzz.bad_json] * 5 + [fuzz.bad_http] * 3 + [fuzz.chunked] * 2 + [fuzz.encodings] * 3 + \
            [fuzz.traversal] * 2 + [fuzz.keys] * 3 + [fuzz.valid]
    started = time.monotonic()
    for i in range(args.requests):
        kind = fuzz.huge if i % 500 == 499 else rng.choice(kinds)
        fuzz.send(*kind())
        if i % 1000 == 999 and not fuzz.healthy():
            fuzz.failures.append(f"the server was unhealthy after {i + 1} requests")
            break
    if args.admin:
        admin = Fuzzer(args.admin, args.key, rng)
        for _ in range(args.requests // 10):
            admin.send(*admin.admin())
        fuzz.failures += ["control plane: " + failure for failure in admin.failures]
        fuzz.sent += admin.sent
        for status, count in admin.statuses.items():
            fuzz.statuses[f"admin {status}"] = count
    if not fuzz.healthy():
        fuzz.failures.append("the server was unhealthy at the end")
    after = fuzz.students()
    if len(after) - len(before) != fuzz.created:
        fuzz.failures.append(f"{len(after) - len(before)} students stored but {fuzz.created} inserts answered 201")
    unchanged = {s["studentid"]: s for s in before}
    for s in after:
        if s["studentid"] in unchanged and unchanged[s["studentid"]] != s:
            fuzz.failures.append(f"student {s['studentid']} changed without a request answered for it")
    elapsed = time.monotonic() - started
    print(f"fuzz: {fuzz.sent} requests in {elapsed:.0f} s (seed {args.seed}), answers "
          f"{dict(sorted((str(k), v) for k, v in fuzz.statuses.items()))}, {fuzz.created} students created")
    for failure in fuzz.failures[:50]:
        print("FAIL " + failure)
    print(f"{fuzz.sent - len(fuzz.failures)} passed, {len(fuzz.failures)} failed")
    sys.exit(1 if fuzz.failures else 0)


if __name__ == "__main__":
    main()
