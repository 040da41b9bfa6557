"""Peak memory for one large session, in a fresh process: prints one JSON line.

``python -m benchmarks.memory N``: imports, then loads a session of N partners (written by the
caller's generator to a file first), computes the health report and tier movements, saves it,
and exports it. Reports the resident-set peak (``ru_maxrss``) after the imports and at the
end, and the tracemalloc peak of Python allocations during load + engine + save + export.
"""

from __future__ import annotations

import json
import resource
import sys
import tracemalloc
from pathlib import Path

from workshop.gc_policy import tune_garbage_collector

tune_garbage_collector()  # measured as the app runs (the command line applies it first)

from benchmarks.generate import TODAY
from session_store import SessionFile
from workshop.export.markdown import export_markdown
from workshop.method.health import health_report
from workshop.method.tier_movement import evaluate_program


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main(path: Path) -> dict[str, float]:
    baseline = _rss_mb()
    tracemalloc.start()
    opened = SessionFile.open(path)
    health_report(opened.session, TODAY)
    evaluate_program(opened.session, TODAY)
    opened.save(opened.session)
    export_markdown(opened.session, today=TODAY)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"rss_after_imports_mb": baseline, "rss_peak_mb": _rss_mb(), "python_peak_mb": peak / 2**20}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
