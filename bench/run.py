"""Idéverket benchmark: `make bench` (a script, not a test; see docs/performance.md).

For each database size it
1. uses or generates a database with `manage.py generate_scale_data --ideas N`
   (SQLite in /tmp/ideverket_bench_<N>.sqlite3, or PostgreSQL database ideverket_bench_<N>
   on 127.0.0.1:5432 with --db postgres),
2. starts gunicorn on 127.0.0.1 with 2 workers (--workers), DEBUG off and a throwaway SECRET_KEY,
3. logs in a generated employee and a generated manager by writing sessions directly,
4. counts each page's SQL queries once in-process (django.test.Client + CaptureQueriesContext,
   in a subprocess with the same settings),
5. loads each page over 20 keep-alive connections for a fixed time after a warm-up and prints
   requests/s, median and p95 latency, errors, queries, the time of one request alone
   (in-process, no HTTP, no concurrency) and throughput relative to /halsa/.

Only 127.0.0.1 is ever contacted.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"
CEILING = "halsa"
# Raise when ideverket/demo/scale.py changes what it generates (2: trials, implementations,
# effects, themes, challenges, events, a coordinator and innovation leads).
DATA_VERSION = 2
# Issue 7's budgets: share of the ceiling's throughput and p95 at 20 connections, per kind of
# page; at most MAX_QUERIES per page at any size; cost at the larger size ≤ MAX_GROWTH × smaller.
BUDGETS = {"list": (0.10, 150), "overview": (0.05, 300)}
MAX_QUERIES = 12
MAX_GROWTH = 1.5
# Requests timed one at a time per page; the median is "alone ms" (one alone was too noisy on a
# shared machine to judge the growth by).
ALONE_RUNS = 7


# --- environment and database ----------------------------------------------------------------
def database_name(ideas):
    # DATA_VERSION is in the name, so data made by an older generator is never reused.
    return f"ideverket_bench_v{DATA_VERSION}_{ideas}"


def bench_env(ideas, db, secret_key):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="ideverket.settings",
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS=HOST,
        PYTHONUNBUFFERED="1",
    )
    env.pop("SQLITE_PATH", None)
    env.pop("DATABASE_URL", None)
    if db == "postgres":
        env["DATABASE_URL"] = f"postgres://postgres@{HOST}:5432/{database_name(ideas)}"
    else:
        env["SQLITE_PATH"] = f"/tmp/{database_name(ideas)}.sqlite3"
    return env


def manage(env, *args, capture=False):
    cmd = [PY, "manage.py", *args]
    if capture:
        return subprocess.run(
            cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    return ""


def ensure_database(ideas, db, env):
    if db == "postgres":
        name = database_name(ideas)
        listed = subprocess.run(
            ["psql", "-h", HOST, "-U", "postgres", "-Atc", "SELECT datname FROM pg_database"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        if name not in listed:
            print(f"createdb {name}")
            subprocess.run(["createdb", "-h", HOST, "-U", "postgres", name], check=True)
    print(f"[{ideas}] migrate")
    manage(env, "migrate", "--noinput", "-v0")
    exists = manage(
        env,
        "shell",
        "-c",
        "from ideverket.demo.scale import scale_run_exists; print(scale_run_exists())",
        capture=True,
    ).strip()
    if exists.endswith("True"):
        print(f"[{ideas}] scale data already generated")
    else:
        print(f"[{ideas}] generate_scale_data --ideas {ideas}")
        manage(env, "generate_scale_data", "--ideas", str(ideas))


# --- in-process part: sessions, URLs and query counts (runs as `run.py --prepare`) ------------
def prepare():
    """Print JSON with session cookies and the pages, each with its query count."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils.module_loading import import_string

    from ideverket.demo.scale import SCALE_DOMAIN
    from ideverket.ideas.models import Idea, Stage
    from ideverket.org.models import RoleAssignment, User

    SessionStore = import_string(f"{settings.SESSION_ENGINE}.SessionStore")

    def session_for(user):
        # What django.contrib.auth.login stores, written without a request.
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[1]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return store.session_key

    people = User.objects.filter(email__endswith="@" + SCALE_DOMAIN)
    scale_roles = RoleAssignment.objects.filter(user__email__endswith="@" + SCALE_DOMAIN)
    manager_role = (
        scale_roles.filter(role=RoleAssignment.Role.MANAGER)
        .select_related("user", "unit")
        .order_by("pk")
        .first()
    )
    manager = manager_role.user
    coordinator = (
        scale_roles.filter(role=RoleAssignment.Role.COORDINATOR).select_related("user").get().user
    )
    employee = (
        people.exclude(pk__in=RoleAssignment.objects.values("user"))
        .filter(unit__isnull=False)
        .order_by("pk")
        .first()
    )
    open_ideas = Idea.objects.filter(visibility=Idea.Visibility.OPEN).order_by("pk")
    submitted = open_ideas.filter(stage=Stage.SUBMITTED).first()
    # The richest idea page: decisions, a trial, an implementation, a handover and effects.
    implemented = open_ideas.filter(stage=Stage.IMPLEMENTED, trials__isnull=False).first()
    department_id = manager_role.unit.department_id
    sessions = {
        "employee": session_for(employee),
        "manager": session_for(manager),
        "coordinator": session_for(coordinator),
    }
    # (name, path, who, budget): see BUDGETS.
    pages = [
        (CEILING, "/halsa/", None, None),  # first, on an idle server
        # The floor for a signed-in page: the layout and menu around a page that reads nothing.
        ("golv: sida utan data", "/vagledning/tillganglighet/", "employee", None),
        ("idélista", "/ideer/", "employee", "list"),
        ("idélista, steg inskickad", "/ideer/?stage=submitted", "employee", "list"),
        ("idé, inskickad", f"/ideer/{submitted.pk}/", "employee", "list"),
        ("sök", "/ideer/?q=hantering", "employee", "list"),
    ]
    if implemented is not None:  # a very small database may have none
        pages.insert(4, ("idé, införd efter test", f"/ideer/{implemented.pk}/", "employee", "list"))
    pages += [
        ("förvaltning", f"/forvaltningar/{department_id}/", "manager", "overview"),
        ("insikter, förvaltningen", "/insikter/", "manager", "overview"),
        ("insikter, kommunen", "/insikter/", "coordinator", "overview"),
    ]
    setup_test_environment()
    result = []
    for name, path, who, budget in pages:
        client = Client(HTTP_HOST=HOST)
        if who:
            client.cookies[settings.SESSION_COOKIE_NAME] = sessions[who]
        client.get(path)  # warms caches and templates
        times = []
        for _ in range(ALONE_RUNS):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        alone_ms = statistics.median(times)
        result.append(
            {
                "name": name,
                "path": path,
                "who": who,
                "budget": budget,
                "status": response.status_code,
                "queries": len(queries),
                "alone_ms": alone_ms,
            }
        )
    print(
        "BENCH-JSON "
        + json.dumps(
            {
                "cookie_name": settings.SESSION_COOKIE_NAME,
                "sessions": sessions,
                "users": {
                    "employee": employee.email,
                    "manager": manager.email,
                    "coordinator": coordinator.email,
                },
                "pages": result,
            }
        )
    )


def prepared(env):
    out = subprocess.run(
        [PY, str(Path(__file__).resolve()), "--prepare"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH-JSON "))
    return json.loads(line.removeprefix("BENCH-JSON "))


# --- server ------------------------------------------------------------------------------------
def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(env, port, workers=2):
    gunicorn = Path(PY).parent / "gunicorn"
    if not gunicorn.exists():
        sys.exit("gunicorn is missing: make bench installs it (pip install -e '.[dev,bench]').")
    cmd = [
        str(gunicorn),
        "ideverket.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/halsa/", headers={"Host": HOST})
            if conn.getresponse().status == 200:
                conn.close()
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("the server did not answer /halsa/ within 30 s")


# --- load generator ------------------------------------------------------------------------------
def load_python(port, path, cookie, connections, warmup, seconds):
    """Hit one path from `connections` threads of this script (when wrk is not installed).

    Counts the requests that complete inside the measured window; a latency includes the time a
    request waits for a free worker (20 connections share 2 workers).
    """
    headers = {"Host": HOST}
    if cookie:
        headers["Cookie"] = cookie
    start = time.monotonic()
    measure_from = start + warmup
    stop = measure_from + seconds
    results = []
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        latencies, errors = [], 0
        while True:
            t0 = time.monotonic()
            if t0 >= stop:
                break
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                ok = False
            t1 = time.monotonic()
            if measure_from <= t1 <= stop:  # completed inside the measured window
                latencies.append(t1 - t0)
                errors += not ok
        conn.close()
        with lock:
            results.append((latencies, errors))

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies = sorted(x for lat, _ in results for x in lat)
    return {
        "rps": len(latencies) / seconds,
        "median_ms": statistics.median(latencies) * 1000 if latencies else 0,
        "p95_ms": percentile(latencies, 0.95) * 1000,
        "errors": sum(e for _, e in results),
        "requests": len(latencies),
    }


WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK-JSON {\\"requests\\": %d, \\"duration_us\\": %d, \\"p50_us\\": %d, \\"p95_us\\": %d, "
    .. "\\"errors\\": %d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def load_wrk(port, path, cookie, connections, warmup, seconds):
    """Hit one path with wrk (2 threads, `connections` keep-alive connections); a warm-up run
    first, then the measured run. Errors: socket errors, timeouts and non-2xx/3xx answers."""
    script = Path(f"/tmp/ideverket_bench_wrk_{os.getpid()}.lua")
    script.write_text(WRK_REPORT)
    url = f"http://{HOST}:{port}{path}"
    base = ["wrk", "-t2", f"-c{connections}", "--timeout", "30s", "-H", f"Host: {HOST}"]
    if cookie:
        base += ["-H", f"Cookie: {cookie}"]
    try:
        # wrk takes whole seconds.
        if warmup > 0:
            subprocess.run(
                [*base, f"-d{max(1, round(warmup))}s", url], check=True, capture_output=True
            )
        out = subprocess.run(
            [*base, f"-d{max(1, round(seconds))}s", "-s", str(script), url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        script.unlink(missing_ok=True)
    line = next(x for x in out.splitlines() if x.startswith("WRK-JSON "))
    report = json.loads(line.removeprefix("WRK-JSON "))
    return {
        "rps": report["requests"] / (report["duration_us"] / 1e6),
        "median_ms": report["p50_us"] / 1000,
        "p95_ms": report["p95_us"] / 1000,
        "errors": report["errors"],
        "requests": report["requests"],
    }


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


def bench_size(ideas, args):
    env = bench_env(ideas, args.db, secrets.token_urlsafe(64))
    ensure_database(ideas, args.db, env)
    info = prepared(env)
    print(f"[{ideas}] " + ", ".join(f"{who} {email}" for who, email in info["users"].items()))
    port = free_port()
    server = start_server(env, port, args.workers)
    rows = []
    try:
        for page in info["pages"]:
            cookie = f"{info['cookie_name']}={info['sessions'][page['who']]}" if page["who"] else ""
            print(f"[{ideas}] {page['path']} ...", flush=True)
            load = load_wrk if args.load == "wrk" else load_python
            measured = load(port, page["path"], cookie, args.connections, args.warmup, args.seconds)
            rows.append({**page, **measured})
    finally:
        server.terminate()
        server.wait(timeout=30)
    ceiling = next(r["rps"] for r in rows if r["name"] == CEILING) or 1
    for row in rows:
        row["of_ceiling"] = row["rps"] / ceiling
    return rows


def misses(row):
    """The budgets a measured page misses, as short labels ("" when it meets them all)."""
    if not row["budget"]:
        return []
    share, p95 = BUDGETS[row["budget"]]
    found = []
    if row["queries"] > MAX_QUERIES:
        found.append(f"queries > {MAX_QUERIES}")
    if row["of_ceiling"] < share:
        found.append(f"< {share:.0%} of ceiling")
    if row["p95_ms"] > p95:
        found.append(f"p95 > {p95} ms")
    if row["errors"] or row["status"] != 200:
        found.append("errors")
    return found


def print_table(ideas, db, rows):
    print()
    print(f"{ideas} ideas, {db}")
    print()
    print(
        "| page | path | as | req/s | median ms | p95 ms | errors | queries | alone ms "
        "| of ceiling | budget |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        errors = str(r["errors"]) + ("" if r["status"] == 200 else f" (status {r['status']})")
        print(
            f"| {r['name']} | `{r['path']}` | {r['who'] or '–'} | {r['rps']:.1f} | "
            f"{r['median_ms']:.0f} | {r['p95_ms']:.0f} | {errors} | {r['queries']} | "
            f"{r['alone_ms']:.0f} | {r['of_ceiling']:.2f} | "
            f"{'–' if not r['budget'] else ', '.join(misses(r)) or 'ok'} |"
        )


def print_comparison(small, large, rows_small, rows_large):
    print()
    print(f"Cost ratio {large} / {small} ideas (time per request under load and alone; queries)")
    print()
    print(
        f"| page | req/s {small} | req/s {large} | cost ratio | alone ms {small} → {large} "
        f"| alone ratio | queries | ≤ {MAX_GROWTH:g}× |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---|")
    large_by_name = {row["name"]: row for row in rows_large}
    pairs = [(a, large_by_name[a["name"]]) for a in rows_small if a["name"] in large_by_name]
    for a, b in pairs:
        ratio = a["rps"] / b["rps"] if b["rps"] else float("inf")
        alone = b["alone_ms"] / a["alone_ms"] if a["alone_ms"] else float("inf")
        print(
            f"| {a['name']} | {a['rps']:.1f} | {b['rps']:.1f} | {ratio:.2f} | "
            f"{a['alone_ms']:.0f} → {b['alone_ms']:.0f} | {alone:.2f} | "
            f"{a['queries']} → {b['queries']} | {growth_verdict(ratio, alone, a, b)} |"
        )


def growth_verdict(ratio, alone, a, b):
    if a["queries"] != b["queries"]:
        return "no: queries grow"
    if ratio <= MAX_GROWTH and alone <= MAX_GROWTH:
        return "ok"
    if ratio > MAX_GROWTH and alone > MAX_GROWTH:
        return "no"
    return "no (under load)" if ratio > MAX_GROWTH else "no (alone)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ideas", type=int, default=10000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--compare", help="two sizes, e.g. 10000,100000")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured time per page")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm-up per page (s)")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn sync workers (default 2, one per core)"
    )
    parser.add_argument(
        "--load",
        choices=["wrk", "python"],
        default="wrk" if shutil.which("wrk") else "python",
        help="load generator: wrk (apt-get install wrk; the default when installed) or "
        "threads in this script",
    )
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare()
        return
    if args.db == "postgres" and not shutil.which("createdb"):
        sys.exit("--db postgres needs the PostgreSQL client tools (psql, createdb)")
    sizes = [int(x) for x in args.compare.split(",")] if args.compare else [args.ideas]
    if len(sizes) not in (1, 2):
        sys.exit("--compare takes two sizes, e.g. 10000,100000")
    print(
        f"{args.connections} connections ({args.load}), {args.warmup:g} s warm-up + "
        f"{args.seconds:g} s per page, gunicorn {args.workers} workers, DEBUG off, "
        f"{os.cpu_count()} CPUs seen"
    )
    results = {n: bench_size(n, args) for n in sizes}
    for n, rows in results.items():
        print_table(n, args.db, rows)
    if len(sizes) == 2:
        print_comparison(sizes[0], sizes[1], results[sizes[0]], results[sizes[1]])


if __name__ == "__main__":
    main()
