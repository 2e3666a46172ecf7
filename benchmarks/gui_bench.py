"""Desktop editor speed: cold start ≤ 2 s, keystroke → updated preview ≤ 100 ms on a 12-page issue with no
GUI-thread stall over 30 ms, RSS ≤ 250 MB with a 12-page issue open.

Run: ``.venv/bin/python benchmarks/gui_bench.py``. Prints each figure beside its budget and flags OVER; never
part of the test suite (timings in tests are flaky on shared machines).

- **Cold start**: the real app in a fresh process (offscreen platform, temp user folders), timed from the
  process start until the window is shown and the preview has painted its first pages (the test hook,
  enabled only by an environment variable, writes the moment). Judged on the everyday start (an existing
  archive); the very first start, which creates the archive and stores the reference issue, is printed too.
- **Keystroke → preview**: in a fresh process, a generated 12-page issue (the one benchmarks/layout.py uses)
  is opened and characters are typed into an article body on page 6 as key events. The preview waits for
  a ~300 ms pause by design (the debounce), so the figure is the work a keystroke costs: handling the key
  on the GUI thread plus, once the debounce fires, the layout on the worker until the preview has painted
  the new page. The debounce is printed beside it.
- **Stalls**: a 5 ms QTimer heartbeat runs through the whole typing session; the longest gap between two
  beats, less the interval, is the longest time the GUI thread could not react.
- **Memory**: VmRSS after the 12-page issue is laid out and painted (page strip included).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BUDGETS = {"cold start (existing archive)": 2000.0, "cold start (first run: new archive)": 2000.0,
           "keystroke → updated preview (median)": 100.0, "keystroke → updated preview (worst)": 100.0,
           "longest GUI-thread stall": 30.0, "RSS with a 12-page issue open": 250.0}
UNITS = {"RSS with a 12-page issue open": "MB"}


def _env(base: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"), XDG_DATA_HOME=str(base / "data"),
               XDG_CONFIG_HOME=str(base / "config"), XDG_STATE_HOME=str(base / "state"),
               XDG_CACHE_HOME=str(base / "cache"))
    env.pop("BULLETIN_DESK_ARCHIVE", None)
    return env


def _run_app(base: Path, steps: list[dict], name: str, timeout: float = 60.0) -> tuple[float, dict]:
    """Start the app with a hook script; returns (wall seconds from spawn to 'ready', the ready record)."""
    ready = base / f"{name}.ready.json"
    ready.unlink(missing_ok=True)
    script = base / f"{name}.json"
    script.write_text(json.dumps({"restore": False, "steps": [*steps, {"ready": str(ready)}, {"quit": True}]}),
                      encoding="utf-8")
    env = dict(_env(base), BULLETIN_DESK_TEST_HOOK=str(script))
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "bulletin_desk", "--archive", str(base / "archive.sqlite3")],
                            env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit(f"{name}: the app did not get ready within {timeout} s") from None
    if not ready.exists():
        raise SystemExit(f"{name}: no ready record (exit {proc.returncode}): {err.decode(errors='replace')[-1500:]}")
    record = json.loads(ready.read_text(encoding="utf-8"))
    return record["time"] - started, record


CPU_MS: dict[str, float] = {}  # the CPU time of the same runs, printed beside the wall time


def cold_start(repeats: int = 5) -> dict[str, float]:
    first: list[float] = []
    everyday: list[float] = []
    first_cpu: list[float] = []
    everyday_cpu: list[float] = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            seconds, record = _run_app(base, [], "first")
            first.append(seconds)
            first_cpu.append(record["cpu_s"])
            seconds, record = _run_app(base, [], "again")
            everyday.append(seconds)
            everyday_cpu.append(record["cpu_s"])
    CPU_MS["cold start (existing archive)"] = statistics.median(everyday_cpu) * 1000
    CPU_MS["cold start (first run: new archive)"] = statistics.median(first_cpu) * 1000
    return {"cold start (existing archive)": statistics.median(everyday) * 1000,
            "cold start (first run: new archive)": statistics.median(first) * 1000}


def typing_session() -> dict[str, float]:
    """Runs in its own process (``--typing``): a clean interpreter, like the app's."""
    with tempfile.TemporaryDirectory() as folder:
        proc = subprocess.run([sys.executable, __file__, "--typing"], env=_env(Path(folder)), cwd=REPO,
                              capture_output=True, timeout=300, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"typing session failed: {proc.stderr.decode(errors='replace')[-2000:]}")
    return json.loads(proc.stdout.decode().strip().splitlines()[-1])


def _typing_in_process(keys: int = 12) -> dict[str, float]:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication
    from tests.support.generate import twelve_page_issue

    from bulletin_desk import app as app_module
    from bulletin_desk.gui import layout_runner
    from bulletin_desk.gui.settings import Settings
    from bulletin_desk.gui.testhook import rss_kb, type_text

    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    base = Path(os.environ["XDG_DATA_HOME"])
    session = app_module.open_session(base / "archive.sqlite3", Settings(), lambda _w, _e: False)
    window = session.window
    assert window is not None
    window.resize(1480, 920)
    window.show()
    issue = twelve_page_issue()
    window.doc.load(issue)
    app_module.settle_heap()  # as `main` does once its event loop runs

    def settle(timeout_s: float = 30.0) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            qapp.processEvents()
            if window.runner.is_idle() and window.page_strip.pending() == 0 and window.preview.page_count():
                return
            time.sleep(0.002)
        raise SystemExit("the preview did not settle")

    settle()
    pages = window.preview.page_count()
    # the article whose first line is on page 6 (the middle of the issue)
    target = next(line.source for line in window.preview.canvas.pages()[min(5, pages - 1)].lines
                  if line.source is not None and line.source.article is not None and line.source.paragraph)
    window.select_node(("article", target.section, target.article))
    body = window.editors.article.body
    cursor = body.textCursor()
    cursor.setPosition(body.document().findBlockByNumber(target.paragraph).position() + 5)
    body.setTextCursor(cursor)
    window.preview.set_zoom(1.0)
    window.preview.show_source(target.section, target.article, target.paragraph)
    settle()
    rss = rss_kb() / 1024

    gaps: list[float] = []
    beat = QElapsedTimer()
    beat.start()
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def tick() -> None:
        gaps.append(beat.restart())

    heartbeat.timeout.connect(tick)
    heartbeat.start()
    painted: list[float] = []
    canvas = window.preview.canvas
    original_paint = canvas.paintEvent

    def paint_and_note(event: object) -> None:
        original_paint(event)  # type: ignore[arg-type]
        painted.append(time.perf_counter())

    canvas.paintEvent = paint_and_note  # type: ignore[method-assign]
    requested: list[float] = []
    runner = window.runner
    original_request = runner.request_now

    def request_and_note() -> None:
        requested.append(time.perf_counter())
        original_request()

    runner._timer.timeout.disconnect()
    runner._timer.timeout.connect(request_and_note)
    per_key: list[float] = []
    for k in range(keys):
        key_started = time.perf_counter()
        type_text(body, "文明"[k % 2])
        key_cost = time.perf_counter() - key_started
        painted.clear()
        requested.clear()
        layouts_before = runner._generation
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the debounce, the layout on the worker, the repaint
            qapp.processEvents()
            if requested and runner.is_idle() and runner._generation > layouts_before and painted \
                    and painted[-1] > requested[0]:
                break
            time.sleep(0.001)
        else:
            raise SystemExit("no repaint after a keystroke")
        # let the page strip finish too (its thumbnails are part of the GUI thread's work)
        while window.page_strip.pending():
            qapp.processEvents()
            time.sleep(0.001)
        per_key.append((key_cost + painted[-1] - requested[0]) * 1000)
        for _ in range(20):  # a short pause between keys, as a typist's
            qapp.processEvents()
            time.sleep(0.005)
    heartbeat.stop()
    stall = max(gaps[1:], default=0.0) - heartbeat.interval()
    window.doc.stack.setClean()
    window.close()
    runner.wait_idle(5000)
    session.close()
    return {"pages": pages, "keystroke → updated preview (median)": statistics.median(per_key),
            "keystroke → updated preview (worst)": max(per_key), "longest GUI-thread stall": stall,
            "RSS with a 12-page issue open": rss, "debounce": float(layout_runner.DEBOUNCE_MS)}


def main() -> int:
    if "--typing" in sys.argv:
        print(json.dumps(_typing_in_process()))
        return 0
    figures = cold_start()
    typing = typing_session()
    pages, debounce = typing.pop("pages"), typing.pop("debounce")
    figures.update(typing)
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; 12-page issue: {pages:.0f} pages; "
          f"the preview waits {debounce:.0f} ms after the last keystroke (debounce), not counted below")
    # As in benchmarks/layout.py: on a machine loaded beyond its cores the wall time of a start mostly
    # measures the neighbours, so the CPU time of the same runs decides there (both are printed).
    loaded = os.getloadavg()[0] > (os.cpu_count() or 1)
    over = 0
    for name, value in figures.items():
        budget = BUDGETS[name]
        unit = UNITS.get(name, "ms")
        cpu = CPU_MS.get(name)
        judged = cpu if (loaded and cpu is not None) else value
        flag = "OVER" if judged > budget else "ok"
        over += judged > budget
        extra = f" (CPU {cpu:6.0f} ms{', loaded: judged on CPU' if loaded else ''})" if cpu is not None else ""
        print(f"{name:38s} {value:8.1f} {unit}{extra:36s}   budget {budget:6.0f} {unit}   {flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
