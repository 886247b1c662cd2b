#!/usr/bin/env python3
"""OpenAPI conformance run against a running Student Records API server (what `schemathesis run` checks).

    python3 ci/openapi-conformance.py --base http://127.0.0.1:8080 --key <API key> [--examples 120] [--seed 1]

Reads /openapi.json from the server, validates it as an OpenAPI 3.1 document, then for every operation builds
hypothesis strategies from its parameter and body schemas and sends valid requests and invalid ones (values out of
range or of the wrong type, unknown fields, missing fields, bodies that are not JSON, unsupported content types,
odd path segments, a missing key). It fails on any 5xx, any status the operation does not document, a content
type the documented response does not list, and a JSON body that does not validate against the documented schema.
Exit status 0 when every response conforms, 1 otherwise (each problem printed once, with the request that showed
it). Needs python3 with hypothesis, jsonschema, openapi_spec_validator and requests.
"""

import argparse
import datetime
import json
import sys
import time
import urllib.parse

import jsonschema
import requests
from hypothesis import HealthCheck, Phase, given, seed, settings, strategies as st
from openapi_spec_validator import validate as validate_spec

METHODS = ("get", "put", "post", "delete", "patch", "options")
# Operations that do real work per call (a backup of the whole table, a restore): fewer cases.
EXPENSIVE = {("post", "/backup"), ("post", "/backups/{name}/restore")}


# ---------------------------------------------------------------------------------------------- the document

def resolve(node, root, seen=()):
    """The node with every local $ref replaced by a copy of its target (the document has no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                raise SystemExit(f"unsupported or cyclic $ref {ref}")
            target = root
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            merged = dict(resolve(target, root, seen + (ref,)))
            merged.update({k: resolve(v, root, seen) for k, v in node.items() if k != "$ref"})
            return merged
        return {k: resolve(v, root, seen) for k, v in node.items()}
    if isinstance(node, list):
        return [resolve(v, root, seen) for v in node]
    return node


def operations(document):
    for path, item in document["paths"].items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                operation = item[method]
                by_key = {(p["name"], p["in"]): p for p in shared}
                by_key.update({(p["name"], p["in"]): p for p in operation.get("parameters", [])})
                yield method, path, operation, list(by_key.values())


# --------------------------------------------------------------------------------------------- strategies

SAFE_TEXT = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1,
                    max_size=30).filter(lambda s: s.strip())
ANY_TEXT = st.text(max_size=40)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
                           max_leaves=8)


def from_schema(schema):
    """Values that the schema accepts (close enough to be accepted by the server most of the time)."""
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return st.one_of([from_schema(s) for s in schema[key]])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([from_schema({**schema, "type": k}) for k in kind])
    if kind == "string":
        return string_from(schema)
    if kind == "integer":
        return st.integers(schema.get("minimum", -1000), schema.get("maximum", 10_000))
    if kind == "number":
        return st.floats(schema.get("minimum", -1e6), schema.get("maximum", 1e6), allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=min(schema.get("maxItems", 4), 4))
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        return st.fixed_dictionaries({k: from_schema(v) for k, v in properties.items() if k in required},
                                     optional={k: from_schema(v) for k, v in properties.items()
                                               if k not in required})
    return JSON_VALUES


def string_from(schema):
    fmt = schema.get("format")
    if fmt == "date":
        return st.dates(datetime.date(1950, 1, 1), datetime.date.today()).map(datetime.date.isoformat)
    if fmt == "email":
        return st.from_regex(r"[a-z0-9._]{1,12}@[a-z0-9]{1,10}\.(com|vn|edu\.vn)", fullmatch=True)
    if fmt == "date-time":
        return st.datetimes().map(lambda d: d.isoformat() + "Z")
    if "pattern" in schema:
        strategy = st.from_regex(schema["pattern"], fullmatch=True)
    else:
        strategy = SAFE_TEXT
    longest = schema.get("maxLength")
    shortest = schema.get("minLength", 0)
    return strategy.filter(lambda s: (longest is None or len(s) <= longest) and len(s) >= shortest)


def wrong_for(schema):
    """Values of the wrong type or out of range for a parameter of this schema, as they travel (text)."""
    kind = schema.get("type")
    choices = [st.just(""), ANY_TEXT, st.just("null"), st.just("%00")]
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        choices += [st.just("abc"), st.just("1.5"), st.just("99999999999999999999")]
        if low is not None:
            choices.append(st.integers(low - 1000, low - 1).map(str))
        if high is not None:
            choices.append(st.integers(high + 1, high + 1000).map(str))
    if "enum" in schema:
        choices.append(st.sampled_from(["zzz", "MERGE", "Csv", "true"]))
    return st.one_of(choices)


def student_csv(rows_strategy):
    def render(rows):
        lines = ["studentid,name,class,birthdate,email"]
        for row in rows:
            lines.append(",".join('"' + str(row.get(f, "")).replace('"', '""') + '"'
                                  for f in ("studentid", "name", "class", "birthdate", "email")))
        return "\r\n".join(lines) + "\r\n"
    return rows_strategy.map(render)


# --------------------------------------------------------------------------------------------------- cases

class Case:
    def __init__(self, method, path, kind):
        self.method, self.path, self.kind = method, path, kind
        self.path_params, self.query, self.headers = {}, {}, {}
        self.body, self.content_type, self.with_key = None, None, True

    def describe(self):
        body = self.body if isinstance(self.body, str) else json.dumps(self.body, ensure_ascii=False)
        return (f"{self.method.upper()} {self.url_path()} query={self.query} headers={self.headers} "
                f"content-type={self.content_type} key={'yes' if self.with_key else 'no'} "
                f"body={(body or '')[:200]!r} [{self.kind}]")

    def url_path(self):
        path = self.path
        for name, value in self.path_params.items():
            path = path.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        return path


def case_strategy(method, path, operation, parameters, student_ids, backup_names):
    """Valid requests and invalid ones for one operation."""
    body_spec = operation.get("requestBody")

    @st.composite
    def build(draw):
        invalid = draw(st.booleans())
        case = Case(method, path, "invalid" if invalid else "valid")
        spoil = None
        if invalid:
            spoil = draw(st.sampled_from(["parameter", "body", "content-type", "key", "path"]))
        for parameter in parameters:
            schema = parameter.get("schema", {})
            where = parameter["in"]
            name = parameter["name"]
            if where == "path":
                if name == "studentid" and student_ids and draw(st.booleans()):
                    value = draw(st.sampled_from(sorted(student_ids)))
                elif name == "name" and backup_names and draw(st.booleans()):
                    value = draw(st.sampled_from(sorted(backup_names)))
                else:
                    value = draw(from_schema(schema).filter(lambda v: v not in (".", "..")))
                if spoil == "path":
                    # (never "." or "..": clients resolve those dot segments before sending, RFC 3986 §5.2.4)
                    value = draw(st.one_of(ANY_TEXT.filter(lambda v: v not in ("", ".", "..")), st.just("a" * 65),
                                           st.just("%"), st.just("a b"), st.just("a/b")))
                case.path_params[name] = value
                continue
            present = parameter.get("required", False) or draw(st.booleans())
            if name == "confirm" and case.path_params.get("name") in backup_names and draw(st.booleans()):
                case.query[name] = case.path_params["name"]
                continue
            if spoil == "parameter" and draw(st.booleans()):
                value = draw(wrong_for(schema))
            elif present:
                value = draw(from_schema(schema))
            else:
                continue
            if isinstance(value, bool):
                value = str(value).lower()
            if where == "query":
                case.query[name] = str(value)
            elif where == "header":
                case.headers[name] = "".join(ch for ch in str(value) if 0x20 <= ord(ch) < 0x7F).strip() or "x"
        if body_spec:
            content = body_spec.get("content", {})
            media = draw(st.sampled_from(sorted(content)))
            schema = content[media].get("schema", {})
            case.content_type = media
            if media == "text/csv":
                rows = st.lists(from_schema(STUDENT_ROW), max_size=4)
                case.body = draw(student_csv(rows))
            elif path == "/students/import":
                case.body = draw(st.lists(from_schema(STUDENT_ROW), max_size=4))
            else:
                case.body = draw(from_schema(schema))
            if spoil == "body":
                case.body = draw(st.one_of(
                    JSON_VALUES,
                    st.just("{"),
                    ANY_TEXT,
                    from_schema(schema).map(lambda b: {**b, "unknown": 1} if isinstance(b, dict) else b),
                    from_schema(schema).map(lambda b: {k: 7 for k in b} if isinstance(b, dict) else [b]),
                ))
            elif spoil == "content-type":
                case.content_type = draw(st.sampled_from(["text/plain", "application/xml", "image/png", ""]))
        elif spoil in ("body", "content-type") and method in ("post", "put", "patch"):
            case.body = draw(JSON_VALUES)
            case.content_type = "application/json"
        if spoil == "key":
            case.with_key = False
        if method == "get" and draw(st.integers(0, 5)) == 0:
            case.headers["Accept"] = draw(st.sampled_from(["text/csv", "application/json", "*/*", "text/html"]))
        return case

    return build()


STUDENT_ROW = {}


# ------------------------------------------------------------------------------------------------- checking

def media_type(value):
    return (value or "").split(";", 1)[0].strip().lower()


def check(case, response, operation):
    """The problems of one response, as short strings."""
    problems = []
    status = str(response.status_code)
    documented = operation.get("responses", {})
    if response.status_code >= 500:
        problems.append(f"server error {status}")
    spec = documented.get(status) or documented.get(status[0] + "XX") or documented.get("default")
    if spec is None:
        problems.append(f"status {status} is not documented (documented: {', '.join(sorted(documented))})")
        return problems
    content = spec.get("content")
    body = response.content
    received = media_type(response.headers.get("Content-Type"))
    if not content:
        if body:
            problems.append(f"status {status} documents no body, got {len(body)} bytes of {received or '?'}")
        return problems
    if received not in {media_type(m) for m in content}:
        problems.append(f"content type {received or '(none)'} not documented for {status} "
                        f"(documented: {', '.join(content)})")
        return problems
    schema = next(c.get("schema") for m, c in content.items() if media_type(m) == received)
    if schema and received.endswith("json"):
        try:
            value = response.json()
        except ValueError as e:
            problems.append(f"{status} body is not JSON: {e}")
            return problems
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        error = jsonschema.exceptions.best_match(validator.iter_errors(value))
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            rule = "/".join(str(p) for p in error.schema_path)
            problems.append(f"{status} body does not match the documented schema at {where} ({rule}): "
                            f"{error.message[-240:]}")
    return problems


# ------------------------------------------------------------------------------------------------------ main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="http://host:port of the data-plane server")
    parser.add_argument("--key", required=True, help="an API key on a usage plan of the stage")
    parser.add_argument("--examples", type=int, default=120, help="cases per operation (default 120)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    started = time.monotonic()

    session = requests.Session()
    raw = session.get(args.base + "/openapi.json", timeout=10)
    raw.raise_for_status()
    document = raw.json()
    validate_spec(document)
    if not str(document.get("openapi", "")).startswith("3.1"):
        raise SystemExit(f"openapi is {document.get('openapi')!r}, not 3.1.x")
    print(f"/openapi.json is a valid OpenAPI {document['openapi']} document "
          f"({len(document['paths'])} paths)")
    resolved = resolve(document, document)
    STUDENT_ROW.update(resolved["components"]["schemas"]["NewStudent"])
    prefix = args.base + resolved.get("servers", [{"url": ""}])[0]["url"].rstrip("/")
    key_header = next(s["name"] for s in resolved["components"]["securitySchemes"].values()
                      if s.get("type") == "apiKey")

    student_ids = set()
    backup_names = set()
    failures = {}
    total = 0
    for method, path, operation, parameters in operations(resolved):
        sent = {"count": 0, "statuses": {}}
        examples = 10 if (method, path) in EXPENSIVE else args.examples

        @seed(args.seed)
        @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case_strategy(method, path, operation, parameters, student_ids, backup_names))
        def run(case):
            headers = dict(case.headers)
            if case.with_key:
                headers[key_header] = args.key
            data = None
            if case.body is not None:
                data = case.body if isinstance(case.body, str) else json.dumps(case.body, ensure_ascii=False)
                data = data.encode("utf-8")
            if case.content_type is not None:
                headers["Content-Type"] = case.content_type
            try:
                response = session.request(case.method.upper(), prefix + case.url_path(), params=case.query,
                                           headers=headers, data=data, timeout=30, allow_redirects=False)
            except requests.RequestException as e:
                failures.setdefault((method, path, f"no response: {type(e).__name__}"), case.describe())
                return
            sent["count"] += 1
            sent["statuses"][response.status_code] = sent["statuses"].get(response.status_code, 0) + 1
            if method == "post" and path == "/students" and response.status_code == 201:
                student_ids.add(case.body["studentid"])
            if method == "post" and path == "/backup" and response.status_code == 200:
                backup_names.add(response.json()["key"].rsplit("/", 1)[-1])
            for problem in check(case, response, operation):
                failures.setdefault((method, path, problem), case.describe() + f" -> {response.text[:300]!r}")

        run()
        total += sent["count"]
        statuses = ", ".join(f"{k}×{v}" for k, v in sorted(sent["statuses"].items()))
        print(f"{method.upper():7} {path:32} {sent['count']:4} requests: {statuses}")

    # A few cases hypothesis is unlikely to draw: a body just over the 1 MiB limit of the JSON routes, and a path
    # segment with a broken percent escape (sent as is, which requests would not do).
    for method, path, operation, parameters in operations(resolved):
        edge = []
        if operation.get("requestBody"):
            edge.append(("body over 1 MiB", prefix + path.replace("{studentid}", "SV001").replace("{name}", "x.json"),
                         b"[" + b" " * (1 << 20) + b"]", "application/json"))
        if "{" in path:
            broken = prefix + path.replace("{studentid}", "%zz").replace("{name}", "%zz")
            edge.append(("broken percent escape", broken, None, None))
        for label, url, data, content_type in edge:
            headers = {key_header: args.key}
            if content_type:
                headers["Content-Type"] = content_type
            request = requests.Request(method.upper(), url, headers=headers, data=data).prepare()
            request.url = url
            try:
                response = session.send(request, timeout=30, allow_redirects=False)
            except requests.RequestException as e:
                failures.setdefault((method, path, f"{label}: no response: {type(e).__name__}"), url)
                continue
            total += 1
            for problem in check(None, response, operation):
                failures.setdefault((method, path, f"{label}: {problem}"),
                                    f"{method.upper()} {url} -> {response.status_code} {response.text[:200]!r}")

    elapsed = time.monotonic() - started
    if failures:
        print(f"\nFAILED: {len(failures)} problem(s) in {total} requests ({elapsed:.0f} s):")
        for (method, path, problem), example in failures.items():
            print(f"- {method.upper()} {path}: {problem}\n    e.g. {example}")
        sys.exit(1)
    print(f"\nOK: {total} requests, every response conforms to the document ({elapsed:.0f} s)")


if __name__ == "__main__":
    main()
