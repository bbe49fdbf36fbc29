#!/usr/bin/env python3
"""drill.py: kill Boardpack at random moments of its writes, and run eight
writers at once, then check that nothing committed was lost.

    bench/drill.py [--trials N] [--rows N] [--seed S] [--boardpack PATH]
                   [--window-drill PATH] [--keep DIR] KIND...

KIND is update, import, pack, window, concurrent or all.

  update      `boardpack update` killed (SIGKILL) at a random moment of its
              run: every update whose process exited 0 is in the file.
  import      `boardpack import` of a plan of --rows rows (default 100,000)
              killed at a random moment: the file holds all of the rows or
              none of them, and all of them when the import exited 0.
  pack        `boardpack pack` killed: the programme is unchanged and the
              output is either the previous complete PDF or a new one.
  window      the real window (tests/drill-window, under X: run inside
              xvfb-run) recording updates, killed with SIGKILL (four trials
              in five) or SIGTERM: every update it printed as committed is
              in the file; the main file alone, copied without its -wal,
              holds every update followed by three seconds of quiet; after
              SIGTERM no side file is left that is not empty.
  concurrent  eight `boardpack update` processes at once, N writes each:
              all of them land.

After every trial `boardpack check` must report `integrity: ok`. The
figures are printed as `key: value` lines; the exit status is 1 when
anything was lost or damaged. --trials 1000 is the drill of DESIGN.md
section 8; the test suite runs 50 of each (tests/meson.build).
"""
import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

OWNERS = ["Head of SEND", "Designated Clinical Officer", "Head of Inclusion",
          "Parent Carer Forum Chair", "Principal Educational Psychologist"]
RAGS = ["red", "amber", "green", "blue"]


class Drill:
    def __init__(self, args, work):
        self.bp = args.boardpack
        self.args = args
        self.work = work
        self.rng = random.Random(args.seed)
        self.failures = []

    # ------------------------------------------------------------ helpers
    def run(self, *argv, check=True, env=None):
        p = subprocess.run([self.bp, *argv], capture_output=True, text=True, env=env)
        if check and p.returncode != 0:
            raise RuntimeError(f"boardpack {' '.join(argv)}: exit {p.returncode}: {p.stderr.strip()}")
        return p

    def fail(self, kind, trial, what):
        self.failures.append(f"{kind} trial {trial}: {what}")
        print(f"drill: {kind} trial {trial}: {what}", file=sys.stderr)

    def integrity_ok(self, path):
        p = self.run("check", path, check=False)
        return p.returncode == 0 and "integrity: ok\n" in p.stdout, p

    @staticmethod
    def notes(path, prefix):
        # Read-only: the drill must not apply a WAL left by a kill itself;
        # `boardpack check` has done that by now.
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT commentary FROM progress_update WHERE commentary LIKE ?",
                              (prefix + "%",)).fetchall()
        finally:
            db.close()
        return [r[0] for r in rows]

    @staticmethod
    def main_file_alone(path, into):
        """A copy of the .boardpack file without its side files, as an
        officer who e-mails or backs up the file would take it."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(into + suffix):
                os.unlink(into + suffix)
        shutil.copyfile(path, into)
        return into

    @staticmethod
    def side_file_size(path):
        return sum(os.path.getsize(path + s) for s in ("-wal", "-journal")
                   if os.path.exists(path + s))

    def fresh(self, name, source):
        path = os.path.join(self.work, name)
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(path + suffix):
                os.unlink(path + suffix)
        shutil.copyfile(source, path)
        return path

    def timed(self, argv, runs=3):
        times = []
        for _ in range(runs):
            t = time.monotonic()
            subprocess.run(argv, capture_output=True)
            times.append(time.monotonic() - t)
        return statistics.median(times)

    def kill_at_random(self, argv, span, env=None):
        """Starts argv, kills it with SIGKILL at a random moment of the
        first @span seconds; returns (exit status, seconds waited)."""
        p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        delay = self.rng.uniform(0, span)
        try:
            p.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        return p.returncode, delay, err

    def sample(self):
        path = os.path.join(self.work, "sample.boardpack")
        if not os.path.exists(path):
            self.run("sample", path)
        return path

    # ------------------------------------------------------------- drills
    def drill_update(self):
        n = self.args.trials
        path = self.fresh("update.boardpack", self.sample())
        span = 1.5 * self.timed([self.bp, "update", path, "1.1", "--rag", "green",
                                 "--note", "timing"])
        committed, killed, lost, damaged, left = [], 0, 0, 0, 0
        t0 = time.monotonic()
        for trial in range(n):
            note = f"drill-u-{trial}"
            ref = f"{self.rng.randint(1, 8)}.1"
            rc, _, err = self.kill_at_random(
                [self.bp, "update", path, ref, "--rag", self.rng.choice(RAGS), "--note", note], span)
            if rc == 0:
                committed.append(note)
                if self.side_file_size(path):
                    left += 1
                    self.fail("update", trial, "a side file is left after a clean exit")
            elif rc == -9:
                killed += 1
            else:
                self.fail("update", trial, f"exit {rc}: {err.strip()}")
            ok, p = self.integrity_ok(path)
            if not ok:
                damaged += 1
                self.fail("update", trial, f"check: {p.stdout.strip()} {p.stderr.strip()}")
                path = self.fresh("update.boardpack", self.sample())
                committed = []
                continue
            present = self.notes(path, "drill-u-")
            missing = set(committed) - set(present)
            if missing or len(present) != len(set(present)):
                lost += len(missing)
                self.fail("update", trial, f"{len(missing)} committed updates missing")
        print(f"update.trials: {n}")
        print(f"update.killed: {killed}")
        print(f"update.committed: {len(committed)}")
        print(f"update.lost: {lost}")
        print(f"update.integrity_failures: {damaged}")
        print(f"update.side_files_after_exit: {left}")
        print(f"update.kill_window_s: {span:.3f}")
        print(f"update.seconds: {time.monotonic() - t0:.1f}")

    def write_plan(self, rows):
        path = os.path.join(self.work, f"plan-{rows}.csv")
        if not os.path.exists(path):
            with open(path, "w", encoding="utf-8") as f:
                f.write("Ref,Action,Owner,Due,RAG,Comments\n")
                for i in range(rows):
                    p = i % 8 + 1
                    f.write(f"{p}.{i // 8 + 1},Improve the pathway step {i + 1},"
                            f"{OWNERS[i % len(OWNERS)]},{1 + i % 28:02d}/{1 + i % 12:02d}/2027,"
                            f"{'GAR'[i % 3]},Progress noted on row {i + 1}\n")
        return path

    def action_count(self, path):
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM action").fetchone()[0]
        finally:
            db.close()

    def drill_import(self):
        n, rows = self.args.trials, self.args.rows
        plan = self.write_plan(rows)
        base = os.path.join(self.work, "import-base.boardpack")
        if not os.path.exists(base):
            self.run("new", base, "--title", "Import drill")
        path = self.fresh("import.boardpack", base)
        span = 1.5 * self.timed([self.bp, "import", path, plan, "--dry-run"], runs=1)
        whole, none, half, damaged, completed = 0, 0, 0, 0, 0
        t0 = time.monotonic()
        for trial in range(n):
            rc, _, err = self.kill_at_random([self.bp, "import", path, plan], span)
            if rc not in (0, -9):
                self.fail("import", trial, f"exit {rc}: {err.strip()}")
            ok, p = self.integrity_ok(path)
            if not ok:
                damaged += 1
                self.fail("import", trial, f"check: {p.stdout.strip()} {p.stderr.strip()}")
                path = self.fresh("import.boardpack", base)
                continue
            count = self.action_count(path)
            if count == rows:
                whole += 1
            elif count == 0:
                none += 1
            else:
                half += 1
                self.fail("import", trial, f"half applied: {count} of {rows} actions")
            if rc == 0:
                completed += 1
                if count != rows:
                    self.fail("import", trial, f"exit 0 but {count} of {rows} actions")
            if count:
                path = self.fresh("import.boardpack", base)
        print(f"import.trials: {n}")
        print(f"import.rows: {rows}")
        print(f"import.completed: {completed}")
        print(f"import.all_rows: {whole}")
        print(f"import.no_rows: {none}")
        print(f"import.half_applied: {half}")
        print(f"import.integrity_failures: {damaged}")
        print(f"import.kill_window_s: {span:.3f}")
        print(f"import.seconds: {time.monotonic() - t0:.1f}")

    def pdf_complete(self, path):
        p = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
        return p.returncode == 0 and "Pages:" in p.stdout

    def drill_pack(self):
        n = self.args.trials
        path = self.fresh("pack.boardpack", self.sample())
        out = os.path.join(self.work, "pack.pdf")
        before = self.run("check", path, "--as-of", "2026-12-01").stdout
        span = 1.5 * self.timed([self.bp, "pack", path, "-o", out])
        partial, damaged, changed, completed = 0, 0, 0, 0
        t0 = time.monotonic()
        for trial in range(n):
            rc, _, err = self.kill_at_random([self.bp, "pack", path, "-o", out], span)
            if rc not in (0, -9):
                self.fail("pack", trial, f"exit {rc}: {err.strip()}")
            completed += rc == 0
            ok, p = self.integrity_ok(path)
            if not ok:
                damaged += 1
                self.fail("pack", trial, f"check: {p.stdout.strip()} {p.stderr.strip()}")
            elif self.run("check", path, "--as-of", "2026-12-01").stdout != before:
                changed += 1
                self.fail("pack", trial, "the programme changed")
            if not self.pdf_complete(out):
                partial += 1
                self.fail("pack", trial, f"{out} is not a complete PDF")
            leftovers = [f for f in os.listdir(self.work) if f.startswith("pack.pdf") and f != "pack.pdf"]
            for f in leftovers:
                os.unlink(os.path.join(self.work, f))
        print(f"pack.trials: {n}")
        print(f"pack.completed: {completed}")
        print(f"pack.incomplete_pdfs: {partial}")
        print(f"pack.programme_changed: {changed}")
        print(f"pack.integrity_failures: {damaged}")
        print(f"pack.kill_window_s: {span:.3f}")
        print(f"pack.seconds: {time.monotonic() - t0:.1f}")

    def drill_window(self):
        if not os.environ.get("DISPLAY"):
            sys.exit("drill: the window drill needs an X display: run it inside xvfb-run -a")
        helper = self.args.window_drill
        if not helper or not os.access(helper, os.X_OK):
            sys.exit("drill: --window-drill PATH (the build's tests/drill-window) is needed")
        env = dict(os.environ)
        env.setdefault("GSETTINGS_BACKEND", "memory")
        env.setdefault("GSK_RENDERER", "cairo")
        env.setdefault("GDK_BACKEND", "x11")
        env.setdefault("GTK_A11Y", "none")
        env.setdefault("NO_AT_BRIDGE", "1")
        n = self.args.trials
        totals = dict(edits=0, lost=0, damaged=0, idle_missed=0, left=0, terms=0, kills=0,
                      unclean=0)
        alone = os.path.join(self.work, "window-alone.boardpack")
        t0 = time.monotonic()
        for trial in range(n):
            path = self.fresh("window.boardpack", self.sample())
            seen = []
            p = subprocess.Popen([helper, path, str(self.rng.randint(1, 2**31))],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

            def read(stream=p.stdout):
                for line in stream:
                    if line.startswith("committed "):
                        seen.append((time.monotonic(), line.split()[1]))

            reader = threading.Thread(target=read)
            reader.start()
            time.sleep(self.rng.uniform(0.3, 6.0))
            term = self.rng.random() < 0.2
            kill_time = time.monotonic()
            if term:
                totals["terms"] += 1
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
            else:
                totals["kills"] += 1
                p.kill()
                p.wait()
            reader.join()
            err = p.stderr.read()
            p.stderr.close()
            if term and p.returncode != 0:
                totals["unclean"] += 1
                self.fail("window", trial, f"SIGTERM: exit {p.returncode}: {err.strip()[-300:]}")
            committed = [note for _, note in seen]
            totals["edits"] += len(committed)

            # The main file alone: every edit followed by three quiet seconds
            # (before the kill) must be in it; after SIGTERM, every edit.
            times = [t for t, _ in seen]
            settled = 0
            for i in range(len(times)):
                quiet_until = times[i + 1] if i + 1 < len(times) else kill_time
                if quiet_until - times[i] >= 3.0:
                    settled = i + 1
            if term:
                settled = len(committed)
                if self.side_file_size(path):
                    totals["left"] += 1
                    self.fail("window", trial, "a non-empty side file is left after SIGTERM")
            in_alone = set(self.notes(self.main_file_alone(path, alone), "drill-"))
            missed = [c for c in committed[:settled] if c not in in_alone]
            if missed:
                totals["idle_missed"] += len(missed)
                self.fail("window", trial, f"{len(missed)} settled edits missing from the main file alone")

            ok, pc = self.integrity_ok(path)
            if not ok:
                totals["damaged"] += 1
                self.fail("window", trial, f"check: {pc.stdout.strip()} {pc.stderr.strip()}")
                continue
            present = set(self.notes(path, "drill-"))
            missing = [c for c in committed if c not in present]
            if missing:
                totals["lost"] += len(missing)
                self.fail("window", trial, f"{len(missing)} committed edits missing")
        print(f"window.trials: {n}")
        print(f"window.sigkill: {totals['kills']}")
        print(f"window.sigterm: {totals['terms']}")
        print(f"window.edits_committed: {totals['edits']}")
        print(f"window.lost: {totals['lost']}")
        print(f"window.settled_edits_missing_from_main_file: {totals['idle_missed']}")
        print(f"window.side_files_after_sigterm: {totals['left']}")
        print(f"window.unclean_sigterm_exits: {totals['unclean']}")
        print(f"window.integrity_failures: {totals['damaged']}")
        print(f"window.seconds: {time.monotonic() - t0:.1f}")

    def drill_concurrent(self):
        writers, per = 8, self.args.trials
        path = self.fresh("concurrent.boardpack", self.sample())
        results = []
        lock = threading.Lock()

        def writer(w):
            for i in range(per):
                note = f"drill-c-{w}-{i}"
                t = time.monotonic()
                p = subprocess.run([self.bp, "update", path, f"{w % 8 + 1}.1", "--rag",
                                    RAGS[i % 4], "--note", note], capture_output=True, text=True)
                with lock:
                    results.append((note, p.returncode, time.monotonic() - t, p.stderr.strip()))

        t0 = time.monotonic()
        threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - t0
        failed = [r for r in results if r[1] != 0]
        for note, rc, _, err in failed[:5]:
            self.fail("concurrent", note, f"exit {rc}: {err}")
        present = set(self.notes(path, "drill-c-"))
        landed = sum(1 for r in results if r[0] in present)
        ok, _ = self.integrity_ok(path)
        if not ok:
            self.fail("concurrent", "-", "integrity_check failed")
        if landed != writers * per:
            self.fail("concurrent", "-", f"{writers * per - landed} writes did not land")
        if self.side_file_size(path):
            self.fail("concurrent", "-", "a side file is left after every writer exited")
        lat = sorted(r[2] for r in results)
        print(f"concurrent.writers: {writers}")
        print(f"concurrent.writes: {writers * per}")
        print(f"concurrent.failed: {len(failed)}")
        print(f"concurrent.landed: {landed}")
        print(f"concurrent.wall_s: {wall:.2f}")
        print(f"concurrent.latency_median_ms: {1000 * lat[len(lat) // 2]:.0f}")
        print(f"concurrent.latency_max_ms: {1000 * lat[-1]:.0f}")
        print(f"concurrent.integrity: {'ok' if ok else 'FAILED'}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kinds", nargs="+",
                    choices=["update", "import", "pack", "window", "concurrent", "all"])
    ap.add_argument("--trials", type=int, default=1000)
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--boardpack", default=os.environ.get("BOARDPACK", "_build/src/boardpack"))
    ap.add_argument("--window-drill", default=None)
    ap.add_argument("--keep", default=None, help="work in DIR and keep it")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = random.randrange(2**32)
    print(f"seed: {args.seed}")
    kinds = ["update", "import", "pack", "window", "concurrent"] if "all" in args.kinds else args.kinds
    work = args.keep or tempfile.mkdtemp(prefix="boardpack-drill-")
    os.makedirs(work, exist_ok=True)
    drill = Drill(args, work)
    try:
        for kind in kinds:
            getattr(drill, "drill_" + kind)()
            sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"failures: {len(drill.failures)}")
    sys.exit(1 if drill.failures else 0)


if __name__ == "__main__":
    main()
